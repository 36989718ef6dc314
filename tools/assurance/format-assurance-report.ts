import type { AssuranceReport } from './assurance.types.ts';
import { moneyText } from './money-bag.ts';

/**
 * The report in words for a terminal (CLI and demo): the stages, the check that their gaps add up,
 * then every non-empty gap with its first `items` items. Amounts are printed as computed; "~"
 * marks an estimate.
 */
export function formatAssuranceReport(r: AssuranceReport, opts: { items?: number } = {}): string {
  const shown = opts.items ?? 5;
  const out = [`Revenue assurance ${r.tenant} ${r.period} (usage ${r.window.from} to ${r.window.to}, ${r.timezone})`, '', 'Stages:'];
  for (const s of r.stages) {
    const est = Object.keys(s.estimated).length && Object.values(s.estimated).some((v) => v !== '0') ? ` (of which ~${moneyText(s.estimated)} estimated)` : '';
    out.push(`  ${s.id.padEnd(9)} ${String(s.count).padStart(8)} ${s.unit.padEnd(8)} ${moneyText(s.money)}${est}  — ${s.label}`);
  }
  out.push('', 'Checks (each stage = the next + the gaps between them):');
  for (const c of r.checks) out.push(`  ${c.countAddsUp && c.moneyAddsUp ? 'ok ' : 'BAD'} ${c.equation}`);
  out.push(`gaps add up: ${r.gapsAddUp ? 'yes' : 'no'}`, '', 'Gaps:');
  const nonEmpty = r.gaps.filter((g) => g.itemCount > 0);
  if (!nonEmpty.length) out.push('  none');
  for (const g of nonEmpty) {
    const risk = Object.keys(g.atRisk).length ? `, at risk ~${moneyText(g.atRisk)}` : '';
    out.push(`  ${g.leak ? 'LEAK ' : '     '}${g.cause} (${g.from} → ${g.to}): ${g.itemCount} items, ${g.count} out of the flow, ${g.estimate ? '~' : ''}${moneyText(g.money)}${risk} — ${g.label}`);
    if (g.estimate) out.push(`        estimated: ${g.estimate}`);
    for (const i of g.items.slice(0, shown)) out.push(`        ${i.ref}: ${i.detail}${i.amount !== null ? ` (${i.estimated ? '~' : ''}${i.amount} ${i.currency})` : ''}`);
    if (g.itemCount > shown) out.push(`        … and ${g.itemCount - shown} more`);
  }
  out.push('', `Leaks: ${r.leaks.items} items, ${moneyText(r.leaks.money)} out of the flow, ~${moneyText(r.leaks.atRisk)} more at risk`);
  return out.join('\n');
}

/* The offline model's answers to pricing questions: templates that copy the tools' figures as
 * they are (strings); nothing here computes an amount. */

// biome-ignore lint/suspicious/noExplicitAny: tool results are read field by field, as the other answer templates do
type Json = Record<string, any>;

const pct = (p: string | null) => (p === null ? '' : ` (${p}%)`);
const rows = (xs: Json[], f: (x: Json) => string) => xs.map((x) => `  - ${f(x)}`).join('\n');

/** Answers of the pricing tools, by tool name. */
export const PRICING_WRITERS: Record<string, (x: Json) => string> = {
  pricing_what_if: (x) =>
    [
      `Re-priced ${x.period} in memory with tariff ${x.tariff} and catalog ${x.catalog} (${x.currency}, net of tax; nothing stored changed):`,
      `Billed ${x.total.before}; with the proposal ${x.total.after}; change ${x.total.change}${pct(x.total.changePercent)}. ${x.changedAccounts} of ${x.accounts} accounts change; ${x.events.repriced} events priced again${x.events.failed ? `, ${x.events.failed} could not be priced` : ''}.`,
      ...(x.byCategory.length ? ['By category (what moved):', rows(x.byCategory, (r) => `${r.key}: ${r.before} → ${r.after} (${r.change})`)] : ['No category changed.']),
      'By segment:',
      rows(x.bySegment, (r) => `${r.key}: ${r.before} → ${r.after} (${r.change})`),
      ...(x.byPlan.length ? ['By plan (what moved):', rows(x.byPlan, (r) => `${r.key}: ${r.before} → ${r.after} (${r.change})`)] : []),
      ...(x.increases.length ? ['Largest increases:', rows(x.increases, (a) => `${a.accountId} ${a.customerName}: ${a.before} → ${a.after} (+${a.change})`)] : []),
      ...(x.decreases.length ? ['Largest decreases:', rows(x.decreases, (a) => `${a.accountId} ${a.customerName}: ${a.before} → ${a.after} (${a.change})`)] : []),
      `(${x.ms} ms.)`,
    ].join('\n'),
  usage_trends: (x) =>
    [
      `Usage trends by ${x.bucket}, ${x.from ?? '-'} to ${x.to ?? '-'}; forecast for ${x.future.join(', ')} (${x.currency}).`,
      ...(x.note ? [x.note] : []),
      `Back-test (rolling origin, one ${x.bucket} ahead): rated amount MAPE ${x.ratedMape == null ? 'n/a' : `${x.ratedMape}%`}, usage MAPE ${x.quantityMape == null ? 'n/a' : `${x.quantityMape}%`}.`,
      `Total rated usage: last ${x.total.last ?? '0.00'}, forecast ${x.total.forecast.join(', ')} (${x.total.method.replace('_', ' ')}${x.total.mape ? `, MAPE ${x.total.mape}%` : ''}).`,
      'By category (usage in its unit):',
      rows(x.categories.slice(0, 14), (c) => `${c.key}: last ${c.last} ${c.unit}, forecast ${c.forecast.join(', ')} (${c.method.replace('_', ' ')}${c.mape ? `, MAPE ${c.mape}%` : ''})`),
    ].join('\n'),
};

import { BillingError } from '../errors.ts';
import { lineSectionSchema, type InvoiceDocument, type InvoiceLine, type UsageSummaryRow } from '../invoice/invoice.types.ts';
import { dec, ZERO, type Decimal } from '../money/index.ts';
import { invoiceComparisonSchema, type ChangeCause, type InvoiceComparison, type LineDelta, type SectionDelta, type UsageDelta } from './audit.types.ts';
import { describeLineChange, describeUsageChange } from './describe-change.ts';
import { formatAmount } from './format-amount.ts';
import { lineMatchKey } from './match-line-key.ts';

interface LineGroup {
  lines: InvoiceLine[];
  amount: Decimal;
  events: number;
}

/** Lines by match key, in document order; a key can hold several lines (a line split at a plan or rate change). */
function groupLines(doc: InvoiceDocument): Map<string, LineGroup> {
  const groups = new Map<string, LineGroup>();
  for (const line of doc.lines) {
    const key = lineMatchKey(line.id);
    const g = groups.get(key) ?? { lines: [], amount: ZERO, events: 0 };
    g.lines.push(line);
    g.amount = g.amount.plus(line.amount);
    g.events += line.provenance.usageEvents.length;
    groups.set(key, g);
  }
  return groups;
}

function compareLines(before: InvoiceDocument, after: InvoiceDocument): LineDelta[] {
  const was = groupLines(before);
  const now = groupLines(after);
  const keys = [...now.keys(), ...[...was.keys()].filter((k) => !now.has(k))];
  return keys.map((key) => {
    const b = was.get(key);
    const a = now.get(key);
    const shown = (a ?? b)!.lines[0]!;
    const beforeAmount = b?.amount ?? ZERO;
    const afterAmount = a?.amount ?? ZERO;
    return {
      key,
      section: shown.section,
      description: shown.description,
      msisdn: shown.msisdn,
      beforeIds: b?.lines.map((l) => l.id) ?? [],
      afterIds: a?.lines.map((l) => l.id) ?? [],
      before: formatAmount(beforeAmount, after.currency),
      after: formatAmount(afterAmount, after.currency),
      delta: formatAmount(afterAmount.minus(beforeAmount), after.currency),
      beforeEvents: b?.events ?? 0,
      afterEvents: a?.events ?? 0,
      presence: a && b ? 'both' : a ? 'only_after' : 'only_before',
    };
  });
}

function compareSections(before: InvoiceDocument, after: InvoiceDocument): SectionDelta[] {
  const sum = (doc: InvoiceDocument, section: string) => doc.lines.filter((l) => l.section === section).reduce((s, l) => s.plus(l.amount), ZERO);
  return lineSectionSchema.options
    .filter((section) => before.lines.some((l) => l.section === section) || after.lines.some((l) => l.section === section))
    .map((section) => {
      const b = sum(before, section);
      const a = sum(after, section);
      return { section, before: formatAmount(b, after.currency), after: formatAmount(a, after.currency), delta: formatAmount(a.minus(b), after.currency) };
    });
}

function compareUsage(before: InvoiceDocument, after: InvoiceDocument): UsageDelta[] {
  const key = (r: UsageSummaryRow) => `${r.service}:${r.category}`;
  const was = new Map(before.usageSummary.map((r) => [key(r), r]));
  const now = new Map(after.usageSummary.map((r) => [key(r), r]));
  const keys = [...now.keys(), ...[...was.keys()].filter((k) => !now.has(k))];
  return keys.map((k) => {
    const b = was.get(k);
    const a = now.get(k);
    const row = (a ?? b)!;
    const figures = (r: UsageSummaryRow | undefined) => ({ events: r?.events ?? 0, quantity: r?.quantity ?? '0', amount: formatAmount(r?.amount ?? '0', after.currency) });
    const bf = figures(b);
    const af = figures(a);
    return {
      service: row.service,
      category: row.category,
      unit: row.unit,
      before: bf,
      after: af,
      delta: { events: af.events - bf.events, quantity: dec(af.quantity).minus(bf.quantity).toString(), amount: formatAmount(dec(af.amount).minus(bf.amount), after.currency) },
    };
  });
}

/** Changed lines and usage rows, largest absolute change first; lines before usage rows on a tie, then by key. */
function rankCauses(lines: LineDelta[], usage: UsageDelta[]): ChangeCause[] {
  const causes: ChangeCause[] = [
    ...lines.filter((l) => !dec(l.delta).isZero()).map((l) => ({ kind: 'line' as const, key: l.key, delta: l.delta, sentence: describeLineChange(l) })),
    ...usage.filter((u) => !dec(u.delta.amount).isZero()).map((u) => ({ kind: 'usage' as const, key: `${u.service}:${u.category}`, delta: u.delta.amount, sentence: describeUsageChange(u) })),
  ];
  return causes.sort((x, y) => dec(y.delta).abs().comparedTo(dec(x.delta).abs()) || (x.kind === y.kind ? 0 : x.kind === 'line' ? -1 : 1) || x.key.localeCompare(y.key));
}

/**
 * Compares two invoice documents of one currency (typically one account's consecutive periods, or
 * an invoice and its re-billing): totals, sections, lines matched by their period-free key, usage
 * by service and category, and the causes of the change ranked by size; INVALID_INPUT across currencies.
 */
export function compareInvoices(before: InvoiceDocument, after: InvoiceDocument): InvoiceComparison {
  if (before.currency !== after.currency) {
    throw new BillingError('INVALID_INPUT', `cannot compare an invoice in ${before.currency} with one in ${after.currency}; amounts are never converted`, {
      before: before.currency,
      after: after.currency,
    });
  }
  const currency = after.currency;
  const totals = (doc: InvoiceDocument) => ({ number: doc.number, period: doc.period.label, subtotal: doc.subtotal, taxTotal: doc.taxTotal, total: doc.total });
  const delta = (field: 'subtotal' | 'taxTotal' | 'total') => formatAmount(dec(after[field]).minus(before[field]), currency);
  const lines = compareLines(before, after);
  const usage = compareUsage(before, after);
  return invoiceComparisonSchema.parse({
    currency,
    before: totals(before),
    after: totals(after),
    delta: { subtotal: delta('subtotal'), taxTotal: delta('taxTotal'), total: delta('total') },
    sections: compareSections(before, after),
    lines,
    usage,
    onlyBefore: lines.filter((l) => l.presence === 'only_before').map((l) => l.key),
    onlyAfter: lines.filter((l) => l.presence === 'only_after').map((l) => l.key),
    causes: rankCauses(lines, usage),
  });
}

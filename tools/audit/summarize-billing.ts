import { dec, minorUnits, ZERO } from '../money/index.ts';

/** One invoice or note of a billing month as the summary reads it. */
export interface BilledDocument {
  id: number;
  number: string | null;
  accountId: string;
  kind: string;
  status: string;
  currency: string;
  subtotal: string;
  taxTotal: string;
  total: string;
  taxes: ReadonlyArray<{ name: string; amount: string }>;
}

/** What a billing month billed, per currency, exact. */
export interface BillingSummary {
  period: string;
  currencies: Array<{
    currency: string;
    /** Invoices issued (or paid, overdue): what was billed. */
    issued: { count: number; subtotal: string; taxTotal: string; total: string; taxes: Record<string, string> };
    /** Invoices held for review: not billed yet. */
    held: { count: number; total: string };
    /** Issued and held invoices together: the bill run's own totals. */
    withHeld: { count: number; subtotal: string; taxTotal: string; total: string; taxes: Record<string, string> };
    /** The largest invoices of the month (issued or held), largest first. */
    largest: Array<{ id: number; number: string | null; accountId: string; status: string; total: string }>;
    /** Credit and debit notes issued for the month since (their totals as issued; credit notes reduce what is owed). */
    creditNotes: { count: number; total: string };
    debitNotes: { count: number; total: string };
  }>;
}

const BILLED = new Set(['issued', 'paid', 'overdue']);

/**
 * Totals of a billing month's documents: issued invoices (lines, taxes by name, totals), held ones
 * apart (not billed until released), and the notes issued against the month. Void and draft
 * documents are left out. Exact decimal sums, in each currency's minor units.
 */
export function summarizeBilling(period: string, docs: readonly BilledDocument[]): BillingSummary {
  const byCurrency = new Map<string, BilledDocument[]>();
  for (const d of docs) byCurrency.set(d.currency, [...(byCurrency.get(d.currency) ?? []), d]);
  const currencies = [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, list]) => {
      const places = minorUnits(currency);
      const sum = (rows: BilledDocument[], pick: (d: BilledDocument) => string) => rows.reduce((s, d) => s.plus(pick(d)), ZERO).toFixed(places);
      const issued = list.filter((d) => d.kind === 'invoice' && BILLED.has(d.status));
      const held = list.filter((d) => d.kind === 'invoice' && d.status === 'held');
      const notes = (kind: string) => list.filter((d) => d.kind === kind && BILLED.has(d.status));
      const totals = (rows: BilledDocument[]) => {
        const taxes = new Map<string, ReturnType<typeof dec>>();
        for (const d of rows) for (const t of d.taxes) taxes.set(t.name, (taxes.get(t.name) ?? ZERO).plus(t.amount));
        return {
          count: rows.length,
          subtotal: sum(rows, (d) => d.subtotal),
          taxTotal: sum(rows, (d) => d.taxTotal),
          total: sum(rows, (d) => d.total),
          taxes: Object.fromEntries([...taxes].map(([k, v]) => [k, v.toFixed(places)])),
        };
      };
      const largest = [...issued, ...held]
        .sort((a, b) => dec(b.total).comparedTo(a.total) || a.id - b.id)
        .slice(0, 5)
        .map((d) => ({ id: d.id, number: d.number, accountId: d.accountId, status: d.status, total: dec(d.total).toFixed(places) }));
      return {
        currency,
        issued: totals(issued),
        held: { count: held.length, total: sum(held, (d) => d.total) },
        withHeld: totals([...issued, ...held]),
        largest,
        creditNotes: { count: notes('credit_note').length, total: sum(notes('credit_note'), (d) => d.total) },
        debitNotes: { count: notes('debit_note').length, total: sum(notes('debit_note'), (d) => d.total) },
      };
    });
  return { period, currencies };
}

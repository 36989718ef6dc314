import { dec, ZERO } from '../money/index.ts';
import type { AssuranceFacts, AssuranceInvoice, Stage } from './assurance.types.ts';
import { GapBuilder, type GapSpec } from './gap-builder.ts';
import { MoneyBag, showAmount } from './money-bag.ts';

const SPECS = {
  held: { cause: 'held', label: 'held invoices (not issued)', from: 'billed', to: 'invoiced', leak: true },
  draft: { cause: 'draft', label: 'draft invoices (not issued)', from: 'billed', to: 'invoiced', leak: true },
  credited: { cause: 'credited', label: 'credited by credit notes', from: 'invoiced', to: 'paid', leak: false },
  written_off: { cause: 'written_off', label: 'written off', from: 'invoiced', to: 'paid', leak: true },
  unpaid: { cause: 'unpaid', label: 'unpaid (open) invoices', from: 'invoiced', to: 'paid', leak: true },
} satisfies Record<string, GapSpec>;

export type InvoiceGaps = Record<keyof typeof SPECS, GapBuilder>;

const ISSUED = new Set(['issued', 'paid', 'overdue']);
const refOf = (i: AssuranceInvoice) => i.number ?? `held invoice ${i.id}`;

/**
 * The money half: what the bill run charged (the period's invoices and debit notes, held ones
 * included) → what was issued → what was paid. An issued document's total is paid (allocations of
 * payments, returns and credit applied), credited (credit notes against it), written off, or still
 * open; each document counts once, in the first of open, written off, credited, paid that applies.
 */
export function invoiceChain(facts: AssuranceFacts, limit: number): { stages: Stage[]; gaps: InvoiceGaps } {
  const gaps = Object.fromEntries(Object.entries(SPECS).map(([k, spec]) => [k, new GapBuilder(spec, limit)])) as InvoiceGaps;
  const stage = () => ({ count: 0, money: new MoneyBag() });
  const billed = stage();
  const invoiced = stage();
  const paid = stage();
  const docs = facts.invoices.filter((i) => i.kind !== 'credit_note' && i.status !== 'void' && i.period === facts.period);
  const credits = new Map<number, AssuranceInvoice[]>();
  for (const n of facts.invoices)
    if (n.kind === 'credit_note' && ISSUED.has(n.status) && n.correctsInvoiceId !== null) credits.set(n.correctsInvoiceId, [...(credits.get(n.correctsInvoiceId) ?? []), n]);
  const allocations = new Map<number, typeof facts.allocations>();
  for (const a of facts.allocations) allocations.set(a.invoiceId, [...(allocations.get(a.invoiceId) ?? []), a]);

  for (const doc of docs.sort((a, b) => a.id - b.id)) {
    const total = dec(doc.total);
    billed.count += 1;
    billed.money.add(doc.currency, total);
    const item = { ref: refOf(doc), invoiceId: doc.id, invoiceNumber: doc.number, accountId: doc.accountId };
    if (!ISSUED.has(doc.status)) {
      const gap = doc.status === 'held' ? gaps.held : gaps.draft;
      gap.add({ item: { ...item, detail: `${doc.kind} of ${doc.accountId}${doc.holdReasons.length ? `: ${doc.holdReasons.join(', ')}` : ''}` }, money: { currency: doc.currency, amount: total } });
      continue;
    }
    invoiced.count += 1;
    invoiced.money.add(doc.currency, total);
    const own = allocations.get(doc.id) ?? [];
    const settled = own.filter((a) => a.kind !== 'write_off').reduce((s, a) => s.plus(dec(a.amount)), ZERO);
    const writtenOff = own.filter((a) => a.kind === 'write_off').reduce((s, a) => s.plus(dec(a.amount)), ZERO);
    const credited = (credits.get(doc.id) ?? []).reduce((s, n) => s.plus(dec(n.total).abs()), ZERO);
    const open = total.minus(settled).minus(writtenOff).minus(credited);
    paid.money.add(doc.currency, settled);
    const bucket = !open.isZero() ? 'unpaid' : !writtenOff.isZero() ? 'written_off' : !credited.isZero() && settled.isZero() ? 'credited' : 'paid';
    if (bucket === 'paid') paid.count += 1;
    const count = (b: string) => (bucket === b ? 1 : 0);
    if (!credited.isZero())
      gaps.credited.add({
        count: count('credited'),
        item: { ...item, detail: `${(credits.get(doc.id) ?? []).map(refOf).join(', ')} credit ${showAmount(credited, doc.currency)} of ${doc.total}` },
        money: { currency: doc.currency, amount: credited },
      });
    if (!writtenOff.isZero())
      gaps.written_off.add({
        count: count('written_off'),
        item: { ...item, detail: `written off ${showAmount(writtenOff, doc.currency)} of ${doc.total}` },
        money: { currency: doc.currency, amount: writtenOff },
      });
    if (!open.isZero())
      gaps.unpaid.add({
        count: 1,
        item: { ...item, detail: `${doc.status}, total ${doc.total}, paid ${showAmount(settled, doc.currency)}, open ${showAmount(open, doc.currency)}` },
        money: { currency: doc.currency, amount: open },
      });
  }
  const out = (id: Stage['id'], label: string, s: ReturnType<typeof stage>): Stage => ({ id, label, unit: 'invoices', count: s.count, money: s.money.toMoney(), estimated: {} });
  return {
    stages: [out('billed', 'invoices and debit notes the bill run made', billed), out('invoiced', 'issued', invoiced), out('paid', 'paid', paid)],
    gaps,
  };
}

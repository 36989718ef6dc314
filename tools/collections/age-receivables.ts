import { z } from 'zod';
import { BillingError } from '../errors.ts';
import { dec, minorUnits, ZERO, type Decimal } from '../money/index.ts';
import { checkDate, daysBetween } from '../time/index.ts';
import {
  AGEING_BUCKETS,
  parseCollectionsInput,
  receivableDocumentSchema,
  type AccountStanding,
  type AgeingBucket,
  type AgeingRow,
  type ReceivableDocument,
  type UnappliedCredit,
} from './collections.types.ts';

/**
 * The rules, kept deliberately simple:
 * - A receivable is an invoice or debit note that is `issued` or `overdue` (paid and void ones are
 *   settled; drafts and held ones were never sent). What payments have settled on it (`paid`, a
 *   part payment) reduces what is open before any credit note does. A debit note is its own receivable with its own
 *   due date, as saveInvoice issues it.
 * - A credit note that is `issued` or `overdue` (not void, not settled) and whose `corrects` names an
 *   open receivable reduces that receivable, so its amount ages with the invoice it corrects. Any
 *   other credit note (its invoice paid, void or not in the list) is reported as an unapplied credit
 *   and does not reduce the balance: refunding or allocating it is a person's decision.
 * - Credit beyond a receivable is an unapplied credit too: the row shows it as a negative open
 *   amount (total - credited, never clamped), while the buckets and the open balance count only
 *   what is owed, so they add up exactly to the rows' positive open amounts.
 * - The account's balance is the open balance less every unapplied credit: negative when the
 *   customer is in credit. Nothing is hidden behind an "open 0.00".
 */
const OPEN_STATUSES = new Set(['issued', 'overdue']);

function bucketOf(daysPastDue: number): AgeingBucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return 'days_1_30';
  if (daysPastDue <= 60) return 'days_31_60';
  if (daysPastDue <= 90) return 'days_61_90';
  return 'days_over_90';
}

function amountOf(doc: ReceivableDocument, decimals: number): Decimal {
  const amount = dec(doc.total);
  // Stored amounts are always on the minor unit; anything else is a caller's mistake, not something to round away.
  if (amount.decimalPlaces() > decimals) {
    throw new BillingError('INVALID_INPUT', `${label(doc)} total ${doc.total} has more decimals than ${doc.currency} allows (${decimals})`);
  }
  return amount;
}

function label(doc: ReceivableDocument): string {
  return `${doc.kind.replace('_', ' ')} ${doc.number ?? `#${doc.id}`}`;
}

function checkDocuments(docs: ReceivableDocument[]): string | null {
  const currencies = [...new Set(docs.map((d) => d.currency.toUpperCase()))];
  if (currencies.length > 1) {
    throw new BillingError('INVALID_INPUT', `one account has one currency; these documents mix ${currencies.sort().join(', ')}`);
  }
  const ids = new Set<string>();
  const numbers = new Set<string>();
  for (const d of docs) {
    if (ids.has(String(d.id))) throw new BillingError('INVALID_INPUT', `document id ${d.id} is listed twice`);
    ids.add(String(d.id));
    if (d.number !== null) {
      if (numbers.has(d.number)) throw new BillingError('INVALID_INPUT', `document number ${d.number} is listed twice`);
      numbers.add(d.number);
    }
  }
  return currencies[0] ?? null;
}

/** Ages one account's invoices and notes on `asOf`: open balance, ageing buckets, oldest due date and the rows behind them. */
export function ageReceivables(invoices: readonly ReceivableDocument[], asOf: string): AccountStanding {
  checkDate(asOf);
  const docs = parseCollectionsInput(z.array(receivableDocumentSchema), invoices, 'receivable documents');
  const currency = checkDocuments(docs);
  const decimals = currency === null ? 0 : minorUnits(currency);
  const fmt = (x: Decimal): string => x.toFixed(decimals);

  const open = new Map<string, { doc: ReceivableDocument; dueDate: string; total: Decimal; credited: Decimal; paid: Decimal }>();
  for (const d of docs) {
    if (d.kind === 'credit_note' || !OPEN_STATUSES.has(d.status)) continue;
    const total = amountOf(d, decimals);
    if (total.isNegative()) throw new BillingError('INVALID_INPUT', `${label(d)} has a negative total ${d.total}; only credit notes may`);
    // An issued document always has a number and a due date (saveInvoice sets both).
    if (d.number === null || d.dueDate === null) throw new BillingError('INVALID_INPUT', `${label(d)} is ${d.status} but has no number or due date`);
    open.set(d.number, { doc: d, dueDate: d.dueDate, total, credited: ZERO, paid: dec(d.paid ?? '0') });
  }

  const unapplied: UnappliedCredit[] = [];
  const credits = docs.filter((d) => d.kind === 'credit_note' && OPEN_STATUSES.has(d.status));
  // Oldest credit first so a partial application is the same whatever order the caller listed them in.
  credits.sort((a, b) => compare(a.issueDate ?? '', b.issueDate ?? '') || compare(String(a.number ?? a.id), String(b.number ?? b.id)));
  for (const c of credits) {
    const amount = amountOf(c, decimals).abs();
    const target = c.corrects ? open.get(c.corrects) : undefined;
    const base = { id: c.id, number: c.number, corrects: c.corrects ?? null };
    if (!target) {
      const why = !c.corrects ? 'it names no invoice it corrects' : `invoice ${c.corrects} is not open (paid, void or not listed)`;
      if (!amount.isZero()) unapplied.push({ ...base, amount: fmt(amount), reason: `not applied: ${why}` });
      continue;
    }
    const room = target.total.minus(target.paid).minus(target.credited);
    const applied = smaller(amount, room.isNegative() ? ZERO : room);
    target.credited = target.credited.plus(amount);
    const excess = amount.minus(applied);
    if (excess.greaterThan(0)) unapplied.push({ ...base, amount: fmt(excess), reason: `exceeds what is still open on ${c.corrects}` });
  }

  const buckets = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, ZERO])) as Record<AgeingBucket, Decimal>;
  const rows: AgeingRow[] = [];
  let oldestDueDate: string | null = null;
  for (const { doc, dueDate, total, credited, paid } of [...open.values()].sort((a, b) => compare(a.dueDate, b.dueDate) || compare(a.doc.number!, b.doc.number!))) {
    const daysPastDue = Math.max(0, daysBetween(dueDate, asOf));
    const bucket = bucketOf(daysPastDue);
    const rest = total.minus(credited).minus(paid);
    if (rest.greaterThan(0)) buckets[bucket] = buckets[bucket].plus(rest);
    if (rest.greaterThan(0) && (oldestDueDate === null || dueDate < oldestDueDate)) oldestDueDate = dueDate;
    rows.push({
      id: doc.id,
      number: doc.number!,
      kind: doc.kind as 'invoice' | 'debit_note',
      status: doc.status,
      dueDate,
      daysPastDue,
      bucket,
      total: fmt(total),
      credited: fmt(credited),
      paid: fmt(paid),
      open: fmt(rest),
    });
  }
  const openBalance = AGEING_BUCKETS.reduce((s, b) => s.plus(buckets[b]), ZERO);
  const creditBalance = unapplied.reduce((s, c) => s.plus(c.amount), ZERO);
  const overdue = openBalance.minus(buckets.current);
  return {
    asOf,
    currency,
    summary: describeStanding({ asOf, currency, fmt, openBalance, overdue, creditBalance, rows, unapplied }),
    balance: fmt(openBalance.minus(creditBalance)),
    creditBalance: fmt(creditBalance),
    openBalance: fmt(openBalance),
    overdueBalance: fmt(overdue),
    buckets: Object.fromEntries(AGEING_BUCKETS.map((b) => [b, fmt(buckets[b])])) as Record<AgeingBucket, string>,
    oldestDueDate,
    daysPastDue: oldestDueDate === null ? 0 : Math.max(0, daysBetween(oldestDueDate, asOf)),
    rows,
    unappliedCredits: unapplied,
  };
}

/** The standing in one sentence, from its own figures: the balance with any credit, what is owed and overdue, and where the credit comes from. */
function describeStanding(x: {
  asOf: string;
  currency: string | null;
  fmt: (d: Decimal) => string;
  openBalance: Decimal;
  overdue: Decimal;
  creditBalance: Decimal;
  rows: AgeingRow[];
  unapplied: UnappliedCredit[];
}): string {
  if (x.currency === null) return `No invoices yet on ${x.asOf}.`;
  const balance = x.openBalance.minus(x.creditBalance);
  const state = balance.isNegative() ? ' (the customer is in credit)' : balance.isZero() ? ' (nothing owed)' : '';
  const credits = x.unapplied.map((c) => `${c.number ?? `#${c.id}`} ${c.amount} (${c.reason})`);
  const negative = x.rows.filter((r) => dec(r.open).isNegative()).map((r) => `${r.number} open ${r.open}`);
  return [
    `Balance ${x.fmt(balance)} ${x.currency} on ${x.asOf}${state}: ${x.fmt(x.openBalance)} open, of which ${x.fmt(x.overdue)} overdue`,
    ...(x.creditBalance.greaterThan(0) ? [`; ${x.fmt(x.creditBalance)} in credit not applied to anything owed: ${credits.join('; ')}`] : []),
    ...(negative.length ? [`; credited beyond the invoice: ${negative.join(', ')}`] : []),
    '.',
  ].join('');
}

// Code-unit order, not localeCompare: the result must not depend on the host's locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function smaller(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

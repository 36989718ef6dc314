import { dec, minorUnits } from '../../tools/money/index.ts';
import { buildCamt053, buildCreditorReference, type Camt053Statement, type Camt053Transaction } from '../../tools/payments/index.ts';
import type { MatchMethod, PaymentState } from '../../tools/payments/payment.types.ts';
import { Random } from './random.ts';

/** An invoice a generated statement pays (or not). */
export interface StatementInvoice {
  number: string;
  accountId: string;
  total: string;
  currency: string;
  /** The account holder's name, for payers matched by amount and name. */
  holder?: string;
}

/** What the generator meant by a transaction: the account it pays (null for a stranger), the state and method it should end in. */
export interface StatementTruth {
  ref: string;
  case: 'reference' | 'number' | 'typo' | 'underpaid' | 'overpaid' | 'payer' | 'stranger' | 'return';
  accountId: string | null;
  state: PaymentState;
  method: MatchMethod | null;
}

/** One digit of a number written as the letter it looks like (0 -> O, 1 -> l, 5 -> S, 8 -> B): a typo a person makes. */
function typoOf(number: string, rng: Random): string {
  const look: Record<string, string> = { '0': 'O', '1': 'l', '5': 'S', '8': 'B' };
  const digits = [...number].map((c, i) => [c, i] as const).filter(([c]) => look[c]);
  if (!digits.length) return number;
  const [c, i] = digits[rng.int(0, digits.length - 1)]!;
  return number.slice(0, i) + look[c] + number.slice(i + 1);
}

/**
 * A realistic month's bank statement over issued invoices, with the truth of each transaction:
 * most pay by RF reference, some name the invoice in the text (without dashes, lower case, or with
 * a typo), some underpay or overpay, some pay the exact amount with the holder's name and no
 * reference, a few are strangers; every 25th payment comes in a batch of three; the first
 * reference payment is returned (MD06) at the end; about one invoice in twelve is not paid.
 */
export function buildPaymentStatement(invoices: readonly StatementInvoice[], opts: { seed: number; bookingDate: string; iban: string; statementId: string }) {
  const rng = new Random(opts.seed * 7919 + 15);
  const truth: StatementTruth[] = [];
  const entries: Camt053Transaction[][] = [];
  let batch: Camt053Transaction[] = [];
  let n = 0;
  let returned: Camt053Transaction | null = null;
  const add = (t: Camt053Transaction, meant: Omit<StatementTruth, 'ref'>) => {
    truth.push({ ref: t.ref, ...meant });
    // Batches of three reference payments (a payment service provider's bulk credit).
    if (meant.case === 'reference' && (batch.length || n % 25 === 0)) {
      batch.push(t);
      if (batch.length === 3) {
        entries.push(batch);
        batch = [];
      }
    } else entries.push([t]);
    n += 1;
  };
  for (const inv of invoices) {
    const roll = rng.float();
    if (roll < 0.08) continue; // not paid this month
    const base = { kind: 'payment' as const, currency: inv.currency, bookingDate: opts.bookingDate, ref: `${opts.statementId}-${String(n + 1).padStart(6, '0')}` };
    const places = minorUnits(inv.currency);
    const rf = buildCreditorReference(inv.number);
    const paid = { accountId: inv.accountId, state: 'matched' as const };
    if (roll < 0.6) {
      const t = { ...base, amount: inv.total, creditorReference: rf, payerName: inv.holder ?? 'Customer', endToEndId: `E2E-${inv.number}` };
      add(t, { case: 'reference', ...paid, method: 'creditor_reference' });
      returned ??= t;
    } else if (roll < 0.72) {
      const shapes = [inv.number.replace(/-/g, ''), inv.number.toLowerCase(), inv.number.replace('-', ' '), `${inv.number.toLowerCase()} march`];
      add({ ...base, amount: inv.total, remittance: `Invoice ${shapes[rng.int(0, shapes.length - 1)]}` }, { case: 'number', ...paid, method: 'invoice_number' });
    } else if (roll < 0.77) {
      add({ ...base, amount: inv.total, remittance: `bill ${typoOf(inv.number, rng)}` }, { case: 'typo', ...paid, method: 'invoice_number' });
    } else if (roll < 0.84) {
      const part = dec(inv.total).times(rng.int(30, 90)).div(100).toDecimalPlaces(places, 1);
      if (part.lte(0)) continue;
      add({ ...base, amount: part.toFixed(places), creditorReference: rf }, { case: 'underpaid', accountId: inv.accountId, state: 'partly_matched', method: 'creditor_reference' });
    } else if (roll < 0.87) {
      add({ ...base, amount: dec(inv.total).plus(5).toFixed(places), creditorReference: rf }, { case: 'overpaid', ...paid, method: 'creditor_reference' });
    } else if (roll < 0.95 && inv.holder) {
      add({ ...base, amount: inv.total, payerName: inv.holder.toUpperCase() }, { case: 'payer', ...paid, method: 'amount_payer' });
    } else {
      add(
        { ...base, amount: `${rng.int(3, 80)}.${rng.digits(2)}`, payerName: `Stranger ${rng.digits(4)}`, remittance: rng.chance(0.5) ? 'donation' : 'see attached' },
        { case: 'stranger', accountId: null, state: 'unmatched', method: null },
      );
    }
  }
  if (batch.length) entries.push(batch);
  if (returned) {
    const back = { ...returned, kind: 'return' as const, ref: `${opts.statementId}-RTN-1`, returnReason: 'MD06', creditorReference: undefined };
    entries.push([back]);
    truth.push({ ref: back.ref, case: 'return', accountId: returned.ref ? (truth.find((t) => t.ref === returned!.ref)?.accountId ?? null) : null, state: 'returned', method: null });
  }
  const statement: Camt053Statement = { id: opts.statementId, iban: opts.iban, created: `${opts.bookingDate}T18:00:00Z`, entries };
  return { xml: buildCamt053(`MSG-${opts.statementId}`, [statement]), statement, truth };
}

/** How an import's entries compare with the generator's truth: per case, how many ended where they were meant to. */
export function scoreMatching(
  truth: readonly StatementTruth[],
  got: ReadonlyArray<{ entryKey: string; state: PaymentState; accountId: string | null; matchMethod: MatchMethod | null }>,
  iban: string,
) {
  const byKey = new Map(got.map((g) => [g.entryKey, g]));
  const cases = new Map<string, { n: number; correct: number }>();
  let correct = 0;
  for (const t of truth) {
    const g = byKey.get(`${iban}:${t.ref}`);
    const ok = g !== undefined && g.state === t.state && g.accountId === t.accountId && (t.method === null || g.matchMethod === t.method);
    const c = cases.get(t.case) ?? { n: 0, correct: 0 };
    c.n += 1;
    if (ok) c.correct += 1;
    cases.set(t.case, c);
    if (ok) correct += 1;
  }
  return { entries: truth.length, correct, rate: truth.length ? correct / truth.length : 1, cases: Object.fromEntries(cases) };
}

import { addDays, addMonths, daysBetween, monthsBetween } from '../../tools/time/index.ts';
import { Random } from './random.ts';

/** How an account pays: on time, a little late, habitually late, or heading for default. */
export type PaymentProfile = 'prompt' | 'late' | 'chronic' | 'defaulting';
export const PAYMENT_PROFILES: readonly PaymentProfile[] = ['prompt', 'late', 'chronic', 'defaulting'];

/** How the money arrives; returns come from direct debits and transfers, chargebacks from cards. */
export type HistoryPaymentMethod = 'direct_debit' | 'card' | 'transfer';

/** One monthly invoice: amounts are decimal strings in the currency's minor unit (pence), never floats. */
export interface GeneratedHistoryInvoice {
  number: string;
  issueDate: string;
  dueDate: string;
  total: string;
  /** The day the net payments on it first reached its total, or null when that did not happen by `until`. */
  settledOn: string | null;
}

/**
 * One movement of money on an invoice: a payment (positive), or a return or chargeback (negative,
 * the amount of the payment it takes back, with `reverses` naming that payment).
 */
export interface GeneratedHistoryPayment {
  id: string;
  invoiceNumber: string;
  date: string;
  amount: string;
  kind: 'payment' | 'return' | 'chargeback';
  method: HistoryPaymentMethod;
  reverses: string | null;
}

/** A customer dispute on an invoice, open from `openedOn` until `resolvedOn` (null: still open at `until`). */
export interface GeneratedHistoryDispute {
  invoiceNumber: string;
  openedOn: string;
  resolvedOn: string | null;
}

/** One account's whole generated history, and its hidden truth (profile, default month) for scoring. */
export interface GeneratedPaymentAccount {
  accountId: string;
  profile: PaymentProfile;
  /** The day the account was opened (its tenure starts here; may be before the first generated month). */
  openedOn: string;
  currency: string;
  paymentTermsDays: number;
  method: HistoryPaymentMethod;
  /** Defaulting accounts: the month (YYYY-MM) from which nothing more is paid (may be after the window); null otherwise. */
  defaultsFrom: string | null;
  invoices: GeneratedHistoryInvoice[];
  /** In date order (then id). */
  payments: GeneratedHistoryPayment[];
  disputes: GeneratedHistoryDispute[];
}

export interface PaymentHistoryOptions {
  seed: number | string;
  accounts: number;
  /** First invoice month (YYYY-MM); invoices are issued on the 1st. */
  firstMonth: string;
  /** Months of invoices (about 24 for the risk and cash-flow evals). */
  months: number;
  currency?: string;
  /** Weights of the profiles (need not sum to 1); default 55% prompt, 25% late, 12% chronic, 8% defaulting. */
  mix?: Partial<Record<PaymentProfile, number>>;
}

/** The generated population: the accounts and the last day anything is recorded. */
export interface GeneratedPaymentHistory {
  firstMonth: string;
  months: number;
  /** The last day of the last month: no payment, return or resolution is dated after it. */
  until: string;
  accounts: GeneratedPaymentAccount[];
}

const DEFAULT_MIX: Record<PaymentProfile, number> = { prompt: 0.55, late: 0.25, chronic: 0.12, defaulting: 0.08 };

// Per profile: mean and spread of days paid after the due date, and the chances per invoice of a
// partial payment, a returned payment (or chargeback), a dispute and a skipped month (paid with the next).
const BEHAVIOUR: Record<PaymentProfile, { delay: number; spread: number; partial: number; bounce: number; dispute: number; skip: number }> = {
  prompt: { delay: -2, spread: 3, partial: 0.02, bounce: 0.01, dispute: 0.01, skip: 0.005 },
  late: { delay: 12, spread: 8, partial: 0.1, bounce: 0.04, dispute: 0.03, skip: 0.04 },
  chronic: { delay: 34, spread: 16, partial: 0.25, bounce: 0.1, dispute: 0.06, skip: 0.12 },
  defaulting: { delay: 9, spread: 8, partial: 0.15, bounce: 0.06, dispute: 0.04, skip: 0.05 },
};

/** Integer pence as a decimal string: exact, no floating point. */
function formatMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function pickProfile(rng: Random, mix: Record<PaymentProfile, number>): PaymentProfile {
  const total = PAYMENT_PROFILES.reduce((s, p) => s + Math.max(0, mix[p]), 0);
  let x = rng.float() * total;
  for (const p of PAYMENT_PROFILES) {
    x -= Math.max(0, mix[p]);
    if (x < 0) return p;
  }
  return 'prompt';
}

type DraftPayment = Omit<GeneratedHistoryPayment, 'id' | 'reverses'> & { reverses: DraftPayment | null };
interface Draft {
  payments: DraftPayment[];
  disputes: GeneratedHistoryDispute[];
}

/**
 * Seeded, deterministic payment histories for collections and cash-flow evals: accounts with a
 * behaviour profile (prompt, late, chronic, defaulting), a tenure, a payment method and a monthly
 * stress that drifts (AR(1)), so lateness clusters in time; monthly invoices over the window with
 * due dates; payments with dates and amounts, partial payments, skipped months caught up later,
 * returned direct debits and card chargebacks (often paid again), and disputes that hold payment
 * until resolved. Defaulting accounts get later and bounce more in the months before their default
 * month, then pay nothing. Each account draws from its own stream, so adding accounts leaves the
 * earlier ones unchanged.
 */
export function generatePaymentHistory(options: PaymentHistoryOptions): GeneratedPaymentHistory {
  const mix = { ...DEFAULT_MIX, ...options.mix };
  const currency = options.currency ?? 'GBP';
  const until = addDays(`${addMonths(options.firstMonth, options.months)}-01`, -1);
  const accounts: GeneratedPaymentAccount[] = [];
  for (let i = 0; i < options.accounts; i++) {
    const rng = new Random(`${options.seed}:payment-history:${i}`);
    accounts.push(generateAccount(rng, i, { ...options, currency, until }, mix));
  }
  return { firstMonth: options.firstMonth, months: options.months, until, accounts };
}

function generateAccount(rng: Random, index: number, o: PaymentHistoryOptions & { currency: string; until: string }, mix: Record<PaymentProfile, number>): GeneratedPaymentAccount {
  const profile = pickProfile(rng, mix);
  const b = BEHAVIOUR[profile];
  const accountId = `H${String(index + 1).padStart(5, '0')}`;
  // Defaulters are mostly young accounts; prompt payers mostly old ones. A fifth opens inside the window.
  const opensInside = rng.chance(profile === 'defaulting' ? 0.35 : 0.2);
  const monthsBefore = profile === 'defaulting' ? rng.int(0, 18) : profile === 'prompt' ? rng.int(6, 96) : rng.int(1, 60);
  const openMonth = opensInside ? addMonths(o.firstMonth, rng.int(0, Math.max(0, Math.min(12, o.months - 6)))) : addMonths(o.firstMonth, -monthsBefore);
  const openedOn = addDays(`${openMonth}-01`, -rng.int(1, 27));
  const firstInvoiceMonth = openMonth < o.firstMonth ? o.firstMonth : openMonth;
  const paymentTermsDays = rng.pick([14, 14, 21, 30]);
  const method: HistoryPaymentMethod = rng.pick(profile === 'prompt' ? ['direct_debit', 'direct_debit', 'card', 'transfer'] : ['direct_debit', 'card', 'transfer', 'transfer']);
  const defaultsFrom = profile === 'defaulting' ? addMonths(o.firstMonth, rng.int(6, o.months + 3)) : null;
  const baseMinor = Math.max(800, Math.round(rng.logNormal(3500, 0.5)));

  const invoices: Omit<GeneratedHistoryInvoice, 'settledOn'>[] = [];
  const draft: Draft = { payments: [], disputes: [] };
  let stress = rng.normal() * 0.5;
  let carried: { number: string; minor: number }[] = [];
  const count = o.months - monthsBetween(o.firstMonth, firstInvoiceMonth);
  for (let m = 0; m < count; m++) {
    const month = addMonths(firstInvoiceMonth, m);
    const issueDate = `${month}-01`;
    const dueDate = addDays(issueDate, paymentTermsDays);
    const number = `${accountId}-${month}`;
    const totalMinor = Math.max(500, Math.round(baseMinor * (1 + 0.12 * rng.normal())));
    invoices.push({ number, issueDate, dueDate, total: formatMinor(totalMinor) });
    stress = 0.75 * stress + 0.5 * rng.normal();

    const toOnset = defaultsFrom === null ? null : monthsBetween(month, defaultsFrom);
    if (toOnset !== null && toOnset <= 0) continue; // defaulted: nothing more is paid, not even what was skipped
    // The months before a default show it coming: later and bouncier as the month nears.
    const ramp = toOnset !== null && toOnset <= 4 ? 5 - toOnset : 0;
    let delay = Math.round(b.delay + b.spread * rng.normal() + 6 * Math.max(0, stress) + 9 * ramp);
    if (profile === 'prompt' && method === 'direct_debit' && rng.chance(0.85)) delay = 0; // the debit is taken on the due date
    if (rng.chance(b.dispute + 0.02 * ramp)) {
      const openedOn = addDays(issueDate, rng.int(2, 12));
      const resolvedOn = addDays(openedOn, rng.int(10, 45));
      draft.disputes.push({ invoiceNumber: number, openedOn, resolvedOn: resolvedOn > o.until ? null : resolvedOn });
      delay = Math.max(delay, daysBetween(dueDate, resolvedOn) + rng.int(0, 7));
    }
    if (rng.chance(b.skip + 0.05 * ramp)) {
      carried.push({ number, minor: totalMinor });
      continue; // paid together with the next month's invoice
    }
    const payOn = addDays(dueDate, delay);
    for (const c of carried) payInvoice(rng, draft, c.number, c.minor, payOn, method, b, ramp);
    carried = [];
    payInvoice(rng, draft, number, totalMinor, payOn, method, b, ramp);
  }

  const kept = draft.payments.filter((p) => p.date <= o.until).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  // Ids in date order; a reversal is always after its payment, so it is kept only when that payment is.
  const idOf = new Map<DraftPayment, string>();
  kept.forEach((p, i) => idOf.set(p, `${accountId}-P${String(i + 1).padStart(4, '0')}`));
  const payments: GeneratedHistoryPayment[] = kept.map((p) => ({ ...p, id: idOf.get(p)!, reverses: p.reverses ? idOf.get(p.reverses)! : null }));

  return {
    accountId,
    profile,
    openedOn,
    currency: o.currency,
    paymentTermsDays,
    method,
    defaultsFrom,
    invoices: invoices.map((inv) => ({ ...inv, settledOn: settledOn(inv, payments) })),
    payments,
    disputes: draft.disputes,
  };
}

function payInvoice(rng: Random, draft: Draft, number: string, totalMinor: number, payOn: string, method: HistoryPaymentMethod, b: (typeof BEHAVIOUR)[PaymentProfile], ramp: number): void {
  let date = payOn;
  let remaining = totalMinor;
  if (rng.chance(b.partial + 0.05 * ramp)) {
    const part = Math.round(totalMinor * (0.3 + 0.4 * rng.float()));
    addPayment(rng, draft, number, part, date, method, b, ramp);
    remaining -= part;
    date = addDays(date, rng.int(10, 40));
    if (rng.chance(0.1 + 0.15 * ramp)) return; // the rest never comes
  }
  addPayment(rng, draft, number, remaining, date, method, b, ramp);
}

function addPayment(rng: Random, draft: Draft, number: string, minor: number, date: string, method: HistoryPaymentMethod, b: (typeof BEHAVIOUR)[PaymentProfile], ramp: number): void {
  const payment: DraftPayment = { invoiceNumber: number, date, amount: formatMinor(minor), kind: 'payment', method, reverses: null };
  draft.payments.push(payment);
  if (method === 'transfer' || !rng.chance(b.bounce + 0.06 * ramp)) return;
  const back = method === 'card' ? addDays(date, rng.int(20, 60)) : addDays(date, rng.int(2, 5));
  draft.payments.push({ invoiceNumber: number, date: back, amount: formatMinor(-minor), kind: method === 'card' ? 'chargeback' : 'return', method, reverses: payment });
  // Most customers pay a bounced amount again, by transfer, a little later.
  if (rng.chance(0.75 - 0.15 * ramp))
    draft.payments.push({ invoiceNumber: number, date: addDays(back, rng.int(3, 25)), amount: formatMinor(minor), kind: 'payment', method: 'transfer', reverses: null });
}

/** The day the invoice's net payments reached its total for good (a later return reopens it), in integer pence. */
function settledOn(inv: { number: string; total: string }, payments: readonly GeneratedHistoryPayment[]): string | null {
  const target = toMinor(inv.total);
  let net = 0;
  let on: string | null = null;
  for (const p of payments) {
    if (p.invoiceNumber !== inv.number) continue;
    net += toMinor(p.amount);
    if (net >= target && on === null) on = p.date;
    else if (net < target) on = null;
  }
  return on;
}

/** A two-decimal string as integer pence. */
function toMinor(amount: string): number {
  const negative = amount.startsWith('-');
  const [whole, frac = ''] = amount.replace('-', '').split('.');
  const minor = Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
  return negative ? -minor : minor;
}

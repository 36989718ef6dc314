import { dec } from '../money/index.ts';
import { daysBetween } from '../time/index.ts';
import type { PaymentHistory, PaymentRisk, PaymentRiskBand, PaymentRiskFeatures } from './payment-risk.types.ts';

/**
 * The score's weights, as data: a logistic model over the features below, fitted once on generated
 * histories of a training seed (evals/runner/fit-payment-risk.ts, seed 1501) and rounded; the eval
 * (`npm run eval`, "Payment risk") measures it on another seed. Each feature is scaled to about 0..3.
 */
export const PAYMENT_RISK_WEIGHTS: Readonly<Record<keyof PaymentRiskFeatures | 'intercept', number>> = {
  intercept: -3.8,
  averageDaysLate: 1.9,
  recentDaysLate: 1.15,
  shareLate30: 0.65,
  // The fit (weights held >= 0) gives these two 0 on generated data: lateness already carries them.
  // Kept small as a prior, since a bounced payment or an invoice open now is a warning in real books.
  daysPastDue: 0.1,
  openOverdue: 0.35,
  bounces: 0.1,
  disputes: 0.05,
  youngTenure: 0.65,
};

/** Band edges on the score: below `medium` is low, from `high` up is high. */
export const PAYMENT_RISK_BANDS = { medium: 0.15, high: 0.4 } as const;

/** How many of the latest due invoices the lateness features look at. */
const WINDOW = 12;
const YEAR_DAYS = 365;

/** The band of a score: low < 0.15 <= medium < 0.4 <= high. */
export function paymentRiskBand(score: number): PaymentRiskBand {
  return score >= PAYMENT_RISK_BANDS.high ? 'high' : score >= PAYMENT_RISK_BANDS.medium ? 'medium' : 'low';
}

/** The features of a history as of its date; only what is dated on or before `asOf` counts. */
export function paymentRiskFeatures(history: PaymentHistory): PaymentRiskFeatures {
  const { asOf } = history;
  const payments = history.payments.filter((p) => p.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const byInvoice = new Map<string, typeof payments>();
  for (const p of payments) {
    const list = byInvoice.get(p.invoiceNumber);
    if (list) list.push(p);
    else byInvoice.set(p.invoiceNumber, [p]);
  }

  const due = history.invoices.filter((i) => i.issueDate <= asOf && i.dueDate < asOf).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  let oldestOpenDue: string | null = null;
  let openOverdue = 0;
  const late: number[] = [];
  for (const inv of due) {
    const settled = settledOn(inv, byInvoice.get(inv.number) ?? []);
    if (settled === null) {
      openOverdue += 1;
      if (oldestOpenDue === null) oldestOpenDue = inv.dueDate;
    }
    late.push(Math.max(0, daysBetween(inv.dueDate, settled ?? asOf)));
  }
  const recent = late.slice(-WINDOW);
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + Math.min(x, 60), 0) / xs.length);
  const within = (date: string) => date <= asOf && daysBetween(date, asOf) < YEAR_DAYS;
  const tenureMonths = Math.max(0, daysBetween(history.openedOn, asOf) / 30.44);
  return {
    averageDaysLate: mean(recent) / 30,
    recentDaysLate: mean(late.slice(-3)) / 30,
    shareLate30: recent.length === 0 ? 0 : recent.filter((d) => d > 30).length / recent.length,
    daysPastDue: oldestOpenDue === null ? 0 : Math.min(90, daysBetween(oldestOpenDue, asOf)) / 30,
    openOverdue: Math.min(3, openOverdue),
    bounces: Math.min(3, payments.filter((p) => p.kind !== 'payment' && within(p.date)).length),
    disputes: Math.min(3, history.disputes.filter((d) => within(d.openedOn)).length),
    youngTenure: Math.max(0, 1 - tenureMonths / 24),
  };
}

/**
 * An account's payment risk from its history (days late, returns and chargebacks, tenure,
 * disputes, what is past due now): `score` in 0..1, the chance-like output of the logistic model in
 * PAYMENT_RISK_WEIGHTS, and its `band`. Pure: the same history and date give the same score.
 */
export function scorePaymentRisk(history: PaymentHistory): PaymentRisk {
  const features = paymentRiskFeatures(history);
  let z = PAYMENT_RISK_WEIGHTS.intercept;
  for (const [name, value] of Object.entries(features) as [keyof PaymentRiskFeatures, number][]) z += PAYMENT_RISK_WEIGHTS[name] * value;
  const score = Math.round((1 / (1 + Math.exp(-z))) * 10_000) / 10_000;
  return { score, band: paymentRiskBand(score), features };
}

/** The day the payments (in date order) settled the total for good, or null while something is open. */
function settledOn(inv: { total: string; issueDate: string }, payments: readonly { date: string; amount: string }[]): string | null {
  const target = dec(inv.total);
  if (target.lessThanOrEqualTo(0)) return inv.issueDate;
  let net = dec(0);
  let on: string | null = null;
  for (const p of payments) {
    net = net.plus(dec(p.amount));
    if (net.greaterThanOrEqualTo(target)) on ??= p.date;
    else on = null;
  }
  return on;
}

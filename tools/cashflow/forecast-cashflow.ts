import { ageReceivables, type ReceivableDocument } from '../collections/index.ts';
import { BillingError } from '../errors.ts';
import { allocate, dec, minorUnits, ZERO, type Decimal } from '../money/index.ts';
import { parseOrThrow } from '../schemas/index.ts';
import { addDays, daysBetween } from '../time/index.ts';
import {
  MAX_WEEKS,
  RISK_BANDS,
  cashflowInputSchema,
  type CashflowForecast,
  type CashflowInput,
  type CurrencyForecast,
  type InvoiceForecast,
  type ParsedCashflowInput,
  type RiskBand,
} from './cashflow.types.ts';
import { collectionShares, learnCollectionCurves, type CollectionCurves } from './learn-collection-curves.ts';
import { planSchedule } from './plan-schedule.ts';
import { rankCollectionActions } from './rank-collection-actions.ts';
import { summariseCurves } from './summarise-curves.ts';

const BUCKETS = ['current', 'days_1_30', 'days_31_60', 'days_61_90', 'days_over_90'] as const;

/**
 * The expected receipts of the next `weeks` weeks (week k: the 7 days after asOf + 7(k-1)) from
 * what is open on `asOf`: each open invoice's amount, less the account's credit balance (applied
 * oldest first, so no cash comes for it), less what a payment plan schedules (expected on its
 * instalments' due dates), spread over the weeks by the collection curve of its account's band
 * and its age. Each invoice's weeks and "later / doubtful" add up exactly to what is open on it.
 */
export function forecastCashflow(raw: CashflowInput): CashflowForecast {
  const input = parseOrThrow(cashflowInputSchema, raw);
  const curves = learnCollectionCurves(input);
  const invoices = forecastInvoices(input, curves);
  const currencies = [...new Set(invoices.map((i) => i.currency))].sort();
  return {
    asOf: input.asOf,
    weeks: input.weeks,
    actionWeeks: input.actionWeeks,
    history: { invoices: curves.invoices, invoiceWeeks: curves.invoiceWeeks, payments: curves.payments, thin: curves.thin },
    curves: summariseCurves(curves),
    currencies: currencies.map((c) =>
      currencyForecast(
        input,
        c,
        invoices.filter((i) => i.currency === c),
      ),
    ),
  };
}

type Row = InvoiceForecast & { currency: string; fromPlans: string[] };

/** Every open invoice's forecast, account by account (ageing decides what is open). */
export function forecastInvoices(input: ParsedCashflowInput, curves: CollectionCurves): Row[] {
  const paid = new Map<string, Decimal>();
  for (const a of input.allocations) if (a.date <= input.asOf) paid.set(String(a.invoiceId), (paid.get(String(a.invoiceId)) ?? ZERO).plus(a.amount));
  const byAccount = new Map<string, ReceivableDocument[]>();
  for (const d of input.documents) {
    if (d.issueDate !== null && d.issueDate > input.asOf) continue;
    const settled = paid.get(String(d.id));
    const { accountId, ...doc } = d;
    const list = byAccount.get(accountId) ?? [];
    list.push({ ...doc, ...(settled?.greaterThan(0) ? { paid: settled.toString() } : {}) });
    byAccount.set(accountId, list);
  }
  const rows: Row[] = [];
  for (const accountId of [...byAccount.keys()].sort()) {
    const standing = ageReceivables(byAccount.get(accountId)!, input.asOf);
    const open = standing.rows.filter((r) => dec(r.open).greaterThan(0));
    if (open.length === 0 || standing.currency === null) continue;
    const currency = standing.currency;
    const decimals = minorUnits(currency);
    const band: RiskBand = input.bands[accountId] ?? 'medium';
    let credit = dec(input.credits[accountId] ?? '0');
    if (credit.isNegative()) credit = ZERO;
    const plan = planSchedule(input, accountId, currency);
    for (const r of open) {
      const amount = dec(r.open);
      const applied = credit.lessThan(amount) ? credit : amount;
      credit = credit.minus(applied);
      const rest = amount.minus(applied);
      const planned = plan.take(rest);
      const curvePart = rest.minus(planned.total);
      const daysPastDue = daysBetween(r.dueDate, input.asOf);
      // Always split over the full 13 weeks, then fold the weeks past the horizon into "later": a week's amount is the same whatever horizon is asked.
      const shares = collectionShares(curves, band, daysPastDue, MAX_WEEKS);
      const parts = curvePart.isZero()
        ? Array.from({ length: MAX_WEEKS + 1 }, () => ZERO)
        : allocate(
            curvePart,
            [...shares.weeks, shares.later].map((s) => dec(s.toFixed(12))),
            decimals,
          );
      const weeks = parts.slice(0, input.weeks).map((p, k) => p.plus(planned.weeks[k]!));
      const later = parts.slice(input.weeks).reduce((s, p) => s.plus(p), planned.later);
      if (!weeks.reduce((s, w) => s.plus(w), later).equals(rest)) throw new BillingError('INTERNAL', `the forecast of ${r.number} does not add up to ${rest.toFixed(decimals)}`);
      rows.push({
        id: r.id,
        number: r.number,
        accountId,
        currency,
        band,
        bucket: r.bucket,
        dueDate: r.dueDate,
        daysPastDue,
        open: amount.toFixed(decimals),
        credit: applied.toFixed(decimals),
        planned: planned.total.toFixed(decimals),
        weeks: weeks.map((w) => w.toFixed(decimals)),
        later: later.toFixed(decimals),
        fromPlans: planned.weeks.map((w) => w.toFixed(decimals)),
      });
    }
  }
  return rows;
}

function sum(values: readonly string[]): Decimal {
  return values.reduce((s, v) => s.plus(v), ZERO);
}

/** One currency's totals: by week, band and bucket, the invoices and the accounts to chase. */
function currencyForecast(input: ParsedCashflowInput, currency: string, rows: Row[]): CurrencyForecast {
  const decimals = minorUnits(currency);
  const fmt = (x: Decimal) => x.toFixed(decimals);
  const weeks = Array.from({ length: input.weeks }, (_, k) => ({
    week: k + 1,
    from: addDays(input.asOf, 7 * k + 1),
    to: addDays(input.asOf, 7 * k + 7),
    expected: fmt(sum(rows.map((r) => r.weeks[k]!))),
    fromPlans: fmt(sum(rows.map((r) => r.fromPlans[k]!))),
  }));
  const group = <K extends string>(keys: readonly K[], keyOf: (r: Row) => string) =>
    keys
      .map((key) => {
        const rs = rows.filter((r) => keyOf(r) === key);
        return { key, open: fmt(sum(rs.map((r) => r.open))), expected: fmt(sum(rs.flatMap((r) => r.weeks))), later: fmt(sum(rs.map((r) => r.later))), n: rs.length };
      })
      .filter((g) => g.n > 0);
  const open = sum(rows.map((r) => r.open));
  const credit = sum(rows.map((r) => r.credit));
  const expected = sum(weeks.map((w) => w.expected));
  const later = sum(rows.map((r) => r.later));
  const actions = rankCollectionActions(rows, { weeks: input.actionWeeks, limit: input.actionLimit, currency });
  const best = weeks.reduce((b, w) => (dec(w.expected).greaterThan(b.expected) ? w : b), weeks[0]!);
  return {
    currency,
    open: fmt(open),
    creditApplied: fmt(credit),
    expected: fmt(expected),
    later: fmt(later),
    weeks,
    byBand: group(RISK_BANDS, (r) => r.band).map(({ key, open: o, expected: e, later: l }) => ({ band: key, open: o, expected: e, later: l })),
    byBucket: group(BUCKETS, (r) => r.bucket).map(({ key, open: o, expected: e, later: l }) => ({ bucket: key, open: o, expected: e, later: l })),
    invoices: rows.map(({ currency: _c, fromPlans: _p, ...r }) => r),
    actions,
    summary:
      `${rows.length} open invoice${rows.length === 1 ? '' : 's'}, ${fmt(open)} ${currency} open on ${input.asOf}` +
      `${credit.greaterThan(0) ? ` (${fmt(credit)} of it covered by credit balances)` : ''}: ` +
      `${fmt(expected)} expected in the next ${input.weeks} weeks (most in week ${best.week}, ${best.from} to ${best.to}: ${best.expected}), ${fmt(later)} later or doubtful.`,
  };
}

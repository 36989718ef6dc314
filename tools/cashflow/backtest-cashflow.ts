import { BillingError } from '../errors.ts';
import { dec, minorUnits, ZERO, type Decimal } from '../money/index.ts';
import { addDays, daysBetween } from '../time/index.ts';
import type { CashflowAllocation, CashflowDocument, RiskBand } from './cashflow.types.ts';
import { forecastCashflow } from './forecast-cashflow.ts';

/** The errors of one forecast (or of all of them pooled), as fractions (0.12 = 12 %). */
export interface ForecastError {
  /** Weighted absolute percentage error of the weekly totals: sum |forecast - actual| / sum actual. */
  weeklyWape: number;
  /** Mean absolute percentage error of the weekly totals, over weeks that received something. */
  weeklyMape: number;
  /** |forecast - actual| / actual of the whole horizon's total. */
  totalApe: number;
  /** (forecast - actual) / actual of the whole horizon's total: positive means it expected too much. */
  totalBias: number;
}

/** One cut-off of the back-test: what was open, forecast and received, and the errors of the forecast and of the naive baseline. */
export interface BacktestCutoff {
  cutoff: string;
  currency: string;
  openInvoices: number;
  open: string;
  forecast: string[];
  naive: string[];
  actual: string[];
  forecastError: ForecastError;
  naiveError: ForecastError;
}

/** The back-test: every cut-off, and the errors pooled over them. */
export interface BacktestResult {
  weeks: number;
  cutoffs: BacktestCutoff[];
  forecast: ForecastError;
  naive: ForecastError;
}

function errors(pairs: ReadonlyArray<{ f: Decimal[]; a: Decimal[] }>): ForecastError {
  let absSum = ZERO;
  let actualSum = ZERO;
  const apes: number[] = [];
  const totals: { f: Decimal; a: Decimal }[] = [];
  for (const { f, a } of pairs) {
    let ft = ZERO;
    let at = ZERO;
    f.forEach((fk, k) => {
      const ak = a[k]!;
      absSum = absSum.plus(fk.minus(ak).abs());
      actualSum = actualSum.plus(ak);
      if (ak.greaterThan(0)) apes.push(fk.minus(ak).abs().div(ak).toNumber());
      ft = ft.plus(fk);
      at = at.plus(ak);
    });
    totals.push({ f: ft, a: at });
  }
  const withActual = totals.filter((t) => t.a.greaterThan(0));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  return {
    weeklyWape: actualSum.greaterThan(0) ? absSum.div(actualSum).toNumber() : 0,
    weeklyMape: mean(apes),
    totalApe: mean(withActual.map((t) => t.f.minus(t.a).abs().div(t.a).toNumber())),
    totalBias: mean(withActual.map((t) => t.f.minus(t.a).div(t.a).toNumber())),
  };
}

/**
 * Back-tests the forecast on a history: at each cut-off, learns the curves from what was known by
 * then (documents issued, allocations dated on or before it), forecasts `weeks` weeks of what was
 * open, and compares each week with the cash that actually came in on those invoices. The naive
 * baseline expects every open amount in full on its due date (already due: in the first week).
 * Invoices issued after the cut-off are in neither side: the forecast is of open invoices only.
 */
export function backtestCashflow(input: {
  documents: readonly CashflowDocument[];
  allocations: readonly CashflowAllocation[];
  bands?: (cutoff: string) => Record<string, RiskBand>;
  credits?: Record<string, string>;
  cutoffs: readonly string[];
  weeks: number;
}): BacktestResult {
  const cutoffs = input.cutoffs.map((cutoff) => {
    // What was known on the cut-off: a document later paid was still open then.
    const documents = input.documents
      .filter((d) => d.issueDate !== null && d.issueDate <= cutoff)
      .map((d) => ({ ...d, status: d.status === 'void' ? ('void' as const) : d.status === 'draft' || d.status === 'held' ? d.status : ('issued' as const) }));
    const known = input.allocations.filter((a) => a.date <= cutoff);
    const result = forecastCashflow({ asOf: cutoff, weeks: input.weeks, documents, allocations: known, bands: input.bands?.(cutoff) ?? {}, actionLimit: 0 });
    if (result.currencies.length > 1) throw new BillingError('INVALID_INPUT', `the back-test scores one currency at a time, not ${result.currencies.map((c) => c.currency).join(', ')}`);
    const c = result.currencies[0];
    const zeros = () => Array.from({ length: input.weeks }, () => ZERO);
    const forecast = c ? c.weeks.map((w) => dec(w.expected)) : zeros();
    const naive = zeros();
    const actual = zeros();
    const openIds = new Set((c?.invoices ?? []).map((i) => String(i.id)));
    for (const i of c?.invoices ?? []) {
      const days = daysBetween(cutoff, i.dueDate);
      const week = days <= 0 ? 0 : Math.floor((days - 1) / 7);
      if (week < input.weeks) naive[week] = naive[week]!.plus(i.open).minus(i.credit);
    }
    const end = addDays(cutoff, 7 * input.weeks);
    for (const a of input.allocations) {
      if (a.date <= cutoff || a.date > end || !openIds.has(String(a.invoiceId)) || (a.kind !== 'payment' && a.kind !== 'return')) continue;
      const week = Math.floor((daysBetween(cutoff, a.date) - 1) / 7);
      actual[week] = actual[week]!.plus(a.amount);
    }
    return {
      cutoff,
      currency: c?.currency ?? '',
      openInvoices: c?.invoices.length ?? 0,
      open: c?.open ?? '0',
      forecast,
      naive,
      actual,
    };
  });
  const fmt = (xs: Decimal[], currency: string) => xs.map((x) => x.toFixed(currency ? minorUnits(currency) : 2));
  return {
    weeks: input.weeks,
    cutoffs: cutoffs.map((c) => ({
      cutoff: c.cutoff,
      currency: c.currency,
      openInvoices: c.openInvoices,
      open: c.open,
      forecast: fmt(c.forecast, c.currency),
      naive: fmt(c.naive, c.currency),
      actual: fmt(c.actual, c.currency),
      forecastError: errors([{ f: c.forecast, a: c.actual }]),
      naiveError: errors([{ f: c.naive, a: c.actual }]),
    })),
    forecast: errors(cutoffs.map((c) => ({ f: c.forecast, a: c.actual }))),
    naive: errors(cutoffs.map((c) => ({ f: c.naive, a: c.actual }))),
  };
}

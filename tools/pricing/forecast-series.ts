import { dec, Decimal, roundDecimal, ZERO } from '../money/index.ts';

/** A forecasting method: the last value, the value one season back, or Holt's linear trend. */
export type ForecastMethod = 'naive' | 'seasonal_naive' | 'holt';

/** Holt's smoothing weights: level and trend. Fixed (documented in docs/pricing.md), not fitted, so a forecast never depends on a search. */
export const HOLT_ALPHA = new Decimal('0.5');
export const HOLT_BETA = new Decimal('0.3');

/** A forecast of one series: the chosen method, the next values, and how well it forecast the history one step ahead. */
export interface SeriesForecast {
  method: ForecastMethod;
  /** The next `horizon` values, rounded to `decimals`, never negative. */
  forecast: string[];
  /** Rolling-origin back-test of the chosen method (one step ahead), or null when the history is too short. */
  backtest: { mape: string | null; points: number; origins: number } | null;
  /** Each candidate's back-test error on the same origins (MAPE %, one decimal), when there was a back-test. */
  candidates: Array<{ method: ForecastMethod; mape: string | null }>;
}

/** The fewest one-step forecasts a back-test needs before its error means anything. */
export const MIN_BACKTEST_POINTS = 3;

/** The fewest observations each method needs to forecast at all. */
function minHistory(method: ForecastMethod, season: number): number {
  return method === 'naive' ? 1 : method === 'holt' ? 2 : season;
}

/** Forecasts `horizon` values after `history` with one method (values may be negative here; the caller clamps). */
export function forecastWith(method: ForecastMethod, history: readonly Decimal[], horizon: number, season: number): Decimal[] {
  const n = history.length;
  if (n < minHistory(method, season)) throw new RangeError(`${method} needs at least ${minHistory(method, season)} values, got ${n}`);
  const out: Decimal[] = [];
  if (method === 'naive') {
    for (let h = 1; h <= horizon; h++) out.push(history[n - 1]!);
  } else if (method === 'seasonal_naive') {
    for (let h = 1; h <= horizon; h++) out.push(history[n - season + ((h - 1) % season)]!);
  } else {
    let level = history[0]!;
    let trend = history[1]!.minus(history[0]!);
    for (let t = 1; t < n; t++) {
      const previous = level;
      level = HOLT_ALPHA.times(history[t]!).plus(new Decimal(1).minus(HOLT_ALPHA).times(level.plus(trend)));
      trend = HOLT_BETA.times(level.minus(previous)).plus(new Decimal(1).minus(HOLT_BETA).times(trend));
    }
    for (let h = 1; h <= horizon; h++) out.push(level.plus(trend.times(h)));
  }
  return out;
}

/**
 * Rolling-origin back-test, one step ahead: for each origin t from `first` on, the method sees
 * history[0..t) and forecasts history[t]. MAPE is the mean of |actual - forecast| / |actual| in
 * percent over the origins whose actual is not zero (null when every actual is zero).
 */
export function backtestMethod(method: ForecastMethod, history: readonly Decimal[], first: number, season: number): { mape: Decimal | null; points: number } {
  let sum = ZERO;
  let points = 0;
  for (let t = first; t < history.length; t++) {
    const actual = history[t]!;
    if (actual.isZero()) continue;
    const predicted = Decimal.max(ZERO, forecastWith(method, history.slice(0, t), 1, season)[0]!);
    sum = sum.plus(actual.minus(predicted).abs().dividedBy(actual.abs()));
    points += 1;
  }
  return { mape: points ? sum.times(100).dividedBy(points) : null, points };
}

const pct = (d: Decimal | null) => (d === null ? null : roundDecimal(d, 1, 'middle').toFixed(1));

/**
 * Forecasts a series (monthly or daily totals, oldest first) `horizon` steps ahead. Candidates are
 * the last value, the value one season back (when a season of history exists) and Holt's linear
 * trend; each is back-tested on the same rolling origins, the lowest MAPE wins (ties: the simpler
 * method). Too short a history for a back-test forecasts with the last value.
 */
export function forecastSeries(values: readonly string[], options: { horizon: number; season: number; decimals: number }): SeriesForecast {
  const history = values.map((v) => dec(v));
  const { horizon, season, decimals } = options;
  const candidates: ForecastMethod[] = ['naive', 'seasonal_naive', 'holt'];
  const usable = candidates.filter((m) => history.length - Math.max(minHistory(m, season), 2) >= MIN_BACKTEST_POINTS);
  const clamp = (xs: Decimal[]) => xs.map((x) => roundDecimal(Decimal.max(ZERO, x), decimals, 'middle').toFixed(decimals));
  if (history.length === 0) return { method: 'naive', forecast: Array.from({ length: horizon }, () => ZERO.toFixed(decimals)), backtest: null, candidates: [] };
  if (usable.length === 0) return { method: 'naive', forecast: clamp(forecastWith('naive', history, horizon, season)), backtest: null, candidates: [] };
  // Every candidate is judged on the same origins: from the first one where all of them can forecast.
  const first = Math.max(...usable.map((m) => Math.max(minHistory(m, season), 2)));
  const scored = usable.map((method) => ({ method, ...backtestMethod(method, history, first, season) }));
  const best = scored.reduce((a, b) => (b.mape !== null && (a.mape === null || b.mape.lessThan(a.mape)) ? b : a));
  return {
    method: best.method,
    forecast: clamp(forecastWith(best.method, history, horizon, season)),
    backtest: { mape: pct(best.mape), points: best.points, origins: history.length - first },
    candidates: scored.map((s) => ({ method: s.method, mape: pct(s.mape) })),
  };
}

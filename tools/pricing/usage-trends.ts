import { summarizeUsageFigures, type UsageFigureGroup, type UsageUnit } from '../rating/summarize-usage-figures.ts';
import { dec, roundDecimal, ZERO } from '../money/index.ts';
import { forecastSeries, type SeriesForecast } from './forecast-series.ts';

/** One category's history and forecast: events, usage in its unit and rated amount per bucket. */
export interface CategoryTrend {
  /** "voice mobile", "sms on_net", "data data": service and category, as the what-if names its usage rows. */
  key: string;
  service: string;
  category: string;
  unit: UsageUnit;
  history: Array<{ bucket: string; events: number; quantity: string; rated: string }>;
  /** The usage forecast (in `unit`) and the rated-amount forecast (the currency, two decimals), per future bucket. */
  forecast: Array<{ bucket: string; quantity: string; rated: string }>;
  quantityModel: Omit<SeriesForecast, 'forecast'>;
  ratedModel: Omit<SeriesForecast, 'forecast'>;
}

/** Trends of every category over the same buckets, and the back-test error over all of them. */
export interface UsageTrends {
  buckets: string[];
  future: string[];
  currency: string;
  categories: CategoryTrend[];
  /** Mean of the categories' rated-amount back-test MAPE, weighted by their rated amount; null without a back-test. */
  ratedMape: string | null;
  /** The same for usage quantities, weighted by events. */
  quantityMape: string | null;
  total: { history: string[]; forecast: string[]; model: Omit<SeriesForecast, 'forecast'> };
}

function weightedMape(items: Array<{ mape: string | null; weight: string }>): string | null {
  let sum = ZERO;
  let weights = ZERO;
  for (const i of items) {
    if (i.mape === null || dec(i.weight).isZero()) continue;
    sum = sum.plus(dec(i.mape).times(dec(i.weight)));
    weights = weights.plus(dec(i.weight));
  }
  return weights.isZero() ? null : roundDecimal(sum.dividedBy(weights), 1, 'middle').toFixed(1);
}

const decimalsOf = (unit: UsageUnit) => (unit === 'messages' ? 0 : 2);

/**
 * Builds each category's series from usage grouped by bucket (index into `buckets`, oldest first;
 * a bucket without usage counts zero) and forecasts `future.length` buckets ahead with
 * forecastSeries, for usage and for the rated amount in `currency`.
 */
export function usageTrends(input: { buckets: string[]; future: string[]; season: number; currency: string; groups: readonly UsageFigureGroup[] }): UsageTrends {
  const { buckets, future, season, currency } = input;
  const perBucket = buckets.map((_, i) => summarizeUsageFigures(input.groups.filter((g) => g.bucket === i)));
  const keys = new Map<string, { service: string; category: string; unit: UsageUnit }>();
  for (const f of perBucket) for (const c of f.byCategory) keys.set(`${c.service} ${c.category}`, { service: c.service, category: c.category, unit: c.unit });
  const ratedIn = (rated: Array<{ currency: string; amount: string }>) => rated.find((r) => r.currency === currency)?.amount ?? '0';
  const options = { horizon: future.length, season };
  const categories: CategoryTrend[] = [...keys]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, c]) => {
      const history = perBucket.map((f, i) => {
        const fig = f.byCategory.find((x) => x.service === c.service && x.category === c.category);
        return { bucket: buckets[i]!, events: fig?.events ?? 0, quantity: fig?.quantity ?? '0', rated: fig ? ratedIn(fig.rated) : '0' };
      });
      const quantity = forecastSeries(
        history.map((h) => h.quantity),
        { ...options, decimals: decimalsOf(c.unit) },
      );
      const rated = forecastSeries(
        history.map((h) => h.rated),
        { ...options, decimals: 2 },
      );
      const { forecast: q, ...quantityModel } = quantity;
      const { forecast: r, ...ratedModel } = rated;
      return { key, ...c, history, forecast: future.map((bucket, i) => ({ bucket, quantity: q[i]!, rated: r[i]! })), quantityModel, ratedModel };
    });
  const totals = perBucket.map((f) => ratedIn(f.rated));
  const { forecast: totalForecast, ...totalModel } = forecastSeries(totals, { ...options, decimals: 2 });
  return {
    buckets,
    future,
    currency,
    categories,
    ratedMape: weightedMape(categories.map((c) => ({ mape: c.ratedModel.backtest?.mape ?? null, weight: c.history.reduce((s, h) => s.plus(dec(h.rated)), ZERO).toFixed() }))),
    quantityMape: weightedMape(categories.map((c) => ({ mape: c.quantityModel.backtest?.mape ?? null, weight: String(c.history.reduce((s, h) => s + h.events, 0)) }))),
    total: { history: totals.map((t) => roundDecimal(dec(t), 2, 'middle').toFixed(2)), forecast: totalForecast, model: totalModel },
  };
}

import { z } from 'zod';
import { catalogInEffect } from '../../db/catalog-store.ts';
import { getOperatorSettings } from '../../db/settings-store.ts';
import { latestScopedUsageStart, scopedUsageFigures } from '../../db/usage-scope.ts';
import { usageTrends } from '../../tools/pricing/index.ts';
import { billingMonthSchema, calendarDateSchema, decimalStringSchema } from '../../tools/schemas/index.ts';
import { addDays, addMonths, localDate, startOfLocalDate } from '../../tools/time/index.ts';
import { defineOperation } from '../operation.ts';

const modelSchema = z.object({
  method: z.enum(['naive', 'seasonal_naive', 'holt']),
  backtest: z.object({ mape: decimalStringSchema.nullable(), points: z.number().int(), origins: z.number().int() }).nullable(),
  candidates: z.array(z.object({ method: z.string(), mape: decimalStringSchema.nullable() })),
});

/** Usage trends: each category's monthly (or daily) history, its forecast and the back-test error. */
export const usageTrendsOutputSchema = z.object({
  bucket: z.enum(['month', 'day']),
  buckets: z.array(z.string()),
  future: z.array(z.string()),
  currency: z.string(),
  note: z.string().nullable(),
  categories: z.array(
    z.object({
      key: z.string(),
      service: z.string(),
      category: z.string(),
      unit: z.enum(['minutes', 'messages', 'MB']),
      history: z.array(z.object({ bucket: z.string(), events: z.number().int(), quantity: decimalStringSchema, rated: decimalStringSchema })),
      forecast: z.array(z.object({ bucket: z.string(), quantity: decimalStringSchema, rated: decimalStringSchema })),
      quantityModel: modelSchema,
      ratedModel: modelSchema,
    }),
  ),
  ratedMape: decimalStringSchema.nullable(),
  quantityMape: decimalStringSchema.nullable(),
  total: z.object({ history: z.array(decimalStringSchema), forecast: z.array(decimalStringSchema), model: modelSchema }),
});

/** Bucket labels ending with the one that holds `last`, at most `count`, and the next `horizon` after it. */
function bucketsUntil(bucket: 'month' | 'day', last: string, count: number, horizon: number) {
  const step = (x: string, n: number) => (bucket === 'month' ? addMonths(x, n) : addDays(x, n));
  const labels = Array.from({ length: count }, (_, i) => step(last, i - count + 1));
  const future = Array.from({ length: horizon }, (_, i) => step(last, i + 1));
  return { labels, future, startOf: (label: string) => (bucket === 'month' ? `${label}-01` : label), step };
}

/**
 * `pricing.trends`: usage and rated amount per category over the last months (or days), each
 * forecast a few buckets ahead with the method that back-tests best on that history
 * (docs/pricing.md). The current, unfinished bucket is left out of the history.
 */
export const showUsageTrends = defineOperation({
  name: 'pricing.trends',
  summary: 'Usage trends and forecasts by category',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      bucket: z.enum(['month', 'day']).default('month').describe('monthly or daily totals'),
      horizon: z.number().int().min(1).max(24).default(3).describe('buckets to forecast'),
      history: z.number().int().min(1).max(120).optional().describe('buckets of history (default 24 months or 56 days)'),
      until: z.union([billingMonthSchema, calendarDateSchema]).optional().describe('the last bucket of history (a month, or a date with daily buckets); default: the latest finished one with usage'),
    })
    .strict(),
  output: usageTrendsOutputSchema,
  handler: (ctx, input) => {
    const { timezone } = getOperatorSettings(ctx.store);
    const { bucket, horizon } = input;
    const count = input.history ?? (bucket === 'month' ? 24 : 56);
    const latest = latestScopedUsageStart(ctx.scope);
    const today = ctx.clock.today();
    let note: string | null = null;
    let last: string;
    if (input.until) last = bucket === 'month' ? input.until.slice(0, 7) : input.until.length === 7 ? addDays(`${addMonths(input.until, 1)}-01`, -1) : input.until;
    else {
      const day = latest === null ? today : localDate(latest, timezone);
      last = bucket === 'month' ? day.slice(0, 7) : day;
      // The bucket still under way (today's month or day) would read as a drop.
      if (last === (bucket === 'month' ? today.slice(0, 7) : today)) {
        note = `${last} is not over yet: the history ends with the bucket before it.`;
        last = bucket === 'month' ? addMonths(last, -1) : addDays(last, -1);
      }
    }
    const { labels, future, startOf, step } = bucketsUntil(bucket, last, count, horizon);
    const bounds = [...labels.map((l) => startOfLocalDate(startOf(l), timezone)), startOfLocalDate(startOf(step(last, 1)), timezone)];
    const groups = scopedUsageFigures(ctx.scope, bounds);
    // Buckets before the first usage are not zeros of the history: it starts with the first that has usage.
    const first = groups.length ? Math.min(...groups.map((g) => g.bucket)) : labels.length - 1;
    const kept = labels.slice(first);
    let currency = 'EUR';
    try {
      currency = catalogInEffect(ctx.store, startOf(last)).catalog.currency;
    } catch {
      const found = groups.find((g) => g.currency !== null);
      if (found?.currency) currency = found.currency;
    }
    const trends = usageTrends({ buckets: kept, future, season: bucket === 'month' ? 12 : 7, currency, groups: groups.map((g) => ({ ...g, bucket: g.bucket - first })) });
    if (trends.ratedMape === null && !note)
      note = `${kept.length} ${bucket}${kept.length === 1 ? '' : 's'} of history: too few for a back-test (it needs at least 5); the forecast repeats the last ${bucket}.`;
    return { bucket, ...trends, note };
  },
});

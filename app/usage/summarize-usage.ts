import { z } from 'zod';
import { getOperatorSettings } from '../../db/index.ts';
import { latestScopedUsageStart, scopedUsageFigures } from '../../db/usage-scope.ts';
import { summarizeUsageFigures } from '../../tools/rating/index.ts';
import { billingMonthSchema, decimalStringSchema } from '../../tools/schemas/index.ts';
import { addDays, addMonths, localDate, startOfLocalDate } from '../../tools/time/index.ts';
import { defineOperation } from '../operation.ts';

const amountsSchema = z.array(z.object({ currency: z.string(), amount: decimalStringSchema }));
const categorySchema = z.object({
  service: z.string(),
  category: z.string(),
  unit: z.enum(['minutes', 'messages', 'MB']),
  events: z.number().int(),
  ratedEvents: z.number().int(),
  quantity: decimalStringSchema.describe('usage in the unit, two decimals (messages whole)'),
  rated: amountsSchema,
});
const spanSchema = z.object({ events: z.number().int(), byCategory: z.array(categorySchema), rated: amountsSchema });

/**
 * Usage figures for the overview: today and a month by service and category (count, quantity in
 * the service's unit, exact rated amount) and the rated amount of each day of the month per
 * currency. Without a month: today's month, or when it has no usage yet the latest month that has.
 */
export const summarizeUsage = defineOperation({
  name: 'usage.summary',
  summary: 'Summarize usage by category and day',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ period: billingMonthSchema.optional().describe('a calendar month YYYY-MM, in the operator time zone') }).strict(),
  output: z.object({
    today: z.string(),
    period: z.string(),
    /** How the month was chosen: asked for, today's, or the latest with usage because today's has none. */
    periodChosen: z.enum(['requested', 'today', 'latest']),
    /** In words, when the month shown is not the one asked for or today's. */
    note: z.string().nullable(),
    todayFigures: spanSchema,
    periodFigures: spanSchema,
    byDay: z.array(z.object({ date: z.string(), currency: z.string(), events: z.number().int(), amount: decimalStringSchema })),
  }),
  handler: (ctx, input) => {
    const tz = getOperatorSettings(ctx.store).timezone;
    const today = ctx.clock.today();
    const monthBounds = (period: string) => {
      const days: string[] = [];
      for (let d = `${period}-01`; d.startsWith(period); d = addDays(d, 1)) days.push(d);
      return { days, bounds: [...days.map((d) => startOfLocalDate(d, tz)), startOfLocalDate(`${addMonths(period, 1)}-01`, tz)] };
    };
    let period = input.period ?? today.slice(0, 7);
    let periodChosen: 'requested' | 'today' | 'latest' = input.period ? 'requested' : 'today';
    let note: string | null = null;
    let month = monthBounds(period);
    let groups = scopedUsageFigures(ctx.scope, month.bounds);
    if (!input.period && groups.length === 0) {
      const latest = latestScopedUsageStart(ctx.scope);
      if (latest === null) note = `No usage has been recorded yet; showing ${period}.`;
      else {
        const latestPeriod = localDate(latest, tz).slice(0, 7);
        note = `No usage in ${period} yet; showing ${latestPeriod}, the latest month with usage.`;
        period = latestPeriod;
        periodChosen = 'latest';
        month = monthBounds(period);
        groups = scopedUsageFigures(ctx.scope, month.bounds);
      }
    }
    const figures = summarizeUsageFigures(groups);
    const todays = summarizeUsageFigures(scopedUsageFigures(ctx.scope, [startOfLocalDate(today, tz), startOfLocalDate(addDays(today, 1), tz)]));
    const span = (f: typeof figures) => ({ events: f.events, byCategory: f.byCategory, rated: f.rated });
    return {
      today,
      period,
      periodChosen,
      note,
      todayFigures: span(todays),
      periodFigures: span(figures),
      byDay: figures.byBucket.map((b) => ({ date: month.days[b.bucket]!, currency: b.currency, events: b.events, amount: b.amount })),
    };
  },
});

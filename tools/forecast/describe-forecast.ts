import { z } from 'zod';
import type { ChargeResult } from '../charging/charging.types.ts';
import { dec, minorUnits, roundToCurrency, ZERO, type Decimal } from '../money/index.ts';
import { calendarDateSchema, decimalStringSchema } from '../schemas/index.ts';
import { addDays } from '../time/index.ts';
import { ALLOWANCE_DISPLAY as UNIT, displayUnits as display } from './display-units.ts';
import { forecastCheaperPlans, forecastExtraCharge } from './forecast-overage.ts';
import type { PeriodForecast } from './forecast-period.ts';

/** The method's name as answers carry it, and the baseline it is measured against. */
export const FORECAST_METHOD = 'weekday-history';
export const FORECAST_BASELINE = 'straight-line';

const suggestionSchema = z.object({
  planId: z.string(),
  planName: z.string(),
  /** The projected period on the current plan and on the suggested one, before tax (exact what-if charging). */
  currentAmount: decimalStringSchema,
  alternativeAmount: decimalStringSchema,
  saving: decimalStringSchema,
});

const allowanceForecastSchema = z.object({
  allowanceId: z.string(),
  service: z.enum(['voice', 'sms', 'data']),
  /** Display unit of the figures: min, SMS, MB (2 decimals, half-up). */
  unit: z.string(),
  included: decimalStringSchema,
  /** Use so far counted against this allowance (may be beyond it). */
  used: decimalStringSchema,
  left: decimalStringSchema,
  /** Forecast use at the period end. */
  projectedUse: decimalStringSchema,
  /** The baseline: so far ÷ days elapsed × days in the period. */
  straightLineUse: decimalStringSchema,
  projectedToExceed: z.boolean(),
  /** The expected charge for going over (exact charging of the projection), when projected to exceed. */
  extraCharge: decimalStringSchema.nullable(),
  /** Earlier periods of the line the forecast read, and the share of the daily rate taken from this one. */
  historyPeriods: z.number().int().nonnegative(),
  currentWeight: z.number().min(0).max(1),
  units: z.object({ baseUnit: z.string(), included: z.number().int(), used: z.number().int(), projected: z.number().int(), straightLine: z.number().int() }),
});

/** An account's forecast for its current period, per line and allowance. */
export const accountForecastSchema = z.object({
  accountId: z.string(),
  currency: z.string(),
  period: z.object({
    label: z.string(),
    from: calendarDateSchema,
    to: calendarDateSchema,
    lastDay: calendarDateSchema,
    today: calendarDateSchema,
    daysElapsed: z.number().int().positive(),
    daysTotal: z.number().int().positive(),
  }),
  method: z.object({ name: z.literal(FORECAST_METHOD), baseline: z.literal(FORECAST_BASELINE), basis: z.string() }),
  lines: z.array(
    z.object({
      subscriptionId: z.string(),
      msisdn: z.string(),
      allowances: z.array(allowanceForecastSchema),
      usageCharges: decimalStringSchema,
      /** Usage charges beyond the allowances at the period end, charged exactly from the projection. */
      projectedUsageCharges: decimalStringSchema,
      /** A plan that would cost less for the projected period, when the line is projected to go over. */
      suggestion: suggestionSchema.nullable(),
    }),
  ),
  usageCharges: decimalStringSchema,
  projectedUsageCharges: decimalStringSchema,
});
export type AccountForecast = z.infer<typeof accountForecastSchema>;

/** How the forecast is made, in one sentence (answers and the portal show it). */
export function forecastBasis(daysElapsed: number, daysTotal: number): string {
  return `use so far (${daysElapsed} of ${daysTotal} days) with the line's weekday pattern and its last periods, against the straight line (so far ÷ ${daysElapsed} × ${daysTotal})`;
}

function usageOf(r: ChargeResult, subscriptionId: string): Decimal {
  return r.lines.filter((l) => l.section === 'usage' && l.subscriptionId === subscriptionId).reduce((s, l) => s.add(l.amount), ZERO);
}

/**
 * The forecast as operations answer it: display units, the straight line beside it, and for each
 * allowance projected to be exceeded the exact extra charge and the line's cheaper plan, if any.
 */
export function describeForecast(pf: PeriodForecast): AccountForecast {
  const input = pf.soFarInput;
  const { period } = input;
  const currency = input.account.currency;
  const money = (x: Decimal) => roundToCurrency(x, currency).toFixed(minorUnits(currency));
  const anyOver = pf.allowances.some((a) => a.exceeds);
  const plans = anyOver ? forecastCheaperPlans(pf) : [];
  let total = ZERO;
  let projectedTotal = ZERO;
  const lines = input.subscriptions
    .filter((s) => pf.allowances.some((a) => a.subscriptionId === s.id) || pf.soFar.activeSubscriptions.some((x) => x.id === s.id))
    .map((s) => {
      const usage = usageOf(pf.soFar, s.id);
      const projected = usageOf(pf.projected, s.id);
      total = total.add(usage);
      projectedTotal = projectedTotal.add(projected);
      const mine = pf.allowances.filter((a) => a.subscriptionId === s.id);
      const allowances = mine.map((a) => {
        const svc = a.allowance.service;
        const f = a.forecast;
        return {
          allowanceId: a.allowance.id,
          service: svc,
          unit: UNIT[svc].unit,
          included: display(dec(a.included), svc),
          used: display(dec(f.usedSoFar), svc),
          left: display(dec(Math.max(0, a.included - a.covered)), svc),
          projectedUse: display(dec(f.projected), svc),
          straightLineUse: display(dec(f.straightLine), svc),
          projectedToExceed: a.exceeds,
          extraCharge: a.exceeds ? forecastExtraCharge(pf, a) : null,
          historyPeriods: f.historyPeriods,
          currentWeight: Math.round(f.currentWeight * 100) / 100,
          units: { baseUnit: UNIT[svc].baseUnit, included: a.included, used: f.usedSoFar, projected: f.projected, straightLine: f.straightLine },
        };
      });
      const rec = mine.some((a) => a.exceeds) ? plans.find((r) => r.subscriptionId === s.id) : undefined;
      const suggestion = rec ? { planId: rec.planId, planName: rec.planName, currentAmount: rec.currentAmount, alternativeAmount: rec.alternativeAmount, saving: rec.saving } : null;
      return { subscriptionId: s.id, msisdn: s.msisdn, allowances, usageCharges: money(usage), projectedUsageCharges: money(projected), suggestion };
    });
  return {
    accountId: input.account.id,
    currency,
    period: { label: period.label, from: period.from, to: period.to, lastDay: addDays(period.to, -1), today: pf.today, daysElapsed: pf.daysElapsed, daysTotal: period.days },
    method: { name: FORECAST_METHOD, baseline: FORECAST_BASELINE, basis: forecastBasis(pf.daysElapsed, period.days) },
    lines,
    usageCharges: money(total),
    projectedUsageCharges: money(projectedTotal),
  };
}

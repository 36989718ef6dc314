import { z } from 'zod';
import type { ChargeInput, ChargeResult } from '../charging/charging.types.ts';
import { forecastBasis } from '../forecast/describe-forecast.ts';
import { ALLOWANCE_DISPLAY as UNIT, displayUnits as display } from '../forecast/display-units.ts';
import { forecastPeriod, type ForecastHistoryPeriod, type PeriodForecast } from '../forecast/forecast-period.ts';
import { dec, minorUnits, roundToCurrency, ZERO, type Decimal } from '../money/index.ts';
import { calendarDateSchema, decimalStringSchema } from '../schemas/index.ts';
import { addDays } from '../time/index.ts';

/** The projection is the forecast (tools/forecast): the line's weekday pattern and history, the period charged exactly. */
export const PROJECTION_METHOD = 'forecast';

const allowanceUsageSchema = z.object({
  allowanceId: z.string(),
  service: z.enum(['voice', 'sms', 'data']),
  /** Display unit of included/used/left/projectedUse: min, SMS, MB (2 decimals, half-up). */
  unit: z.string(),
  included: decimalStringSchema,
  used: decimalStringSchema,
  left: decimalStringSchema,
  /** Forecast use at the period end (may exceed included): tools/forecast. */
  projectedUse: decimalStringSchema,
  /** True when the projection uses up the allowance before the period ends. */
  projectedToRunOut: z.boolean(),
  /** The same figures exactly, in base units (voice ms, messages, data bytes). */
  units: z.object({ baseUnit: z.string(), included: z.number().int(), used: z.number().int(), left: z.number().int() }),
});

/** What a customer's current period looks like so far: allowances left, usage charges so far, and where it is heading. */
export const currentPeriodUsageSchema = z.object({
  accountId: z.string(),
  currency: z.string(),
  period: z.object({
    label: z.string(),
    from: calendarDateSchema,
    /** The first day after the period (exclusive), as periods are stored. */
    to: calendarDateSchema,
    lastDay: calendarDateSchema,
    today: calendarDateSchema,
    daysElapsed: z.number().int().positive(),
    daysTotal: z.number().int().positive(),
  }),
  projection: z.object({ method: z.literal(PROJECTION_METHOD), basis: z.string() }),
  lines: z.array(
    z.object({
      subscriptionId: z.string(),
      msisdn: z.string(),
      allowances: z.array(allowanceUsageSchema),
      /** Usage charged beyond the allowances so far, before tax. */
      usageCharges: decimalStringSchema,
      /** The same at the period end, charging the forecast exactly. */
      projectedUsageCharges: decimalStringSchema,
    }),
  ),
  usageCharges: decimalStringSchema,
  projectedUsageCharges: decimalStringSchema,
});
export type CurrentPeriodUsage = z.infer<typeof currentPeriodUsageSchema>;

/**
 * The period so far on `today` (a local date inside the period): the usage up to the end of that
 * day charged exactly as billing will (chargePeriod: allowances, rollover, continuation pricing),
 * then per line and allowance what is included, used and left, the usage charges beyond the
 * allowances, and the forecast to the period end (forecastPeriod: weekday pattern and the line's
 * earlier periods in `history`; without history the straight line).
 */
export function currentPeriodUsage(input: ChargeInput, today: string, history: readonly ForecastHistoryPeriod[] = []): CurrentPeriodUsage {
  return periodUsageOf(forecastPeriod(input, today, history));
}

/** The current period's figures from a forecast already made (the scan makes one per account for several uses). */
export function periodUsageOf(pf: PeriodForecast): CurrentPeriodUsage {
  const input = pf.soFarInput;
  const { period } = input;
  const charge = pf.soFar;
  const { daysElapsed } = pf;
  const currency = input.account.currency;
  const money = (x: Decimal) => roundToCurrency(x, currency).toFixed(minorUnits(currency));
  const usageOf = (lines: ChargeResult['lines'], id: string) => lines.filter((l) => l.section === 'usage' && l.subscriptionId === id).reduce((sum, l) => sum.add(l.amount), ZERO);
  let total = ZERO;
  let projectedTotal = ZERO;
  const lines = input.subscriptions
    .filter((s) => charge.activeSubscriptions.some((a) => a.id === s.id))
    .map((s) => {
      const usage = usageOf(charge.lines, s.id);
      const projectedUsage = usageOf(pf.projected.lines, s.id);
      total = total.add(usage);
      projectedTotal = projectedTotal.add(projectedUsage);
      const allowances = charge.ledger
        .filter((r) => r.subscriptionId === s.id)
        .map((r) => {
          const included = r.granted + r.carriedIn;
          const f = pf.allowances.find((a) => a.subscriptionId === s.id && a.allowance.id === r.allowanceId);
          const projected = dec(f ? f.forecast.projected : r.used);
          return {
            allowanceId: r.allowanceId,
            service: r.service,
            unit: UNIT[r.service].unit,
            included: display(dec(included), r.service),
            used: display(dec(r.used), r.service),
            left: display(dec(included - r.used), r.service),
            projectedUse: display(projected, r.service),
            projectedToRunOut: projected.gt(included),
            units: { baseUnit: UNIT[r.service].baseUnit, included, used: r.used, left: included - r.used },
          };
        });
      return { subscriptionId: s.id, msisdn: s.msisdn, allowances, usageCharges: money(usage), projectedUsageCharges: money(projectedUsage) };
    });
  return {
    accountId: input.account.id,
    currency,
    period: { label: period.label, from: period.from, to: period.to, lastDay: addDays(period.to, -1), today: pf.today, daysElapsed, daysTotal: period.days },
    projection: { method: PROJECTION_METHOD, basis: forecastBasis(daysElapsed, period.days) },
    lines,
    usageCharges: money(total),
    projectedUsageCharges: money(projectedTotal),
  };
}

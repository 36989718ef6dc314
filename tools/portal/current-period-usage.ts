import { z } from 'zod';
import { chargePeriod } from '../charging/charge-period.ts';
import type { ChargeInput } from '../charging/charging.types.ts';
import { ALLOWANCE_UNIT } from '../charging/consume-allowances.ts';
import { BillingError } from '../errors.ts';
import { dec, minorUnits, roundDecimal, roundToCurrency, ZERO, type Decimal } from '../money/index.ts';
import { calendarDateSchema, decimalStringSchema } from '../schemas/index.ts';
import { addDays, daysBetween, startOfLocalDate } from '../time/index.ts';

/** The only projection there is: usage so far spread evenly over the whole period. */
export const PROJECTION_METHOD = 'linear';

const UNIT = { voice: { unit: 'min', baseUnit: 'ms' }, sms: { unit: 'SMS', baseUnit: 'message' }, data: { unit: 'MB', baseUnit: 'byte' } } as const;

const allowanceUsageSchema = z.object({
  allowanceId: z.string(),
  service: z.enum(['voice', 'sms', 'data']),
  /** Display unit of included/used/left/projectedUse: min, SMS, MB (2 decimals, half-up). */
  unit: z.string(),
  included: decimalStringSchema,
  used: decimalStringSchema,
  left: decimalStringSchema,
  /** Linear projection of use to the period end (may exceed included). */
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
      projectedUsageCharges: decimalStringSchema,
    }),
  ),
  usageCharges: decimalStringSchema,
  projectedUsageCharges: decimalStringSchema,
});
export type CurrentPeriodUsage = z.infer<typeof currentPeriodUsageSchema>;

const display = (units: Decimal, service: keyof typeof ALLOWANCE_UNIT) => roundDecimal(units.div(ALLOWANCE_UNIT[service]), 2, 'middle').toFixed(2);

/**
 * The period so far on `today` (a local date inside the period): the usage up to the end of that
 * day charged exactly as billing will (chargePeriod: allowances, rollover, continuation pricing),
 * then per line and allowance what is included, used and left, the usage charges beyond the
 * allowances, and a linear projection to the period end (so far ÷ days elapsed × days in period).
 */
export function currentPeriodUsage(input: ChargeInput, today: string): CurrentPeriodUsage {
  const { period, timezone } = input;
  if (today < period.from || today >= period.to) throw new BillingError('INVALID_INPUT', `${today} is not in the period ${period.from} to ${addDays(period.to, -1)}`);
  // Whatever is stored for later days (a test clock, a clock skew) is not "so far".
  const cutoff = startOfLocalDate(addDays(today, 1), timezone);
  const charge = chargePeriod({ ...input, events: input.events.filter((e) => e.startTime < cutoff) });
  const daysElapsed = daysBetween(period.from, today) + 1;
  const scale = (x: Decimal) => x.mul(period.days).div(daysElapsed);
  const currency = input.account.currency;
  const money = (x: Decimal) => roundToCurrency(x, currency).toFixed(minorUnits(currency));
  let total = ZERO;
  const lines = input.subscriptions
    .filter((s) => charge.activeSubscriptions.some((a) => a.id === s.id))
    .map((s) => {
      const usage = charge.lines.filter((l) => l.section === 'usage' && l.subscriptionId === s.id).reduce((sum, l) => sum.add(l.amount), ZERO);
      total = total.add(usage);
      const allowances = charge.ledger
        .filter((r) => r.subscriptionId === s.id)
        .map((r) => {
          const included = r.granted + r.carriedIn;
          const projected = scale(dec(r.used));
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
      return { subscriptionId: s.id, msisdn: s.msisdn, allowances, usageCharges: money(usage), projectedUsageCharges: money(scale(usage)) };
    });
  return {
    accountId: input.account.id,
    currency,
    period: { label: period.label, from: period.from, to: period.to, lastDay: addDays(period.to, -1), today, daysElapsed, daysTotal: period.days },
    projection: { method: PROJECTION_METHOD, basis: `so far ÷ ${daysElapsed} days elapsed × ${period.days} days in the period` },
    lines,
    usageCharges: money(total),
    projectedUsageCharges: money(scale(total)),
  };
}

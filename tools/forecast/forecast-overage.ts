import { chargePeriod } from '../charging/charge-period.ts';
import type { ChargeableEvent, ChargeResult } from '../charging/charging.types.ts';
import { recommendPlans } from '../charging/what-if.ts';
import type { Recommendation } from '../invoice/invoice.types.ts';
import { dec, minorUnits, roundToCurrency, ZERO } from '../money/index.ts';
import { type AllowanceForecast, digits, type PeriodForecast } from './forecast-period.ts';

/** Pre-tax total of a charge result. */
function net(r: ChargeResult) {
  return r.lines.reduce((s, l) => s.plus(l.amount), ZERO);
}

/**
 * The expected extra charge of going over one allowance, exact to the cent: the projected period
 * charged as billing would (chargePeriod: continuation pricing, promotions, discounts), less the
 * same period had the line's use of that allowance stopped where the allowance runs out (every
 * event counted against it from the one that crosses the limit on left out). Zero when the
 * projection stays within it, or another allowance of the line would cover the rest.
 */
export function forecastExtraCharge(pf: PeriodForecast, a: AllowanceForecast): string {
  const currency = pf.projectedInput.account.currency;
  const zero = ZERO.toFixed(minorUnits(currency));
  if (!a.exceeds) return zero;
  // The order allowances are drawn in (consumeAllowances).
  const ordered = [...pf.projectedInput.events].sort((x, y) => x.startTime - y.startTime || x.id - y.id);
  let used = 0;
  const dropped = new Set<ChargeableEvent>();
  for (const e of ordered) {
    if (digits(e.subscriber) !== digits(a.msisdn) || !a.counts(e)) continue;
    used += e.usage;
    if (used > a.included) dropped.add(e);
  }
  if (dropped.size === 0) return zero;
  const within = chargePeriod({ ...pf.projectedInput, events: pf.projectedInput.events.filter((e) => !dropped.has(e)) });
  const extra = net(pf.projected).minus(net(within));
  return roundToCurrency(extra.isNegative() ? ZERO : extra, currency).toFixed(minorUnits(currency));
}

/**
 * The cheaper plan per line over the projected period: exact what-if charging of the projection
 * (recommendPlans: eligible plans pricing usage the same way, saving at least `minSaving`).
 */
export function forecastCheaperPlans(pf: PeriodForecast, minSaving = '1'): Recommendation[] {
  return recommendPlans(pf.projectedInput, minSaving, pf.projected).filter((r) => dec(r.saving).greaterThan(0));
}

import { dec, roundDecimal, ZERO, type Decimal } from '../money/index.ts';
import type { RatedCost, RatedSpan } from '../rating/tariff.types.ts';

/** Voice breakdowns count nanoseconds; charging counts the usage record's milliseconds. */
const NS_PER_MS = 1_000_000;

/** Span price exactly as rate-usage's priceSpan: usage x rate / unit, then per increment, both half-up at the general decimals. */
function spanPrice(usage: number, span: RatedSpan, generalDecimals: number): Decimal {
  const increments = Math.max(1, Math.ceil(usage / Math.max(span.rateIncrement, 1)));
  const billed = span.rateIncrement > 0 ? increments * span.rateIncrement : usage;
  if (span.rateUnit === 0 || dec(span.rate).isZero()) return ZERO;
  const raw = roundDecimal(dec(billed).times(span.rate).div(span.rateUnit), generalDecimals, 'middle');
  return roundDecimal(raw.div(increments), generalDecimals, 'middle').times(increments);
}

/**
 * The price of what an allowance left uncovered of a rated usage: the usage from `covered` on,
 * priced as the continuation of the same call (same spans, rate slots and increments, elapsed time
 * counted from the call's start, no second connect fee), then rounded and capped as the whole was.
 * `covered` is in the record's base units (voice ms, messages, bytes).
 */
export function priceContinuation(breakdown: RatedCost, covered: number, service: 'voice' | 'sms' | 'data'): string {
  const from = service === 'voice' ? covered * NS_PER_MS : covered;
  if (from <= 0) return breakdown.cost;
  const g = breakdown.rounding.generalDecimals;
  let total = ZERO;
  for (const span of breakdown.spans) {
    const end = span.offset + span.usage;
    if (end <= from) continue;
    total = total.plus(span.offset >= from ? dec(span.cost) : spanPrice(end - from, span, g));
  }
  let cost = roundDecimal(total, breakdown.rounding.decimals, breakdown.rounding.method);
  if (breakdown.maxCost && breakdown.maxCost.strategy === '*free' && cost.greaterThan(breakdown.maxCost.amount)) cost = dec(breakdown.maxCost.amount);
  // Dynamic pricing multiplied the whole call; its continuation is multiplied the same way.
  if (breakdown.multiplier) cost = roundDecimal(cost.times(breakdown.multiplier.factor), breakdown.rounding.decimals, breakdown.rounding.method);
  return cost.toString();
}

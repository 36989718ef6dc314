import { BillingError } from '../errors.ts';
import { pow10, slotAt, type CompiledSlot, type CompiledTariff, type SpanPrice } from './compile-tariff.ts';
import { resolveRatingInfos } from './resolve-rating-plan.ts';
import { divRound, formatScaled } from './scaled-amount.ts';
import { incrementsFor, roundSpansToIncrements, splitUsage } from './split-usage.ts';
import type { RatedCost, RatedSpan, RatingRequest } from './tariff.types.ts';

const NS_PER_MS = 1_000_000;
const MAX_MEMO = 20_000;

/**
 * Prices one span exactly as CGRateS: usage x rate / rateUnit rounded half-up to the general
 * decimals, then the cost per increment rounded the same way, times the increments. Memoised per
 * slot and usage, since real traffic repeats the same durations over and over.
 */
export function priceSpan(slot: CompiledSlot, usage: number, generalDecimals: number): SpanPrice {
  const memo = slot.costMemo.get(usage);
  if (memo) return memo;
  const increments = incrementsFor(usage, slot.rateIncrement);
  let incrementCost = 0n;
  if (slot.rateNumerator !== 0n && slot.rateUnit !== 0) {
    const raw = divRound(BigInt(usage) * slot.rateNumerator * pow10(generalDecimals), BigInt(slot.rateUnit) * pow10(slot.rateScale), 'middle');
    incrementCost = divRound(raw, BigInt(increments), 'middle');
  }
  const cost = incrementCost * BigInt(increments);
  const price: SpanPrice = {
    increments,
    incrementCost,
    cost,
    incrementCostText: formatScaled(incrementCost, generalDecimals),
    costText: formatScaled(cost, generalDecimals),
  };
  if (slot.costMemo.size >= MAX_MEMO) slot.costMemo.clear();
  slot.costMemo.set(usage, price);
  return price;
}

function validate(req: RatingRequest): void {
  if (!Number.isSafeInteger(req.usage) || req.usage < 0) {
    throw new BillingError('INVALID_INPUT', `usage must be a non-negative whole number of base units, got ${req.usage}`);
  }
  if (!Number.isFinite(req.answerTime)) throw new BillingError('INVALID_INPUT', 'answer time is not a valid instant');
}

/**
 * Rates one usage against a compiled tariff: CGRateS's rating model and semantics (profile and
 * fallback selection, longest-prefix destination, timing splits, increments, connect fee, max cost,
 * final rounding), returning the cost and the whole breakdown that explains it.
 */
export function rateUsage(tariff: CompiledTariff, req: RatingRequest): RatedCost {
  validate(req);
  const endMs = req.answerTime + Math.ceil(req.usage / NS_PER_MS);
  const infos = resolveRatingInfos(tariff, req, endMs);
  const first = infos[0]!;
  const scale = tariff.scale;
  const g = tariff.generalDecimals;
  const toScale = pow10(scale - g);

  const spans = req.usage === 0 ? [] : roundSpansToIncrements(splitUsage(tariff, infos, req.answerTime, req.usage, req.tor));
  let total = 0n;
  let connectFee = 0n;
  let roundingEntry = spans[0]?.entry ?? first.list.entries[0]!;
  const rated: RatedSpan[] = [];
  let billedUsage = 0;
  spans.forEach((span, i) => {
    const slot = slotAt(span.entry.slots, span.from);
    const usage = span.to - span.from;
    const price = priceSpan(slot, usage, g);
    billedUsage += usage;
    if (i === 0) connectFee = span.entry.slots[0]!.connectFee;
    total += price.cost * toScale;
    if (span.entry.destinationRate.roundingDecimals > roundingEntry.destinationRate.roundingDecimals) roundingEntry = span.entry;
    rated.push({
      start: req.tor === 'voice' ? req.answerTime + Math.floor(span.from / NS_PER_MS) : req.answerTime,
      offset: span.from,
      usage,
      ratingPlanId: span.info.ratingPlanId,
      timingId: span.entry.timing.id,
      weight: span.entry.weight,
      destinationRateId: span.entry.destinationRateId,
      rateId: span.entry.rateId,
      slot: slot.index,
      rate: slot.source.rate,
      rateUnit: slot.rateUnit,
      rateIncrement: slot.rateIncrement,
      groupIntervalStart: slot.groupIntervalStart,
      increments: price.increments,
      incrementCost: price.incrementCostText,
      cost: price.costText,
    });
  });
  total += connectFee;

  const dr = roundingEntry.destinationRate;
  const roundedAtD = divRound(total, pow10(scale - dr.roundingDecimals), dr.roundingMethod);
  let cost = roundedAtD * pow10(scale - dr.roundingDecimals);
  const capEntry = spans[0]?.entry;
  let maxCost: RatedCost['maxCost'] = null;
  if (capEntry?.maxCost != null) {
    // Only *free caps the cost; *disconnect (or no strategy) limits prepaid sessions, not the price.
    const strategy = capEntry.destinationRate.maxCostStrategy ?? '';
    const applied = strategy === '*free' && cost > capEntry.maxCost;
    if (applied) cost = capEntry.maxCost;
    maxCost = { amount: formatScaled(capEntry.maxCost, scale), strategy, applied };
  }

  return {
    cost: formatScaled(cost, scale),
    currency: tariff.plan.currency,
    tariffPlanId: tariff.plan.id,
    profile: {
      tenant: req.tenant,
      category: req.category,
      subject: first.subject,
      activationTime: first.activationTimeText,
      ratingPlanId: first.ratingPlanId,
      fallbackFrom: first.fallbackFrom,
    },
    destinationId: first.destinationId,
    matchedPrefix: first.matchedPrefix,
    destinationRateId: spans[0]?.entry.destinationRateId ?? first.list.entries[0]!.destinationRateId,
    connectFee: formatScaled(connectFee, scale),
    spans: rated,
    costBeforeRounding: formatScaled(total, scale),
    rounding: { method: dr.roundingMethod, decimals: dr.roundingDecimals, generalDecimals: g },
    maxCost,
    usage: req.usage,
    billedUsage,
  };
}

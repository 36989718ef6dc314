import { dec, roundDecimal, ZERO } from '../money/index.ts';
import type { RatedCost, RatedSpan } from './tariff.types.ts';

/** The service a breakdown priced: it decides the unit its usage is counted in. */
export type RatedService = 'voice' | 'sms' | 'data';

/** A rating breakdown in words: one step per sentence, and the steps joined as text. */
export interface RatingDescription {
  text: string;
  steps: string[];
  /** Spans described one by one; any further spans are summed in one step. */
  spansShown: number;
  spansOmitted: number;
}

const NS_PER_S = 1_000_000_000;
/** Enough for any ordinary call; a breakdown with more spans sums the rest in one step, so the text stays short. */
const MAX_SPANS = 24;

/** A usage amount in its service's unit: voice in seconds (usage is nanoseconds), SMS in messages, data in bytes. */
export function formatUsage(units: number, service: RatedService): string {
  if (service === 'sms') return `${units} ${units === 1 ? 'message' : 'messages'}`;
  if (service === 'data') return `${units} bytes`;
  // Integer arithmetic: a nanosecond count is exact, a float division might not be.
  const whole = Math.floor(units / NS_PER_S);
  const rest = String(units - whole * NS_PER_S)
    .padStart(9, '0')
    .replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''} s`;
}

function describeSpan(s: RatedSpan, i: number, service: RatedService): string {
  const range = `${formatUsage(s.offset, service)} to ${formatUsage(s.offset + s.usage, service)}`;
  const where = `rate ${s.rateId} slot ${s.slot}, timing ${s.timingId}, rating plan ${s.ratingPlanId}, destination rate ${s.destinationRateId}`;
  if (dec(s.rate).isZero() || s.rateUnit === 0) return `Span ${i + 1}, ${range}: no charge per unit (rate ${s.rate}) (${where}).`;
  const increment = s.rateIncrement > 0 ? formatUsage(s.rateIncrement, service) : 'the whole span';
  return `Span ${i + 1}, ${range}: ${s.increments} increments of ${increment} at ${s.rate} per ${formatUsage(s.rateUnit, service)} = ${s.incrementCost} per increment; ${s.increments} x ${s.incrementCost} = ${s.cost} (${where}).`;
}

/**
 * Describes how a usage was priced, from its expanded breakdown (the engine's own figures, see
 * docs/rating.md): the plan and destination chosen, the connect fee, each span with its rate,
 * increments and cost, used and billed usage, the sum before rounding, the rounding, the max cost
 * and any dynamic-pricing multiplier. Deterministic, so every model gets the same words.
 */
export function describeRating(b: RatedCost, service: RatedService): RatingDescription {
  const cur = b.currency;
  const p = b.profile;
  const steps: string[] = [
    `Priced with tariff ${b.tariffPlanId}: rating profile ${p.tenant} / ${p.category} / ${p.subject} (activated ${p.activationTime})${p.fallbackFrom ? `, reached by fallback from ${p.fallbackFrom}` : ''}, rating plan ${p.ratingPlanId}; destination ${b.destinationId} (matched prefix ${b.matchedPrefix}), destination rate ${b.destinationRateId}.`,
  ];
  if (b.spans.length === 0) {
    steps.push(`Zero usage: no charge and no connect fee. Cost ${b.cost} ${cur}.`);
    return { text: steps.join('\n'), steps, spansShown: 0, spansOmitted: 0 };
  }
  steps.push(dec(b.connectFee).isZero() ? 'No connect fee.' : `Connect fee ${b.connectFee} ${cur}, charged once (from the first span's rate).`);
  const shown = b.spans.slice(0, MAX_SPANS);
  steps.push(...shown.map((s, i) => describeSpan(s, i, service)));
  const rest = b.spans.slice(MAX_SPANS);
  const restCost = rest.reduce((t, s) => t.plus(s.cost), ZERO);
  if (rest.length) steps.push(`… and ${rest.length} more spans costing ${restCost.toString()} together.`);
  steps.push(
    `Each span's cost is usage x rate / rate unit rounded half-up to ${b.rounding.generalDecimals} decimals, divided by its increments and rounded again the same way; a span shorter than one increment costs one.`,
  );
  steps.push(`Used ${formatUsage(b.usage, service)}, billed ${formatUsage(b.billedUsage, service)}${b.usage !== b.billedUsage ? ' (each span rounded up to whole increments)' : ''}.`);
  const parts = [b.connectFee, ...shown.map((s) => s.cost), ...(rest.length ? [restCost.toString()] : [])].filter((x, i) => i > 0 || !dec(x).isZero());
  const rounded = roundDecimal(b.costBeforeRounding, b.rounding.decimals, b.rounding.method).toString();
  const method = { up: 'up', middle: 'half-up', down: 'down' }[b.rounding.method];
  steps.push(`${parts.join(' + ')} = ${b.costBeforeRounding} before rounding; rounded ${method} to ${b.rounding.decimals} decimals: ${rounded} ${cur}.`);
  if (b.maxCost) {
    steps.push(b.maxCost.applied ? `Capped at the max cost ${b.maxCost.amount} (${b.maxCost.strategy}).` : `Max cost ${b.maxCost.amount} (${b.maxCost.strategy || 'no strategy'}) not applied.`);
  }
  if (b.multiplier) {
    const m = b.multiplier;
    steps.push(`Dynamic pricing: x${m.factor} (table ${m.tableId}, band ${m.band}, region ${m.region}, level ${m.level}) on ${m.costBeforeMultiplier} = ${b.cost} ${cur}.`);
  }
  steps.push(`Cost ${b.cost} ${cur}.`);
  return { text: steps.join('\n'), steps, spansShown: shown.length, spansOmitted: rest.length };
}

/** Whether a stored event's breakdown is an expanded one (a rated event's), not a reason or an unexpanded compact form. */
function isRatedCost(b: unknown): b is RatedCost {
  return typeof b === 'object' && b !== null && Array.isArray((b as RatedCost).spans) && typeof (b as RatedCost).profile === 'object';
}

/**
 * A usage event's rating in words and as data, for agents and `switchboard usage show` alike: the
 * description, and the breakdown with only the spans the text describes (so it stays small).
 * Null when the event carries no expanded breakdown (not rated, or rating failed).
 */
export function explainEventRating(event: { service: string; ratingBreakdown: unknown }): (RatingDescription & { breakdown: RatedCost & { spansOmitted: number } }) | null {
  const b = event.ratingBreakdown;
  if (!isRatedCost(b)) return null;
  const service: RatedService = event.service === 'sms' || event.service === 'data' ? event.service : 'voice';
  const d = describeRating(b, service);
  return { ...d, breakdown: { ...b, spans: b.spans.slice(0, d.spansShown), spansOmitted: d.spansOmitted } };
}

import type { ChargeableEvent } from '../charging/charging.types.ts';

/** At most this many copies per line and allowance (a forecast of thousands of texts stays cheap to charge). */
export const MAX_PROJECTED_EVENTS = 5_000;
/** The most recent templates a projection cycles through. */
const TEMPLATES = 200;

/**
 * The remaining use of a period as rated events charging can price: copies of the line's own recent
 * events of that kind (same destination category, rating and breakdown, so their price is what the
 * line really pays), whole events cycled from the most recent, until their total is as near the
 * remaining use as a whole event allows. They are spread evenly over [fromMs, toMs) and numbered
 * down from `firstId` (negative: never a stored event's id).
 */
export function projectRemainingEvents(templates: readonly ChargeableEvent[], remaining: number, opts: { fromMs: number; toMs: number; firstId: number }): ChargeableEvent[] {
  const usable = templates.filter((t) => t.usage > 0).slice(-TEMPLATES);
  if (remaining <= 0 || usable.length === 0 || opts.toMs <= opts.fromMs) return [];
  const picked: ChargeableEvent[] = [];
  let total = 0;
  for (let k = 0; total < remaining && picked.length < MAX_PROJECTED_EVENTS; k++) {
    const t = usable[usable.length - 1 - (k % usable.length)]!;
    // Stop where one more whole event would overshoot by more than stopping falls short.
    if (total + t.usage - remaining > remaining - total) break;
    picked.push(t);
    total += t.usage;
  }
  const step = (opts.toMs - opts.fromMs) / picked.length;
  // A template's breakdown is read once, however many copies it makes.
  const breakdowns = new Map<ChargeableEvent, ChargeableEvent['breakdown']>();
  const breakdownOf = (t: ChargeableEvent) => {
    if (!breakdowns.has(t)) breakdowns.set(t, t.breakdown);
    return breakdowns.get(t)!;
  };
  return picked.map((t, i) => {
    const startTime = opts.fromMs + Math.floor(step * i + step / 2);
    // Field by field: a loader's event may hold its breakdown behind a getter, which a spread would drop.
    return {
      id: opts.firstId - i,
      subscriber: t.subscriber,
      service: t.service,
      direction: t.direction,
      category: t.category,
      roaming: t.roaming,
      startTime,
      answerTime: t.answerTime === null ? null : startTime,
      usage: t.usage,
      cost: t.cost,
      breakdown: breakdownOf(t),
      tariffRows: t.tariffRows,
      tariffVersionId: t.tariffVersionId,
    };
  });
}

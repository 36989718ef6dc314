import { BillingError } from '../errors.ts';
import { activeWindowsForDay, windowAt } from './active-windows.ts';
import { slotAt, type CompiledEntry, type CompiledTariff } from './compile-tariff.ts';
import type { RatingInfo } from './resolve-rating-plan.ts';
import type { TypeOfRecord } from './tariff.types.ts';

/** A piece of a usage priced by one entry: usage offsets in base units from the answer. */
export interface UsageSpan {
  from: number;
  to: number;
  entry: CompiledEntry;
  info: RatingInfo;
}

const NS_PER_MS = 1_000_000;

function entryAt(tariff: CompiledTariff, info: RatingInfo, epochMs: number): { entry: CompiledEntry; untilMs: number } {
  const window = windowAt(activeWindowsForDay(tariff, info.list, epochMs), epochMs);
  if (!window.entry) {
    throw new BillingError('RATING_GAP', `rating plan ${info.ratingPlanId} has no active timing for destination ${info.destinationId} at ${new Date(epochMs).toISOString()}`, {
      ratingPlanId: info.ratingPlanId,
      destinationId: info.destinationId,
    });
  }
  return { entry: window.entry, untilMs: window.toMs };
}

/**
 * Splits a usage into spans as CGRateS does: voice at rating-plan activations, at local midnight
 * and wherever another timing takes over; every kind at each rate slot's GroupIntervalStart.
 */
export function splitUsage(tariff: CompiledTariff, infos: RatingInfo[], answerTime: number, usage: number, tor: TypeOfRecord): UsageSpan[] {
  const spans: UsageSpan[] = [];
  if (tor !== 'voice') {
    const info = infos[0]!;
    spans.push({ from: 0, to: usage, entry: entryAt(tariff, info, answerTime).entry, info });
  } else {
    let offset = 0;
    let infoIndex = 0;
    while (offset < usage) {
      const nowMs = answerTime + Math.floor(offset / NS_PER_MS);
      while (infoIndex + 1 < infos.length && infos[infoIndex + 1]!.from <= nowMs) infoIndex++;
      const info = infos[infoIndex]!;
      const { entry, untilMs } = entryAt(tariff, info, nowMs);
      let to = Math.min(usage, (untilMs - answerTime) * NS_PER_MS);
      const next = infos[infoIndex + 1];
      if (next) to = Math.min(to, (next.from - answerTime) * NS_PER_MS);
      if (to <= offset) to = Math.min(usage, offset + NS_PER_MS); // sub-millisecond remainder at a boundary
      spans.push({ from: offset, to, entry, info });
      offset = to;
    }
  }
  return splitOnGroupIntervals(spans);
}

function splitOnGroupIntervals(spans: UsageSpan[]): UsageSpan[] {
  // Most rates have one slot: nothing to split, so no copying.
  if (spans.every((s) => s.entry.slots.length === 1)) return spans;
  const out: UsageSpan[] = [];
  for (const span of spans) {
    let from = span.from;
    for (const slot of span.entry.slots) {
      const gis = slot.groupIntervalStart;
      if (gis > from && gis < span.to) {
        out.push({ ...span, from, to: gis });
        from = gis;
      }
    }
    out.push({ ...span, from });
  }
  return out;
}

/** Whole increments covering `usage` (at least one), exact in integer arithmetic. */
export function incrementsFor(usage: number, increment: number): number {
  if (increment <= 0) return 1;
  let q = Math.floor(usage / increment);
  while (q * increment < usage) q++;
  while (q > 1 && (q - 1) * increment >= usage) q--;
  return Math.max(q, 1);
}

/**
 * Rounds each span up to whole increments of its rate slot; a rounded span swallows what it now
 * overlaps of the following spans (CGRateS's roundTimeSpansToIncrement + RemoveOverlapedFromIndex).
 * Works in place on spans the caller owns (splitUsage returns fresh ones).
 */
export function roundSpansToIncrements(spans: UsageSpan[]): UsageSpan[] {
  const out = spans;
  for (let i = 0; i < out.length; i++) {
    const span = out[i]!;
    const increment = slotAt(span.entry.slots, span.from).rateIncrement;
    if (increment <= 0) continue;
    const length = span.to - span.from;
    const rounded = incrementsFor(length, increment) * increment;
    if (rounded <= length) continue;
    span.to = span.from + rounded;
    let j = i + 1;
    while (j < out.length && out[j]!.to <= span.to) j++;
    out.splice(i + 1, j - (i + 1));
    const following = out[i + 1];
    if (following && following.from < span.to) following.from = span.to;
  }
  return out;
}

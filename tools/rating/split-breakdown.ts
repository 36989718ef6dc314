import type { CompactBreakdown } from './compact-breakdown.ts';

/**
 * A stored breakdown in two parts (docs/storage.md): the template, everything the tariff and the
 * rating path decide (profile, destination, connect fee, rounding, max cost, each span's tariff
 * row and increment price), shared by every event priced the same way and stored once; and the
 * values, the few numbers that belong to this event (billed usage, cost before rounding, each
 * span's start, offset, usage, increments and cost). joinBreakdown rebuilds the identical
 * CompactBreakdown from both and the event's cost, so nothing of the provenance is lost.
 */
export interface SplitBreakdown {
  /** JSON of the shared part; a breakdown without spans (a `{ reason }`) is all template. */
  template: string;
  /** JSON of this event's numbers, or null when the template is the whole breakdown. */
  values: string | null;
}

type Span = CompactBreakdown['s'][number];
type SpanTemplate = [ratingPlanId: string, timingId: string, destinationRateId: string, rateId: string, slot: number, incrementCost: string];
// [start, offset, usage, increments, cost]: the cost is null when it is the event's cost (one span).
type SpanValues = [number, number, number, number, string | null];
interface BreakdownTemplate {
  v: 1;
  cur: string;
  p: CompactBreakdown['p'];
  d: CompactBreakdown['d'];
  cf: string;
  r: CompactBreakdown['r'];
  m: CompactBreakdown['m'];
  s: SpanTemplate[];
}
// [costBeforeRounding or null when it equals the cost, usage or null when it equals billedUsage, billedUsage, spans, multiplier?]
type BreakdownValues = [string | null, number | null, number, SpanValues[], CompactBreakdown['x']?];

/** Splits a stored breakdown (compact, or a `{ reason }` of a priced event that needed no tariff) into template and values. */
export function splitBreakdown(b: CompactBreakdown | { reason: string }): SplitBreakdown {
  if (!('v' in b)) return { template: JSON.stringify(b), values: null };
  const template: BreakdownTemplate = { v: 1, cur: b.cur, p: b.p, d: b.d, cf: b.cf, r: b.r, m: b.m, s: b.s.map((s) => [s[3], s[4], s[5], s[6], s[7], s[9]]) };
  const one = b.s.length === 1;
  const values: BreakdownValues = [b.cb === b.c ? null : b.cb, b.u[0] === b.u[1] ? null : b.u[0], b.u[1], b.s.map((s) => [s[0], s[1], s[2], s[8], one && s[10] === b.c ? null : s[10]])];
  if (b.x) values.push(b.x);
  return { template: JSON.stringify(template), values: JSON.stringify(values) };
}

/** Rebuilds the stored breakdown from its template, its values and the event's stored cost (inverse of splitBreakdown). */
export function joinBreakdown(template: string, values: string | null, cost: string): CompactBreakdown | { reason: string } {
  const t = JSON.parse(template) as BreakdownTemplate | { reason: string };
  if (!('v' in t) || values === null) return t as { reason: string };
  const [cb, usage, billed, spans, x] = JSON.parse(values) as BreakdownValues;
  const s: Span[] = spans.map(([start, offset, spanUsage, increments, spanCost], i) => {
    const [ratingPlanId, timingId, destinationRateId, rateId, slot, incrementCost] = t.s[i]!;
    return [start, offset, spanUsage, ratingPlanId, timingId, destinationRateId, rateId, slot, increments, incrementCost, spanCost ?? cost];
  });
  return { v: 1, c: cost, cur: t.cur, p: t.p, d: t.d, cf: t.cf, cb: cb ?? cost, r: t.r, m: t.m, u: [usage ?? billed, billed], s, ...(x ? { x } : {}) };
}

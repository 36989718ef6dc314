import { offsetAt, zonedToEpoch } from '../../tools/time/index.ts';
import type { Random } from './random.ts';

const HOUR_MS = 3_600_000;

// Relative traffic per local hour: a night trough, a morning peak around 10-12, a lunch dip and an
// evening peak around 17-19 (typical mobile voice busy hours).
const HOURLY_WEIGHT = [0.12, 0.07, 0.04, 0.03, 0.03, 0.06, 0.2, 0.55, 1.0, 1.45, 1.85, 1.95, 1.6, 1.45, 1.5, 1.55, 1.7, 1.9, 1.95, 1.6, 1.2, 0.85, 0.55, 0.28];
// ISO weekday 1..7 (Monday..Sunday): weekends are lighter.
const WEEKDAY_WEIGHT = [0, 1, 1, 1, 1, 1.02, 0.62, 0.5];

/** The generated period and how many rows each UTC hour of it holds. */
export interface Timeline {
  startMs: number;
  endMs: number;
  /** rows per hour slot; slot i covers [startMs + i h, startMs + (i+1) h) clipped to endMs. */
  counts: Uint32Array;
}

/** Spreads exactly `rows` rows over the local days of the period following the diurnal and weekly curves. */
export function planTimeline(rows: number, start: string, days: number, timezone: string): Timeline {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const startMs = zonedToEpoch(y, m, d, 0, 0, 0, timezone);
  const endDate = new Date(Date.UTC(y, m - 1, d + days));
  const endMs = zonedToEpoch(endDate.getUTCFullYear(), endDate.getUTCMonth() + 1, endDate.getUTCDate(), 0, 0, 0, timezone);
  const slots = Math.ceil((endMs - startMs) / HOUR_MS);
  const weights = new Float64Array(slots);
  let total = 0;
  for (let i = 0; i < slots; i++) {
    const t = startMs + i * HOUR_MS;
    const local = t + offsetAt(t, timezone);
    const hour = Math.floor(local / HOUR_MS) % 24;
    const weekday = ((Math.floor(local / 86_400_000) + 3) % 7) + 1;
    const span = Math.min(HOUR_MS, endMs - t) / HOUR_MS;
    const w = (HOURLY_WEIGHT[hour] as number) * (WEEKDAY_WEIGHT[weekday] as number) * span;
    weights[i] = w;
    total += w;
  }
  // Rounding the cumulative share (not each slot's share) makes the counts sum to exactly `rows`.
  const counts = new Uint32Array(slots);
  let cumulative = 0;
  let assigned = 0;
  for (let i = 0; i < slots; i++) {
    cumulative += weights[i] as number;
    const upTo = i === slots - 1 ? rows : Math.round((rows * cumulative) / total);
    counts[i] = upTo - assigned;
    assigned = upTo;
  }
  return { startMs, endMs, counts };
}

/** Yields `rows` start instants in ascending order, each inside its hour slot, whole seconds. */
export function* iterateStartTimes(timeline: Timeline, rng: Random): Generator<number> {
  const { startMs, endMs, counts } = timeline;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i] as number;
    if (n === 0) continue;
    const slotStart = startMs + i * HOUR_MS;
    const slotSpan = Math.min(HOUR_MS, endMs - slotStart);
    const offsets = new Float64Array(n);
    for (let k = 0; k < n; k++) offsets[k] = Math.floor(rng.float() * slotSpan);
    offsets.sort();
    for (let k = 0; k < n; k++) yield slotStart + Math.floor((offsets[k] as number) / 1000) * 1000;
  }
}

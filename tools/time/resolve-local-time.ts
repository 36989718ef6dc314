import { offsetAt } from './offset-at.ts';

const DAY_MS = 86_400_000;

/** A wall-clock time resolved in a zone: its earlier instant, and how much later its other reading is (0 when it has one). */
export interface LocalTimeReading {
  epochMs: number;
  shift: number;
}

/**
 * Finds the instants at which `timezone` shows a wall-clock time. A time in the repeated autumn
 * hour has two: the earlier is returned with `shift` to the later. A time in a spring gap has
 * none and resolves forward (02:30 on a spring-forward night reads as 03:30), as zonedToEpoch
 * documents.
 */
export function resolveLocalTime(year: number, month: number, day: number, hour: number, minute: number, second: number, timezone: string): LocalTimeReading {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Transitions are months apart, so a day either side gives the offsets before and after any
  // change; each candidate is checked to really show the requested wall-clock time.
  const before = offsetAt(asUtc - DAY_MS, timezone);
  const after = offsetAt(asUtc + DAY_MS, timezone);
  const first = asUtc - before;
  const second_ = asUtc - after;
  const firstValid = offsetAt(first, timezone) === before;
  const secondValid = before !== after && offsetAt(second_, timezone) === after;
  if (firstValid && secondValid) {
    return first <= second_ ? { epochMs: first, shift: second_ - first } : { epochMs: second_, shift: first - second_ };
  }
  if (firstValid) return { epochMs: first, shift: 0 };
  if (secondValid) return { epochMs: second_, shift: 0 };
  // In a gap: the offset in force before the change carries the time forward past it.
  return { epochMs: first, shift: 0 };
}

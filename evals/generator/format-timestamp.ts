import { offsetAt } from '../../tools/time/index.ts';

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

// Date objects and toISOString cost ~1 µs per call; a row has up to three timestamps, so dates are
// formatted once per day (cached) and the time of day is assembled from a lookup table.
function createDayCache(separator: string): (dayNumber: number) => string {
  const cache = new Map<number, string>();
  return (dayNumber) => {
    let s = cache.get(dayNumber);
    if (s === undefined) {
      const d = new Date(dayNumber * DAY_MS);
      s = `${String(d.getUTCFullYear()).padStart(4, '0')}-${TWO_DIGITS[d.getUTCMonth() + 1]}-${TWO_DIGITS[d.getUTCDate()]}${separator}`;
      cache.set(dayNumber, s);
    }
    return s;
  };
}

function timeOfDay(msOfDay: number): string {
  const sec = Math.floor(msOfDay / 1000);
  return `${TWO_DIGITS[Math.floor(sec / 3600)]}:${TWO_DIGITS[Math.floor(sec / 60) % 60]}:${TWO_DIGITS[sec % 60]}`;
}

/** Creates a formatter writing instants as `YYYY-MM-DD HH:MM:SS` wall-clock time in `timezone`, as Asterisk and FreeSWITCH do. */
export function createLocalFormatter(timezone: string): (epochMs: number) => string {
  const day = createDayCache(' ');
  return (epochMs) => {
    const local = epochMs + offsetAt(epochMs, timezone);
    const dayNumber = Math.floor(local / DAY_MS);
    return day(dayNumber) + timeOfDay(local - dayNumber * DAY_MS);
  };
}

/** Creates a formatter writing instants as ISO 8601 UTC with seconds, e.g. `2025-03-01T09:15:00Z`. */
export function createUtcIsoFormatter(): (epochMs: number) => string {
  const day = createDayCache('T');
  return (epochMs) => {
    const dayNumber = Math.floor(epochMs / DAY_MS);
    return `${day(dayNumber)}${timeOfDay(epochMs - dayNumber * DAY_MS)}Z`;
  };
}

/** Creates a formatter writing instants as ISO 8601 local time with the zone's offset, e.g. `2025-06-01T10:15:00+01:00`. */
export function createOffsetIsoFormatter(timezone: string): (epochMs: number) => string {
  const day = createDayCache('T');
  const suffixes = new Map<number, string>();
  return (epochMs) => {
    const offset = offsetAt(epochMs, timezone);
    let suffix = suffixes.get(offset);
    if (suffix === undefined) {
      const minutes = Math.round(Math.abs(offset) / 60_000);
      suffix = `${offset < 0 ? '-' : '+'}${TWO_DIGITS[Math.floor(minutes / 60)] ?? String(Math.floor(minutes / 60))}:${TWO_DIGITS[minutes % 60]}`;
      suffixes.set(offset, suffix);
    }
    const local = epochMs + offset;
    const dayNumber = Math.floor(local / DAY_MS);
    return day(dayNumber) + timeOfDay(local - dayNumber * DAY_MS) + suffix;
  };
}

/** Rewrites the date of a formatted timestamp into one that cannot exist (Feb 30, Apr 31, hour 25), for malformed rows. */
export function makeImpossibleDate(timestamp: string, variant: number): string {
  const year = timestamp.slice(0, 4);
  const rest = timestamp.slice(10);
  switch (variant % 3) {
    case 0:
      return `${year}-02-30${rest}`;
    case 1:
      return `${year}-04-31${rest}`;
    default:
      return `${timestamp.slice(0, 11)}25${timestamp.slice(13)}`;
  }
}

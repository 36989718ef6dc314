import { BillingError } from '../errors.ts';

// UTC offsets change only at transitions, and every real transition falls on a 15-minute UTC
// boundary, so one Intl lookup per 15-minute bucket is exact and keeps per-CDR cost to a Map hit.
const BUCKET_MS = 15 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new BillingError('INVALID_CONFIG', `unknown time zone "${timezone}"`);
    }
    formatters.set(timezone, f);
  }
  return f;
}

/** True when `timezone` is an IANA zone this runtime knows. */
export function isValidTimezone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timezone` from UTC at instant `epochMs`, in milliseconds (local = utc + offset). */
export function offsetAt(epochMs: number, timezone: string): number {
  if (timezone === 'UTC' || timezone === 'Etc/UTC') return 0;
  let cache = offsetCache.get(timezone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timezone, cache);
  }
  const bucket = Math.floor(epochMs / BUCKET_MS);
  let off = cache.get(bucket);
  if (off === undefined) {
    const probe = bucket * BUCKET_MS;
    const parts = formatterFor(timezone).formatToParts(new Date(probe));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    off = asUtc - probe;
    cache.set(bucket, off);
  }
  return off;
}

const DAY_MS = 86_400_000;

/**
 * Converts a wall-clock time in `timezone` to epoch ms. An ambiguous autumn time (the repeated
 * hour) takes the first reading; a time inside a spring-forward gap is read with the offset in
 * force before the change, so it lands after the gap (01:30 on a London spring night is 02:30 BST).
 */
export function zonedToEpoch(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timezone: string,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (timezone === 'UTC' || timezone === 'Etc/UTC') return asUtc;
  // Transitions are months apart, so a day either side gives the offsets before and after any change.
  const before = offsetAt(asUtc - DAY_MS, timezone);
  const after = offsetAt(asUtc + DAY_MS, timezone);
  const tBefore = asUtc - before;
  const tAfter = asUtc - after;
  const beforeValid = offsetAt(tBefore, timezone) === before;
  const afterValid = offsetAt(tAfter, timezone) === after;
  if (beforeValid && afterValid) return Math.min(tBefore, tAfter);
  if (beforeValid) return tBefore;
  if (afterValid) return tAfter;
  return tBefore;
}

/** Wall-clock fields of an instant in `timezone`; weekday is ISO (1 = Monday … 7 = Sunday). */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  /** Milliseconds since local midnight. */
  msOfDay: number;
  /** Epoch ms of the local midnight that starts this day. */
  dayStart: number;
}

const dayCache = new Map<string, Map<number, Omit<LocalParts, 'msOfDay'>>>();

/** Local calendar fields of `epochMs` in `timezone` (cached per local day: rating asks this per call). */
export function localParts(epochMs: number, timezone: string): LocalParts {
  const off = offsetAt(epochMs, timezone);
  const localDay = Math.floor((epochMs + off) / DAY_MS);
  let days = dayCache.get(timezone);
  if (!days) {
    days = new Map();
    dayCache.set(timezone, days);
  }
  let info = days.get(localDay);
  if (!info) {
    const d = new Date(localDay * DAY_MS);
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    const jsDay = d.getUTCDay();
    info = { year, month, day, weekday: jsDay === 0 ? 7 : jsDay, dayStart: zonedToEpoch(year, month, day, 0, 0, 0, timezone) };
    if (days.size > 100_000) days.clear();
    days.set(localDay, info);
  }
  return { ...info, msOfDay: epochMs - info.dayStart };
}

/** A number naming the local day of `epochMs` (days since 1970-01-01 in local time): a cheap cache key. */
export function localDayNumber(epochMs: number, timezone: string): number {
  return Math.floor((epochMs + offsetAt(epochMs, timezone)) / DAY_MS);
}

/** Epoch ms of the next local midnight strictly after `epochMs`. */
export function nextLocalMidnight(epochMs: number, timezone: string): number {
  const p = localParts(epochMs, timezone);
  const guess = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  return zonedToEpoch(guess.getUTCFullYear(), guess.getUTCMonth() + 1, guess.getUTCDate(), 0, 0, 0, timezone);
}

/**
 * Parses an ISO 8601 instant. With `Z` or an offset it is absolute; without one it is read in
 * `timezone` (never in the machine's own zone, which would make results depend on the host).
 */
export function parseInstant(text: string, timezone = 'UTC'): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) throw new BillingError('INVALID_INPUT', `not an ISO 8601 date-time: "${text}"`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const nums = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const probe = new Date(Date.UTC(nums[0], nums[1] - 1, nums[2], nums[3], nums[4], nums[5]));
  if (probe.getUTCDate() !== nums[2] || probe.getUTCMonth() !== nums[1] - 1 || nums[3] > 23 || nums[4] > 59 || nums[5] > 59) {
    throw new BillingError('INVALID_INPUT', `not a real date-time: "${text}"`);
  }
  const ms = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
  if (!zone) return zonedToEpoch(...nums, timezone) + ms;
  if (zone === 'Z') return probe.getTime() + ms;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMs = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  return probe.getTime() - offsetMs + ms;
}

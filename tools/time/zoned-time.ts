import { BillingError } from '../errors.ts';
import { offsetAt } from './offset-at.ts';
import { resolveLocalTime } from './resolve-local-time.ts';

const DAY_MS = 86_400_000;

/**
 * Converts a wall-clock time in `timezone` to epoch ms. An ambiguous autumn time (the repeated
 * hour) takes the first reading; a time inside a spring-forward gap is read with the offset in
 * force before the change, so it lands after the gap (01:30 on a London spring night is 02:30 BST).
 */
export function zonedToEpoch(year: number, month: number, day: number, hour: number, minute: number, second: number, timezone: string): number {
  if (timezone === 'UTC' || timezone === 'Etc/UTC') return Date.UTC(year, month - 1, day, hour, minute, second);
  return resolveLocalTime(year, month, day, hour, minute, second, timezone).epochMs;
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

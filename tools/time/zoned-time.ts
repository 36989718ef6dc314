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

/**
 * Converts a wall-clock time in `timezone` to epoch ms. A time inside a DST gap resolves forward
 * (02:30 on a spring-forward night is read as 03:30); an ambiguous autumn time takes the first.
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
  const off1 = offsetAt(asUtc, timezone);
  const t1 = asUtc - off1;
  const off2 = offsetAt(t1, timezone);
  if (off1 === off2) return t1;
  const t2 = asUtc - off2;
  return offsetAt(t2, timezone) === off2 ? Math.min(t1, t2) : Math.max(t1, t2);
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

/** Local calendar fields of `epochMs` in `timezone`. */
export function localParts(epochMs: number, timezone: string): LocalParts {
  const off = offsetAt(epochMs, timezone);
  const local = epochMs + off;
  const d = new Date(local);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const dayStart = zonedToEpoch(year, month, day, 0, 0, 0, timezone);
  const jsDay = d.getUTCDay();
  return { year, month, day, weekday: jsDay === 0 ? 7 : jsDay, msOfDay: epochMs - dayStart, dayStart };
}

/** Epoch ms of the next local midnight strictly after `epochMs`. */
export function nextLocalMidnight(epochMs: number, timezone: string): number {
  const p = localParts(epochMs, timezone);
  const guess = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  return zonedToEpoch(guess.getUTCFullYear(), guess.getUTCMonth() + 1, guess.getUTCDate(), 0, 0, 0, timezone);
}

import { BillingError } from '../errors.ts';

// UTC offsets change only at transitions, and no zone has two transitions within 15 minutes, so
// the offset is looked up in Intl once per 15-minute bucket and kept: a per-CDR cost of a Map hit.
// Transitions need not fall on a bucket boundary (America/St_Johns changed at 00:01 local, i.e.
// hh:31 UTC; Africa/Monrovia in 1972 at 00:44:30 UTC), so a bucket whose two ends disagree holds
// the exact instant of its transition, found once by bisection to the second (tzdata's resolution).
const BUCKET_MS = 15 * 60 * 1000;
const SECOND_MS = 1000;

/** A bucket with a transition in it: `before` applies up to `at` (exclusive), `after` from it. */
interface SplitBucket {
  at: number;
  before: number;
  after: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number | SplitBucket>>();

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

// en-US with these options formats as "3/11/2007, 03:31:00"; anything else (years before 1000,
// eras) goes through formatToParts.
const EN_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

/** Intl's offset at the whole second `second` (epoch ms, a multiple of 1000). */
function intlOffset(second: number, timezone: string): number {
  const f = formatterFor(timezone);
  const m = EN_US.exec(f.format(second));
  let asUtc: number;
  if (m) {
    asUtc = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]));
  } else {
    const parts = f.formatToParts(second);
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  }
  return asUtc - second;
}

/** The offset over one bucket: a number when constant, the transition when it changes inside. */
function resolveBucket(bucket: number, timezone: string): number | SplitBucket {
  const start = bucket * BUCKET_MS;
  const last = start + BUCKET_MS - SECOND_MS;
  const before = intlOffset(start, timezone);
  const after = intlOffset(last, timezone);
  if (before === after) return before;
  // Invariant: offset at lo is `before`, at hi it is not.
  let lo = start;
  let hi = last;
  while (hi - lo > SECOND_MS) {
    const mid = lo + Math.floor((hi - lo) / (2 * SECOND_MS)) * SECOND_MS;
    if (intlOffset(mid, timezone) === before) lo = mid;
    else hi = mid;
  }
  return { at: hi, before, after: intlOffset(hi, timezone) };
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
    off = resolveBucket(bucket, timezone);
    cache.set(bucket, off);
  }
  if (typeof off === 'number') return off;
  return epochMs < off.at ? off.before : off.after;
}

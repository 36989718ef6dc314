import { describe, expect, it } from 'vitest';
import { offsetAt } from './offset-at.ts';

// The reference is Intl itself, read another way than offset-at reads it (the "GMT+05:30" name
// rather than the wall-clock fields), so the two do not share a parsing mistake.
const referenceFormatters = new Map<string, Intl.DateTimeFormat>();
function referenceOffset(epochMs: number, timezone: string): number {
  let f = referenceFormatters.get(timezone);
  if (!f) {
    // Only the hour besides the name: format() on few fields is the cheapest Intl call there is.
    f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset', hour: 'numeric' });
    referenceFormatters.set(timezone, f);
  }
  const formatted = f.format(epochMs); // "12 AM GMT+05:30"
  const name = formatted.slice(formatted.lastIndexOf(' ') + 1);
  if (name === 'GMT') return 0;
  const m = /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(name);
  if (!m) throw new Error(`unexpected offset name "${name}" for ${timezone}`);
  const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === '-' ? -ms : ms;
}

/** The first whole second in (lo, hi] whose offset is not `before`, the offset at lo. */
function bisectTransition(lo: number, hi: number, before: number, timezone: string): number {
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (referenceOffset(mid, timezone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

const DAY_MS = 86_400_000;
// The closest two transitions of one zone in the range are 7 days apart (America/Recife,
// America/Noronha, America/Boa_Vista in October 2000, found by a one-off daily scan), so sampling
// every 6 days and bisecting each change finds every transition.
const STEP_MS = 6 * DAY_MS;
const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2038, 0, 1);

interface Transition {
  at: number;
  before: number;
  after: number;
}

function transitionsOf(zone: string): Transition[] {
  const out: Transition[] = [];
  let prev = FROM;
  let prevOff = referenceOffset(prev, zone);
  for (let t = FROM + STEP_MS; t <= TO; t += STEP_MS) {
    const off = referenceOffset(t, zone);
    if (off !== prevOff) {
      const at = bisectTransition(prev, t, prevOff, zone);
      out.push({ at, before: prevOff, after: at === t ? off : referenceOffset(at, zone) });
    }
    prev = t;
    prevOff = off;
  }
  return out;
}

describe('offsetAt', () => {
  it('gives the new offset from the first minute of a change at 00:01 local (America/St_Johns, 2007-03-11)', () => {
    // 00:01 NST (-03:30) is 03:31 UTC; from then on the offset is NDT (-02:30).
    const change = Date.UTC(2007, 2, 11, 3, 31);
    expect(offsetAt(change - 1, 'America/St_Johns')).toBe(-3.5 * 3_600_000);
    expect(offsetAt(change, 'America/St_Johns')).toBe(-2.5 * 3_600_000);
    expect(offsetAt(change + 13 * 60_000, 'America/St_Johns')).toBe(-2.5 * 3_600_000);
  });

  it('follows a change at a whole second that is not a whole minute (Africa/Monrovia, 1972)', () => {
    const change = transitionsOf('Africa/Monrovia')[0]!;
    expect(change.at % 60_000).not.toBe(0);
    expect(offsetAt(change.at - 1, 'Africa/Monrovia')).toBe(change.before);
    expect(offsetAt(change.at, 'Africa/Monrovia')).toBe(change.after);
  });

  it('matches Intl just before and at every transition of every zone, and between them, 1970-2037', () => {
    const mismatches: string[] = [];
    const check = (zone: string, t: number, want: number): void => {
      const got = offsetAt(t, zone);
      if (got !== want) mismatches.push(`${zone} ${new Date(t).toISOString()}: want ${want}, got ${got}`);
    };
    let transitions = 0;
    let offBoundary = 0;
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      let from = FROM;
      for (const tr of transitionsOf(zone)) {
        transitions++;
        if (tr.at % (15 * 60_000) !== 0) offBoundary++;
        check(zone, Math.floor((from + tr.at) / 2), tr.before);
        check(zone, tr.at - 1, tr.before);
        check(zone, tr.at, tr.after);
        from = tr.at;
      }
      check(zone, Math.floor((from + TO) / 2), referenceOffset(Math.floor((from + TO) / 2), zone));
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    // The walk really found transitions, including the ones off a 15-minute boundary this guards.
    expect(transitions).toBeGreaterThan(10_000);
    expect(offBoundary).toBeGreaterThan(0);
  });
});

import { quarantine, showValue, type QuarantineOutcome } from './create-outcome.ts';
import { checkPlausibilityWindow } from './check-parser-options.ts';
import type { UsageRecord } from './usage-record.types.ts';

/** The operator's limits on what a believable record looks like (docs/cdr-formats.md, "Plausibility"). */
export interface PlausibilityLimits {
  /** A record starting more than this many days before ingest is TIME_TOO_OLD. */
  maxRecordAgeDays: number;
  /** A time more than this many seconds after ingest is TIME_IN_FUTURE (switch clocks drift a little). */
  maxFutureSkewSeconds: number;
  /** How far billsec and duration may be from the record's own stamps (switches round to seconds). */
  durationToleranceSeconds: number;
  /** The longest believable call; a longer voice record is DURATION_TOO_LONG. */
  maxCallSeconds: number;
}

/** Ten years back, a quarter of an hour ahead, five seconds of rounding, calls of up to a day. */
export const DEFAULT_PLAUSIBILITY_LIMITS: Readonly<PlausibilityLimits> = Object.freeze({
  maxRecordAgeDays: 3650,
  maxFutureSkewSeconds: 900,
  durationToleranceSeconds: 5,
  maxCallSeconds: 86_400,
});

/** The limits with the instant of ingest they are measured from (epoch ms, the caller's clock). */
export interface PlausibilityWindow extends PlausibilityLimits {
  nowMs: number;
}

/** Builds a validated window from the caller's clock and the operator's limits (defaults for the rest); INVALID_CONFIG when a limit is unusable. */
export function plausibilityWindow(nowMs: number, limits: Partial<PlausibilityLimits> = {}): PlausibilityWindow {
  const window: PlausibilityWindow = { nowMs, ...DEFAULT_PLAUSIBILITY_LIMITS };
  for (const key of Object.keys(DEFAULT_PLAUSIBILITY_LIMITS) as Array<keyof PlausibilityLimits>) {
    const value = limits[key];
    if (value !== undefined) window[key] = value;
  }
  checkPlausibilityWindow(window);
  return window;
}

/** Says why a parsed record cannot be believed, or null; may normalise `record.subscriber` in place. */
export type PlausibilityCheck = (record: UsageRecord) => QuarantineOutcome | null;

const DAY_MS = 86_400_000;
const MAX_SUBSCRIBER_DIGITS = 15;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const FORMAT_CHARACTER = /^\p{Cf}$/u;

/**
 * Creates the check every parsed record of every format passes before it is classified or rated:
 * times inside the window, voice durations agreeing with the record's own stamps and not longer
 * than the longest call, and a billed party that is a number (Unicode digits read as ASCII, format
 * characters dropped). The window is validated once here, not per record.
 */
export function createPlausibilityCheck(window: PlausibilityWindow): PlausibilityCheck {
  checkPlausibilityWindow(window);
  const oldestMs = window.nowMs - window.maxRecordAgeDays * DAY_MS;
  const latestMs = window.nowMs + window.maxFutureSkewSeconds * 1000;
  const toleranceMs = window.durationToleranceSeconds * 1000;
  const maxCallMs = window.maxCallSeconds * 1000;

  return (record) => {
    const { startTime, answerTime, endTime } = record;
    if (startTime < oldestMs) {
      return quarantine('TIME_TOO_OLD', `start ${iso(startTime)} is more than ${window.maxRecordAgeDays} days before ingest (${iso(window.nowMs)})`);
    }
    let last = startTime;
    let lastName = 'start';
    if (answerTime !== null && answerTime > last) (last = answerTime), (lastName = 'answer');
    if (endTime !== null && endTime > last) (last = endTime), (lastName = 'end');
    if (last > latestMs) {
      return quarantine('TIME_IN_FUTURE', `${lastName} ${iso(last)} is more than ${window.maxFutureSkewSeconds} s after ingest (${iso(window.nowMs)})`);
    }
    if (record.service === 'voice') {
      if (endTime !== null && Math.abs(endTime - startTime - record.duration) > toleranceMs) {
        return quarantine('DURATION_MISMATCH', `duration ${seconds(record.duration)} s disagrees with start to end ${seconds(endTime - startTime)} s (tolerance ${window.durationToleranceSeconds} s)`);
      }
      if (answerTime !== null && endTime !== null && Math.abs(endTime - answerTime - record.usage) > toleranceMs) {
        return quarantine(
          'DURATION_MISMATCH',
          `billable time ${seconds(record.usage)} s disagrees with answer to end ${seconds(endTime - answerTime)} s (tolerance ${window.durationToleranceSeconds} s)`,
        );
      }
      if (record.duration > maxCallMs || record.usage > maxCallMs) {
        return quarantine('DURATION_TOO_LONG', `a call of ${seconds(Math.max(record.duration, record.usage))} s is longer than the longest plausible call (${window.maxCallSeconds} s)`);
      }
    }
    const subscriber = normalizeSubscriber(record.subscriber);
    if (subscriber === null) {
      return quarantine('INVALID_SUBSCRIBER', `subscriber ${showValue(record.subscriber)} is not a number (digits, optionally after +, at most ${MAX_SUBSCRIBER_DIGITS})`);
    }
    record.subscriber = subscriber;
    return null;
  };
}

/**
 * The billed party as ASCII digits (with its leading + if written), or null when it is not a
 * number. Plain ASCII numbers, nearly every record, are returned as they are without allocating.
 */
export function normalizeSubscriber(raw: string): string | null {
  const len = raw.length;
  const from = raw.charCodeAt(0) === 0x2b ? 1 : 0;
  let i = from;
  while (i < len) {
    const c = raw.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    i++;
  }
  if (i === len) return len - from >= 1 && len - from <= MAX_SUBSCRIBER_DIGITS ? raw : null;
  return normalizeUnusual(raw);
}

// Other scripts' decimal digits and invisible format characters (zero-width space, bidi marks),
// which copy-paste and some exports leave in; letters, symbols, spaces and punctuation are refused.
function normalizeUnusual(raw: string): string | null {
  let out = '';
  let digits = 0;
  for (const ch of raw) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x30 && c <= 0x39) {
      out += ch;
      digits++;
    } else if (c === 0x2b && out === '') {
      out = '+';
    } else if (FORMAT_CHARACTER.test(ch)) {
      continue;
    } else if (c > 0x7f && DECIMAL_DIGIT.test(ch)) {
      out += String.fromCharCode(0x30 + digitValue(c));
      digits++;
    } else {
      return null;
    }
    if (digits > MAX_SUBSCRIBER_DIGITS) return null;
  }
  return digits === 0 ? null : out;
}

// Unicode encodes every decimal digit in runs of ten from 0 to 9, and adjacent runs (the
// mathematical digits) are whole runs, so the distance from the start of the block, mod 10, is the value.
function digitValue(codePoint: number): number {
  let first = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(first - 1))) first--;
  return (codePoint - first) % 10;
}

function iso(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
}

function seconds(ms: number): string {
  return String(ms / 1000);
}

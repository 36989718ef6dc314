import { offsetAt } from '../time/index.ts';
import { quarantine, showValue, type QuarantineOutcome } from './create-outcome.ts';
import type { SwitchTimestampParser } from './parse-switch-timestamp.ts';
import { NUMBER_EMPTY, NUMBER_INVALID, NUMBER_NEGATIVE, parseWholeNumber } from './parse-whole-number.ts';

/** The times of one switch call, validated and in epoch ms. */
export interface CallTimes {
  startTime: number;
  answerTime: number | null;
  endTime: number;
  durationMs: number;
  usageMs: number;
}

/** What each switch calls its time columns, for quarantine messages. */
export interface CallFieldNames {
  start: string;
  answer: string;
  end: string;
  duration: string;
  billsec: string;
}

// Switches print truncated seconds and compute duration from sub-second clocks, so a
// consistent record can be a second or so off; only a bigger gap suggests a DST misreading.
const TOLERANCE_MS = 2000;
const PROBE_MS = 3 * 60 * 60 * 1000;

/**
 * Validates a switch call's local start/answer/end stamps (read by `parseStamp`, in `timezone`)
 * and duration/billsec seconds and converts them to epoch ms, or says why the record must be
 * quarantined. Only billsec is billable.
 */
export function parseCallTimes(
  start: string,
  answer: string,
  end: string,
  duration: string,
  billsec: string,
  parseStamp: SwitchTimestampParser,
  timezone: string,
  names: CallFieldNames,
): CallTimes | QuarantineOutcome {
  if (start === '') return quarantine('MISSING_FIELD', `${names.start} is empty`);
  if (end === '') return quarantine('MISSING_FIELD', `${names.end} is empty`);
  let startTime = parseStamp(start);
  if (startTime !== startTime) return badDate(names.start, start);
  let endTime = parseStamp(end);
  if (endTime !== endTime) return badDate(names.end, end);
  let answerTime: number | null = null;
  if (answer !== '') {
    answerTime = parseStamp(answer);
    if (answerTime !== answerTime) return badDate(names.answer, answer);
  }

  const durationS = parseWholeNumber(duration);
  if (durationS < 0) return badNumber(durationS, names.duration, duration);
  const billS = parseWholeNumber(billsec);
  if (billS < 0) return badNumber(billS, names.billsec, billsec);
  const durationMs = durationS * 1000;
  const usageMs = billS * 1000;
  if (durationMs > Number.MAX_SAFE_INTEGER) return badNumber(NUMBER_INVALID, names.duration, duration);
  if (billS > durationS) {
    return quarantine('INCONSISTENT_TIMES', `${names.billsec} ${billS} is greater than ${names.duration} ${durationS}`);
  }
  if (answerTime === null && billS > 0) {
    return quarantine('INCONSISTENT_TIMES', `${names.billsec} ${billS} but ${names.answer} is empty`);
  }

  let best = spanCost(startTime, answerTime, endTime, durationMs, usageMs);
  if (best > TOLERANCE_MS) {
    // A call crossing the autumn DST change has wall-clock stamps that read two ways; the
    // switch's own duration and billsec say which reading is the real one.
    const s2 = otherReading(startTime, timezone);
    const a2 = answerTime === null ? null : otherReading(answerTime, timezone);
    const e2 = otherReading(endTime, timezone);
    const s0 = startTime;
    const a0 = answerTime;
    const e0 = endTime;
    for (let mask = 1; mask < 8; mask++) {
      const s = mask & 1 ? s2 : s0;
      const a = mask & 2 ? a2 : a0;
      const e = mask & 4 ? e2 : e0;
      const cost = spanCost(s, a, e, durationMs, usageMs);
      if (cost < best) {
        best = cost;
        startTime = s;
        answerTime = a;
        endTime = e;
      }
    }
  }

  if (answerTime !== null && answerTime < startTime) {
    return quarantine('INCONSISTENT_TIMES', `${names.answer} ${answer} is before ${names.start} ${start}`);
  }
  if (endTime < startTime) return quarantine('INCONSISTENT_TIMES', `${names.end} ${end} is before ${names.start} ${start}`);
  if (answerTime !== null && endTime < answerTime) {
    return quarantine('INCONSISTENT_TIMES', `${names.end} ${end} is before ${names.answer} ${answer}`);
  }
  return { startTime, answerTime, endTime, durationMs, usageMs };
}

/** How far the stamps are from the switch's duration and billsec; out-of-order stamps cost infinitely. */
function spanCost(start: number, answer: number | null, end: number, durationMs: number, usageMs: number): number {
  if (end < start || (answer !== null && (answer < start || end < answer))) return Infinity;
  const talk = answer === null ? 0 : Math.abs(end - answer - usageMs);
  return Math.abs(end - start - durationMs) + talk;
}

/** The other instant showing the same wall-clock time in `timezone` (the repeated autumn hour), or `t` itself. */
function otherReading(t: number, timezone: string): number {
  const off = offsetAt(t, timezone);
  for (const probe of [t - PROBE_MS, t + PROBE_MS]) {
    const other = offsetAt(probe, timezone);
    if (other === off) continue;
    const alt = t + off - other;
    if (offsetAt(alt, timezone) === other) return alt;
  }
  return t;
}

function badDate(name: string, value: string): QuarantineOutcome {
  return quarantine('INVALID_DATE', `${name} ${showValue(value)} is not an existing YYYY-MM-DD HH:MM:SS time`);
}

function badNumber(code: number, name: string, value: string): QuarantineOutcome {
  if (code === NUMBER_EMPTY) return quarantine('MISSING_FIELD', `${name} is empty`);
  if (code === NUMBER_NEGATIVE) return quarantine('NEGATIVE_DURATION', `${name} ${showValue(value)} is negative`);
  return quarantine('INVALID_NUMBER', `${name} ${showValue(value)} is not a whole number of seconds`);
}

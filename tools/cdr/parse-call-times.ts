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

// Switches print truncated seconds but compute duration from sub-second clocks, so a reading
// of the stamps this close to duration and billsec counts as consistent.
const TOLERANCE_MS = 2000;
// A hint further than this from both readings is about something else (a reset CDR start).
const HINT_RANGE_MS = 2 * 60 * 60 * 1000;

/**
 * Validates a switch call's local start/answer/end stamps (read by `stamps`, in its zone) and
 * duration/billsec seconds and converts them to epoch ms, or says why the record must be
 * quarantined. Only billsec is billable. `startHintMs`, when known (Asterisk's uniqueid holds the
 * channel's creation time), settles a start that falls in the repeated autumn hour.
 */
export function parseCallTimes(
  start: string,
  answer: string,
  end: string,
  duration: string,
  billsec: string,
  stamps: SwitchTimestampParser,
  names: CallFieldNames,
  startHintMs = NaN,
): CallTimes | QuarantineOutcome {
  if (start === '') return quarantine('MISSING_FIELD', `${names.start} is empty`);
  if (end === '') return quarantine('MISSING_FIELD', `${names.end} is empty`);
  let startTime = stamps.parse(start);
  if (startTime !== startTime) return badDate(names.start, start);
  const startShift = stamps.lastShift;
  let endTime = stamps.parse(end);
  if (endTime !== endTime) return badDate(names.end, end);
  const endShift = stamps.lastShift;
  let answerTime: number | null = null;
  let answerShift = 0;
  if (answer !== '') {
    answerTime = stamps.parse(answer);
    if (answerTime !== answerTime) return badDate(names.answer, answer);
    answerShift = stamps.lastShift;
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

  if (startShift + answerShift + endShift > 0) {
    // A call touching the repeated autumn hour has stamps that read two ways. The switch's own
    // duration and billsec pick the consistent reading; when several are consistent (the whole
    // call inside that hour), the start closest to `startHintMs` wins, else the earliest.
    const s0 = startTime;
    const a0 = answerTime;
    const e0 = endTime;
    const hint = Math.abs(startHintMs - s0) <= HINT_RANGE_MS ? startHintMs : NaN;
    let bestCost = Infinity;
    let bestDistance = Infinity;
    for (let mask = 0; mask < 8; mask++) {
      if ((mask & 1 && startShift === 0) || (mask & 2 && (answerShift === 0 || a0 === null)) || (mask & 4 && endShift === 0)) continue;
      const s = mask & 1 ? s0 + startShift : s0;
      const a = a0 !== null && mask & 2 ? a0 + answerShift : a0;
      const e = mask & 4 ? e0 + endShift : e0;
      const raw = spanCost(s, a, e, durationMs, usageMs);
      const cost = raw <= TOLERANCE_MS ? 0 : raw;
      const distance = hint === hint ? Math.abs(hint - s) : 0;
      if (cost < bestCost || (cost === bestCost && distance < bestDistance)) {
        bestCost = cost;
        bestDistance = distance;
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

function badDate(name: string, value: string): QuarantineOutcome {
  return quarantine('INVALID_DATE', `${name} ${showValue(value)} is not an existing YYYY-MM-DD HH:MM:SS time`);
}

function badNumber(code: number, name: string, value: string): QuarantineOutcome {
  if (code === NUMBER_EMPTY) return quarantine('MISSING_FIELD', `${name} is empty`);
  if (code === NUMBER_NEGATIVE) return quarantine('NEGATIVE_DURATION', `${name} ${showValue(value)} is negative`);
  return quarantine('INVALID_NUMBER', `${name} ${showValue(value)} is not a whole number of seconds`);
}

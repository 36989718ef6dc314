import { resolveLocalTime } from '../time/index.ts';

const ZERO = 0x30;
const MEMO_SLOTS = 512;

/** Days in a month of the proleptic Gregorian calendar (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads `count` ASCII digits at `at`, or -1 if any is not a digit (char-code arithmetic, no regex, no allocation). */
export function readDigits(text: string, at: number, count: number): number {
  let n = 0;
  for (let k = at; k < at + count; k++) {
    const d = text.charCodeAt(k) - ZERO;
    // Written so that NaN (reading past the end) also fails.
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Reads a switch's local `YYYY-MM-DD HH:MM:SS` stamps in one time zone. `parse` returns epoch ms
 * or NaN when the text is malformed or names a date or time that does not exist (2024-02-30,
 * 25:00). A DST-gap time resolves forward; a time in the repeated autumn hour reads as its
 * earlier instant, and `lastShift` then says how much later the other reading is (0 otherwise),
 * so callers holding more evidence (a duration, an epoch id) can choose.
 */
export class SwitchTimestampParser {
  /** After `parse`: ms from the returned instant to the other reading of the same wall-clock time, 0 if it has none. */
  lastShift = 0;
  // Three stamps per CDR, mostly in the same few minutes: a direct-mapped memo of minute starts
  // skips the zone lookups. Offsets are whole minutes and change only on minute boundaries, so
  // minute start + seconds is exact.
  private readonly keys = new Float64Array(MEMO_SLOTS).fill(-1);
  private readonly minuteStarts = new Float64Array(MEMO_SLOTS);
  private readonly shifts = new Float64Array(MEMO_SLOTS);

  constructor(readonly timezone: string) {}

  parse(text: string): number {
    this.lastShift = 0;
    if (text.length !== 19 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(10) !== 0x20 || text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) {
      return NaN;
    }
    const year = readDigits(text, 0, 4);
    const month = readDigits(text, 5, 2);
    const day = readDigits(text, 8, 2);
    const hour = readDigits(text, 11, 2);
    const minute = readDigits(text, 14, 2);
    const second = readDigits(text, 17, 2);
    // readDigits returns -1 on a non-digit, which every lower bound rejects. Date.UTC maps years
    // 0..99 to 1900..1999, so only four-digit years from 1000 are read.
    if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return NaN;
    if (minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
    if (day > daysInMonth(year, month)) return NaN;
    const key = (((year * 13 + month) * 32 + day) * 24 + hour) * 60 + minute;
    const slot = key % MEMO_SLOTS;
    if (this.keys[slot] !== key) this.remember(slot, key, year, month, day, hour, minute);
    this.lastShift = this.shifts[slot]!;
    return this.minuteStarts[slot]! + second * 1000;
  }

  private remember(slot: number, key: number, year: number, month: number, day: number, hour: number, minute: number): void {
    const reading = resolveLocalTime(year, month, day, hour, minute, 0, this.timezone);
    this.keys[slot] = key;
    this.minuteStarts[slot] = reading.epochMs;
    this.shifts[slot] = reading.shift;
  }
}

/** Creates a stamp reader for one zone; each parser holds its own, so its memo stays hot. */
export function createSwitchTimestampParser(timezone: string): SwitchTimestampParser {
  return new SwitchTimestampParser(timezone);
}

const shared = new Map<string, SwitchTimestampParser>();

/** Converts one local `YYYY-MM-DD HH:MM:SS` in `timezone` to epoch ms (NaN when invalid); the earlier instant in a repeated hour. */
export function parseSwitchTimestamp(text: string, timezone: string): number {
  let parser = shared.get(timezone);
  if (parser === undefined) {
    parser = new SwitchTimestampParser(timezone);
    shared.set(timezone, parser);
  }
  return parser.parse(text);
}

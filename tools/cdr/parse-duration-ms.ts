import { NUMBER_EMPTY, NUMBER_INVALID, NUMBER_NEGATIVE } from './parse-whole-number.ts';

const DOT = 0x2e;
const MS_PER_SECOND = 1000;
const MAX_WHOLE_DIGITS = 15;
// A non-zero tenth-or-later fractional digit can never make a whole ms with h, m, s or ms units.
const MAX_FRACTION_DIGITS = 9;

/**
 * Parses a duration to whole milliseconds: integer seconds ("130"), decimal seconds with up to
 * three places ("12.5"), or a Go duration built from h, m, s and ms terms ("2m10s", "1h", "1.5s",
 * "1500ms"). Returns the ms or a NUMBER_* sentinel. Digits are combined as integers, never via
 * floats, so "0.1" is exactly 100; a value that is not a whole number of ms ("0.5ms") is invalid.
 */
export function parseDurationMs(text: string): number {
  if (text.length === 0) return NUMBER_EMPTY;
  const negative = text.charCodeAt(0) === 0x2d;
  const ms = parseUnsigned(text, negative ? 1 : 0);
  if (ms < 0) return NUMBER_INVALID;
  return negative ? NUMBER_NEGATIVE : ms;
}

function parseUnsigned(text: string, from: number): number {
  const len = text.length;
  if (from >= len) return NUMBER_INVALID;
  let i = from;
  let total = 0;
  let first = true;
  while (i < len) {
    let whole = 0;
    let wholeDigits = 0;
    for (let d = digitAt(text, i); d >= 0; d = digitAt(text, ++i)) {
      whole = whole * 10 + d;
      wholeDigits++;
    }
    let frac = 0;
    let fracDigits = 0;
    let fracWritten = 0;
    const hasDot = text.charCodeAt(i) === DOT;
    if (hasDot) {
      for (let d = digitAt(text, ++i); d >= 0; d = digitAt(text, ++i)) {
        fracWritten++;
        if (fracDigits < MAX_FRACTION_DIGITS) {
          frac = frac * 10 + d;
          fracDigits++;
        } else if (d !== 0) {
          return NUMBER_INVALID;
        }
      }
    }
    if ((wholeDigits === 0 && fracWritten === 0) || wholeDigits > MAX_WHOLE_DIGITS) return NUMBER_INVALID;

    let unit: number;
    if (first && i === len) {
      // The bare forms are seconds: an integer, or a decimal with one to three places.
      if (wholeDigits === 0 || (hasDot && (fracWritten === 0 || fracWritten > 3))) return NUMBER_INVALID;
      unit = MS_PER_SECOND;
    } else {
      const c = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      if (c === 0x68)
        unit = 3_600_000; // h
      else if (c === 0x6d && next === 0x73)
        unit = 1; // ms
      else if (c === 0x6d)
        unit = 60_000; // m
      else if (c === 0x73)
        unit = MS_PER_SECOND; // s
      else return NUMBER_INVALID;
      i += unit === 1 ? 2 : 1;
    }
    first = false;

    const scale = 10 ** fracDigits;
    const fracMs = frac * unit;
    if (fracMs % scale !== 0) return NUMBER_INVALID;
    total += whole * unit + fracMs / scale;
    if (!Number.isSafeInteger(total)) return NUMBER_INVALID;
  }
  return total;
}

function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 0x30;
  return d >= 0 && d <= 9 ? d : -1;
}

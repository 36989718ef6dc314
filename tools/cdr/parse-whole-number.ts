// Sentinels instead of result objects: this runs twice per CDR on the hot path, and every
// valid value is non-negative, so negative codes cannot be mistaken for a number.
/** The field is empty. */
export const NUMBER_EMPTY = -1;
/** The field is not a whole decimal number (sign other than a leading minus, fraction, space, letters, too many digits). */
export const NUMBER_INVALID = -2;
/** The field is a well-formed negative number. */
export const NUMBER_NEGATIVE = -3;

// 15 digits always fit in a double exactly (< 2^53).
const MAX_DIGITS = 15;

/**
 * Parses a bare non-negative decimal integer ("0", "125", "007"), returning it or one of the
 * NUMBER_* sentinels; a leading minus on an otherwise valid number is NUMBER_NEGATIVE.
 */
export function parseWholeNumber(text: string): number {
  const len = text.length;
  if (len === 0) return NUMBER_EMPTY;
  let i = 0;
  const negative = text.charCodeAt(0) === 0x2d;
  if (negative) i = 1;
  if (len - i === 0 || len - i > MAX_DIGITS) return NUMBER_INVALID;
  let n = 0;
  for (; i < len; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return NUMBER_INVALID;
    n = n * 10 + d;
  }
  return negative ? NUMBER_NEGATIVE : n;
}

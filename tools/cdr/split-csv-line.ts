const QUOTE = 0x22;
const COMMA = 0x2c;

/** Why a physical line is not valid RFC-4180 CSV. */
export type CsvSplitError = 'UNTERMINATED_QUOTE' | 'MALFORMED_CSV';

/** A line that could not be split: the error kind, the 1-based field it happened in, and the 0-based char offset. */
export interface CsvSplitFailure {
  readonly error: CsvSplitError;
  readonly field: number;
  readonly offset: number;
}

/** True when `splitCsvLine` failed (the success case is a plain array, so callers can also use `Array.isArray`). */
export function isCsvSplitFailure(result: string[] | CsvSplitFailure): result is CsvSplitFailure {
  return !Array.isArray(result);
}

/**
 * Splits one physical CSV line into fields with RFC-4180 quoting (`""` inside quotes is one quote).
 * A line never holds a record separator here, so a quoted field left open at the end of the line
 * is UNTERMINATED_QUOTE rather than a continuation: CDR files are one record per line.
 */
export function splitCsvLine(line: string): string[] | CsvSplitFailure {
  const fields: string[] = [];
  const len = line.length;
  let i = 0;
  for (;;) {
    if (i < len && line.charCodeAt(i) === QUOTE) {
      // indexOf runs natively, so a quoted field costs one scan per embedded quote, not per char.
      let from = i + 1;
      let value = '';
      for (;;) {
        const q = line.indexOf('"', from);
        if (q === -1) return { error: 'UNTERMINATED_QUOTE', field: fields.length + 1, offset: i };
        if (line.charCodeAt(q + 1) === QUOTE) {
          value += line.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += line.slice(from, q);
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === len) return fields;
      if (line.charCodeAt(i) !== COMMA) return { error: 'MALFORMED_CSV', field: fields.length, offset: i };
      i++;
    } else {
      let j = i;
      while (j < len) {
        const c = line.charCodeAt(j);
        if (c === COMMA) break;
        if (c === QUOTE) return { error: 'MALFORMED_CSV', field: fields.length + 1, offset: j };
        j++;
      }
      fields.push(line.slice(i, j));
      if (j === len) return fields;
      i = j + 1;
    }
  }
}

/** Quotes a field for a CSV line when RFC-4180 requires it (it holds a comma, a quote, CR or LF). */
export function quoteCsvField(value: string): string {
  if (/[",\r\n]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

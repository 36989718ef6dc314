import { checkTimezone } from './check-parser-options.ts';
import { quarantine, quarantineCsvFailure, showValue, SKIP } from './create-outcome.ts';
import { GENERIC_FIELDS, normalizeGenericFields } from './normalize-generic-fields.ts';
import { isBlankLine } from './read-lines.ts';
import { splitCsvLine } from './split-csv-line.ts';
import type { CdrParser, ParseOutcome, ParserOptions } from './usage-record.types.ts';

const KNOWN = new Set<string>(GENERIC_FIELDS);

/** The learned header: the key each column is stored under ('' drops the column). */
type Header = { keys: string[] } | { error: string };

/** Reads a header line: known field names match case-insensitively, other names are kept as written (trimmed). */
function readHeader(line: string, lineNo: number): { header: Header; outcome: ParseOutcome } {
  const cells = splitCsvLine(line);
  if (!Array.isArray(cells)) {
    const outcome = quarantineCsvFailure(cells);
    return { header: { error: `the header on line ${lineNo} is not valid CSV` }, outcome };
  }
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    const trimmed = cell.trim();
    const lower = trimmed.toLowerCase();
    const key = KNOWN.has(lower) ? lower : trimmed;
    // Spreadsheets add unnamed trailing columns; they carry nothing to keep.
    if (key !== '' && seen.has(key)) {
      const message = `header column ${showValue(trimmed)} appears twice`;
      return { header: { error: `the header on line ${lineNo} is unusable: ${message}` }, outcome: quarantine('INVALID_VALUE', message) };
    }
    seen.add(key);
    keys.push(key);
  }
  return { header: { keys }, outcome: SKIP };
}

/**
 * Creates a parser for the generic CSV format. It is stateful: the first non-blank, non-comment
 * line is the header. A header that cannot be read is quarantined, and so is every data line
 * after it, rather than guessing what the columns mean.
 */
export function createGenericCsvParser(options: ParserOptions): CdrParser {
  checkTimezone(options.timezone);
  const timezone = options.timezone;
  let header: Header | null = null;
  return {
    format: 'csv',
    parseLine(line: string, lineNo: number): ParseOutcome {
      if (isBlankLine(line) || line.charCodeAt(0) === 0x23) return SKIP;
      if (header === null) {
        const read = readHeader(line, lineNo);
        header = read.header;
        return read.outcome;
      }
      if ('error' in header) return quarantine('MISSING_FIELD', `no usable header: ${header.error}`);
      const cells = splitCsvLine(line);
      if (!Array.isArray(cells)) return quarantineCsvFailure(cells);
      const keys = header.keys;
      if (cells.length !== keys.length) {
        return quarantine('WRONG_COLUMN_COUNT', `${cells.length} columns; the header has ${keys.length}`);
      }
      // No prototype: a column named "__proto__" or "constructor" must stay plain data.
      const fields: Record<string, string> = Object.create(null);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (key !== '') fields[key] = cells[i]!;
      }
      return normalizeGenericFields(fields, timezone);
    },
  };
}

import { findNul } from '../schemas/index.ts';
import { checkTimezone } from './check-parser-options.ts';
import { quarantine, SKIP } from './create-outcome.ts';
import { normalizeGenericFields } from './normalize-generic-fields.ts';
import type { CdrParser, ParseOutcome, ParserOptions } from './usage-record.types.ts';

/** Parses one JSON Lines line of the generic format; blank lines and lines starting with `#` are skipped. */
export function parseJsonlLine(line: string, timezone: string): ParseOutcome {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09)) i++;
  if (i === line.length || line.charCodeAt(i) === 0x23) return SKIP;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return quarantine('INVALID_JSON', `not valid JSON: ${(err as Error).message.slice(0, 120)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return quarantine('INVALID_JSON', `a line must hold a JSON object, not ${Array.isArray(value) ? 'an array' : JSON.stringify(value)?.slice(0, 40)}`);
  }
  // A NUL can only arrive escaped here (ingestLines quarantines a raw one); the cheap text test keeps the walk off ordinary lines.
  if (line.includes('\\u0000') && findNul(value) !== null) return quarantine('CONTROL_CHARACTER', 'a value or key holds an escaped NUL character (\\u0000)');
  return normalizeGenericFields(value as Record<string, unknown>, timezone);
}

/** Creates the JSON Lines parser; it holds no state between lines. */
export function createJsonlParser(options: ParserOptions): CdrParser {
  checkTimezone(options.timezone);
  const timezone = options.timezone;
  return {
    format: 'jsonl',
    parseLine: (line: string) => parseJsonlLine(line, timezone),
  };
}

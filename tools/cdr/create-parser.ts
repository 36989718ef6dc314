import { createDirectionDecider, type DirectionRules } from '../classify/decide-direction.ts';
import { BillingError } from '../errors.ts';
import { createPlausibilityCheck, type PlausibilityWindow } from './check-record-plausibility.ts';
import { createAsteriskParser } from './parse-asterisk-csv.ts';
import { createFreeswitchParser } from './parse-freeswitch-csv.ts';
import { createGenericCsvParser } from './parse-generic-csv.ts';
import { createJsonlParser } from './parse-jsonl.ts';
import type { CdrFormat, CdrParser, ParseOutcome, ParserOptions } from './usage-record.types.ts';

/**
 * Creates a fresh line parser for `format` (one per file: the generic CSV parser learns its
 * header) whose every record has had its direction decided by `options.direction` (the operator's
 * contexts and number ranges; without them a record keeps the direction its format parser gave)
 * and then passed the plausibility check of `options.plausibility`, which so checks the billed
 * line: this is the one place all four formats, ingest and quarantine replay alike, go through.
 * Throws INVALID_CONFIG for an unknown time zone, an unusable window or direction rules, bad
 * FreeSWITCH columns, or columns given to a format that has no use for them, and
 * UNSUPPORTED_FORMAT for an unknown format.
 */
export function createParser(format: CdrFormat, options: ParserOptions & { columns?: string[]; plausibility: PlausibilityWindow; direction?: DirectionRules }): CdrParser {
  const check = createPlausibilityCheck(options.plausibility);
  const decide = options.direction ? createDirectionDecider(options.direction) : null;
  const parser = createFormatParser(format, options);
  return {
    format: parser.format,
    parseLine(line: string, lineNo: number): ParseOutcome {
      const outcome = parser.parseLine(line, lineNo);
      if (outcome.kind !== 'record') return outcome;
      return (decide ? decide(outcome.record, format) : null) ?? check(outcome.record) ?? outcome;
    },
  };
}

function createFormatParser(format: CdrFormat, options: ParserOptions & { columns?: string[] }): CdrParser {
  if (options.columns !== undefined && format !== 'freeswitch') {
    throw new BillingError('INVALID_CONFIG', `columns apply only to the freeswitch format, not ${format}`);
  }
  switch (format) {
    case 'asterisk':
      return createAsteriskParser(options);
    case 'freeswitch':
      return createFreeswitchParser(options);
    case 'csv':
      return createGenericCsvParser(options);
    case 'jsonl':
      return createJsonlParser(options);
    default:
      throw new BillingError('UNSUPPORTED_FORMAT', `unknown CDR format ${JSON.stringify(format)}`);
  }
}

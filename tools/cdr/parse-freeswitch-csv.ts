import { BillingError } from '../errors.ts';
import { checkTimezone } from './check-parser-options.ts';
import { accept, quarantine, quarantineCsvFailure, showValue, SKIP } from './create-outcome.ts';
import { mapHangupCause } from './map-hangup-cause.ts';
import { parseCallTimes, type CallFieldNames } from './parse-call-times.ts';
import { createSwitchTimestampParser, type SwitchTimestampParser } from './parse-switch-timestamp.ts';
import { isBlankLine } from './read-lines.ts';
import { splitCsvLine } from './split-csv-line.ts';
import type { CdrParser, ParseOutcome, ParserOptions } from './usage-record.types.ts';

/** mod_cdr_csv's built-in default template (13 columns). */
export const FREESWITCH_DEFAULT_COLUMNS: readonly string[] = [
  'caller_id_name',
  'caller_id_number',
  'destination_number',
  'context',
  'start_stamp',
  'answer_stamp',
  'end_stamp',
  'duration',
  'billsec',
  'hangup_cause',
  'uuid',
  'bleg_uuid',
  'accountcode',
];

/** The `example` template shipped in cdr_csv.conf.xml (15 columns). */
export const FREESWITCH_EXAMPLE_COLUMNS: readonly string[] = [...FREESWITCH_DEFAULT_COLUMNS, 'read_codec', 'write_codec'];

const REQUIRED = ['caller_id_number', 'destination_number', 'start_stamp', 'answer_stamp', 'end_stamp', 'duration', 'billsec', 'hangup_cause'] as const;

// Columns that become record fields; every other non-empty column is kept as an attribute
// (hangup_cause too, because the disposition alone loses which failure it was).
const MAPPED = new Set<string>(['caller_id_number', 'destination_number', 'start_stamp', 'answer_stamp', 'end_stamp', 'duration', 'billsec', 'uuid']);

const NAMES: CallFieldNames = {
  start: 'start_stamp',
  answer: 'answer_stamp',
  end: 'end_stamp',
  duration: 'duration',
  billsec: 'billsec',
};

/** Column positions of one template, resolved once so each line is plain index access. */
export interface FreeswitchLayout {
  count: number;
  callerNumber: number;
  destination: number;
  start: number;
  answer: number;
  end: number;
  duration: number;
  billsec: number;
  cause: number;
  uuid: number;
  kept: ReadonlyArray<readonly [string, number]>;
}

/** Resolves a FreeSWITCH column list to positions, throwing INVALID_CONFIG when it cannot describe a call. */
export function resolveFreeswitchLayout(columns: readonly string[]): FreeswitchLayout {
  const seen = new Set<string>();
  for (const name of columns) {
    if (typeof name !== 'string' || name === '') throw new BillingError('INVALID_CONFIG', 'FreeSWITCH column names must be non-empty');
    if (seen.has(name)) throw new BillingError('INVALID_CONFIG', `FreeSWITCH column ${JSON.stringify(name)} is listed twice`);
    seen.add(name);
  }
  const missing = REQUIRED.filter((name) => !seen.has(name));
  if (missing.length > 0) {
    throw new BillingError('INVALID_CONFIG', `FreeSWITCH columns must include ${missing.join(', ')}`);
  }
  const at = (name: string): number => columns.indexOf(name);
  return {
    count: columns.length,
    callerNumber: at('caller_id_number'),
    destination: at('destination_number'),
    start: at('start_stamp'),
    answer: at('answer_stamp'),
    end: at('end_stamp'),
    duration: at('duration'),
    billsec: at('billsec'),
    cause: at('hangup_cause'),
    uuid: at('uuid'),
    kept: columns.flatMap((name, i) => (MAPPED.has(name) ? [] : [[name, i] as const])),
  };
}

const DEFAULT_LAYOUT = resolveFreeswitchLayout(FREESWITCH_DEFAULT_COLUMNS);
const EXAMPLE_LAYOUT = resolveFreeswitchLayout(FREESWITCH_EXAMPLE_COLUMNS);

/**
 * Parses one mod_cdr_csv line with the given layout, or with the default/example template
 * chosen by column count when `layout` is null.
 */
export function parseFreeswitchLine(line: string, stamps: SwitchTimestampParser, layout: FreeswitchLayout | null): ParseOutcome {
  if (isBlankLine(line)) return SKIP;
  const f = splitCsvLine(line);
  if (!Array.isArray(f)) return quarantineCsvFailure(f);
  const n = f.length;
  const l = layout ?? (n === 13 ? DEFAULT_LAYOUT : n === 15 ? EXAMPLE_LAYOUT : null);
  if (l === null || n !== l.count) {
    const expected = layout === null ? '13 (default template) or 15 (example template)' : String(layout.count);
    return quarantine('WRONG_COLUMN_COUNT', `${n} columns; expected ${expected}`);
  }
  // FreeSWITCH never writes a header, but a line naming its own columns is one, not a bad call.
  if (f[l.start] === 'start_stamp') return SKIP;
  const caller = f[l.callerNumber]!;
  const destination = f[l.destination]!;
  if (caller === '') return quarantine('MISSING_FIELD', 'caller_id_number (the billed subscriber) is empty');
  if (destination === '') return quarantine('MISSING_FIELD', 'destination_number is empty');
  const cause = f[l.cause]!;
  if (cause === '') return quarantine('MISSING_FIELD', 'hangup_cause is empty');

  const times = parseCallTimes(f[l.start]!, f[l.answer]!, f[l.end]!, f[l.duration]!, f[l.billsec]!, stamps, NAMES);
  if ('kind' in times) return times;
  const disposition = mapHangupCause(cause, times.answerTime !== null);
  if (disposition === null) return quarantine('UNKNOWN_DISPOSITION', `hangup_cause ${showValue(cause)} is not a known cause`);

  const attributes: Record<string, string> = {};
  for (const [name, i] of l.kept) {
    const value = f[i]!;
    if (value !== '') attributes[name] = value;
  }
  const uuid = l.uuid === -1 ? '' : f[l.uuid]!;
  return accept({
    sourceId: uuid === '' ? null : uuid,
    service: 'voice',
    direction: 'outbound',
    subscriber: caller,
    otherParty: destination,
    imsi: null,
    servingNetwork: null,
    visitedCountry: null,
    startTime: times.startTime,
    answerTime: times.answerTime,
    endTime: times.endTime,
    duration: times.durationMs,
    usage: times.usageMs,
    disposition,
    attributes,
  });
}

/** Creates the FreeSWITCH mod_cdr_csv parser; `columns` fixes a custom template instead of detecting by count. */
export function createFreeswitchParser(options: ParserOptions & { columns?: readonly string[] }): CdrParser {
  checkTimezone(options.timezone);
  const stamps = createSwitchTimestampParser(options.timezone);
  const layout = options.columns === undefined ? null : resolveFreeswitchLayout(options.columns);
  return {
    format: 'freeswitch',
    parseLine: (line: string) => parseFreeswitchLine(line, stamps, layout),
  };
}

export * from './usage-record.types.ts';
export { createParser } from './create-parser.ts';
export {
  createPlausibilityCheck,
  plausibilityWindow,
  normalizeSubscriber,
  DEFAULT_PLAUSIBILITY_LIMITS,
  type PlausibilityCheck,
  type PlausibilityLimits,
  type PlausibilityWindow,
} from './check-record-plausibility.ts';
export { parseCdrLines, parseCdrBatches, type ParsedLine } from './parse-cdr-lines.ts';
export {
  readLines,
  readLineBatches,
  LineSplitter,
  isBlankLine,
  MAX_LINE_BYTES,
  TOO_LONG_KEPT_CHARS,
  TEXT_ENCODINGS,
  type PhysicalLine,
  type ReadLinesOptions,
  type TextEncodingName,
} from './read-lines.ts';
export { findInvalidUtf8, createUtf8Check, type InvalidUtf8, type Utf8Check } from './find-invalid-utf8.ts';
export { splitCsvLine, isCsvSplitFailure, quoteCsvField, type CsvSplitError, type CsvSplitFailure } from './split-csv-line.ts';
export { createAsteriskParser, parseAsteriskLine, epochOfUniqueid } from './parse-asterisk-csv.ts';
export {
  createFreeswitchParser,
  parseFreeswitchLine,
  resolveFreeswitchLayout,
  FREESWITCH_DEFAULT_COLUMNS,
  FREESWITCH_EXAMPLE_COLUMNS,
  type FreeswitchLayout,
} from './parse-freeswitch-csv.ts';
export { mapHangupCause, KNOWN_HANGUP_CAUSES } from './map-hangup-cause.ts';
export { createGenericCsvParser } from './parse-generic-csv.ts';
export { createJsonlParser, parseJsonlLine } from './parse-jsonl.ts';
export { normalizeGenericFields, GENERIC_FIELDS, type GenericField } from './normalize-generic-fields.ts';
export { splitAttributes, joinAttributes } from './split-attributes.ts';
export { parseDurationMs } from './parse-duration-ms.ts';
export { parseIsoTimestamp } from './parse-iso-timestamp.ts';
export { parseSwitchTimestamp, createSwitchTimestampParser, SwitchTimestampParser } from './parse-switch-timestamp.ts';
export { parseWholeNumber, NUMBER_EMPTY, NUMBER_INVALID, NUMBER_NEGATIVE } from './parse-whole-number.ts';
// The ingest pipeline (ingest-lines.ts, ingest-sink.types.ts) is owned by the pipeline work; exported here as the folder's one entry point.
export * from './ingest-lines.ts';
export type * from './ingest-sink.types.ts';

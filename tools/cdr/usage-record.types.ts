import { z } from 'zod';

/** What was used: a call, a message or a data session. */
export const SERVICES = ['voice', 'sms', 'data'] as const;
export const serviceSchema = z.enum(SERVICES);
export type Service = z.infer<typeof serviceSchema>;

/**
 * Which side of the operator a record's call is on (docs/cdr-formats.md, "Call direction"):
 * `outbound`, our subscriber called another network; `inbound`, another network called our
 * subscriber (the subscriber is the called line); `onnet`, one of ours called another of ours (one
 * record, the caller's); `transit`, neither end is ours (interconnect only, never a subscriber's usage).
 */
export const DIRECTIONS = ['outbound', 'inbound', 'onnet', 'transit'] as const;
export const directionSchema = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof directionSchema>;

/** How a call ended, normalised across switches (Asterisk dispositions, FreeSWITCH hangup causes). */
export const DISPOSITIONS = ['answered', 'no_answer', 'busy', 'failed', 'congestion'] as const;
export const dispositionSchema = z.enum(DISPOSITIONS);
export type Disposition = z.infer<typeof dispositionSchema>;

/** Input formats Switchboard ingests. */
/** Where a stored usage event stands: waiting to be rated, priced, not classifiable by the rules, or refused by the rater. */
export const USAGE_STATUSES = ['unrated', 'rated', 'unclassified', 'rating_failed'] as const;
export const usageStatusSchema = z.enum(USAGE_STATUSES);
export type UsageStatus = z.infer<typeof usageStatusSchema>;

export const cdrFormatSchema = z.enum(['asterisk', 'freeswitch', 'csv', 'jsonl']);
export type CdrFormat = z.infer<typeof cdrFormatSchema>;

/**
 * One usage record, normalised from any switch format. Times are epoch milliseconds (UTC).
 * `usage` is the billable quantity in base units: milliseconds for voice (billsec, never the
 * ringing time), messages for SMS, bytes for data.
 */
export const usageRecordSchema = z.object({
  /** The switch's own id (Asterisk uniqueid[+sequence], FreeSWITCH uuid, generic record id), null when it has none. */
  sourceId: z.string().min(1).nullable(),
  service: serviceSchema,
  direction: directionSchema,
  /** Which rule decided the direction (e.g. "dcontext from-pstn: inbound context"); set by createParser, absent on a bare format parser's record. */
  directionRule: z.string().optional(),
  /** The billed party as the switch wrote it (MSISDN, extension or SIP user). */
  subscriber: z.string(),
  /** The other party as dialled or presented (may carry trunk prefixes, may be an extension or a short code). */
  otherParty: z.string(),
  imsi: z.string().nullable(),
  /** MCC-MNC of the network that served the record, when the source says (roaming detection). */
  servingNetwork: z.string().nullable(),
  /** ISO 3166 alpha-2 of the visited country, when the source says. */
  visitedCountry: z.string().nullable(),
  startTime: z.number().int(),
  answerTime: z.number().int().nullable(),
  endTime: z.number().int().nullable(),
  /** Whole-record duration in ms (setup + talk for voice); equals usage for SMS/data. */
  duration: z.number().int().nonnegative(),
  usage: z.number().int().nonnegative(),
  disposition: dispositionSchema,
  /** Switch-specific fields kept verbatim for provenance and the categoriser (channel, lastdata, userfield, notes...). */
  attributes: z.record(z.string(), z.string()),
});
export type UsageRecord = z.infer<typeof usageRecordSchema>;

/** Machine-readable reasons a record is quarantined; closed set, documented in docs/cdr-formats.md. */
export const quarantineReasonSchema = z.enum([
  'WRONG_COLUMN_COUNT',
  'UNTERMINATED_QUOTE',
  'MALFORMED_CSV',
  'INVALID_JSON',
  'MISSING_FIELD',
  'INVALID_DATE',
  'INVALID_NUMBER',
  'NEGATIVE_DURATION',
  'INCONSISTENT_TIMES',
  'UNKNOWN_DISPOSITION',
  'UNKNOWN_SERVICE',
  'INVALID_VALUE',
  'LINE_TOO_LONG',
  // U+0000 in a line or a decoded JSON string: no engine's text column can be trusted with it (PostgreSQL refuses it).
  'CONTROL_CHARACTER',
  // Plausibility (check-record-plausibility.ts): the record reads, but cannot be believed.
  'TIME_TOO_OLD',
  'TIME_IN_FUTURE',
  'DURATION_MISMATCH',
  'DURATION_TOO_LONG',
  'INVALID_SUBSCRIBER',
  // Direction (decide-direction.ts): a record marked inbound for a number the operator does not serve.
  'NOT_OUR_NUMBER',
]);
export type QuarantineReason = z.infer<typeof quarantineReasonSchema>;

/** The result of parsing one physical line: a record, a quarantine verdict, or a line to skip (blank, comment, header). */
export type ParseOutcome = { kind: 'record'; record: UsageRecord } | { kind: 'quarantine'; reason: QuarantineReason; message: string } | { kind: 'skip' };

/** Options every parser understands. */
export interface ParserOptions {
  /** IANA zone the switch writes local timestamps in (Asterisk, FreeSWITCH); ignored when a timestamp carries its own offset. */
  timezone: string;
}

/** A line-oriented CDR parser: one physical line in, one outcome out, never throwing on bad input. */
export interface CdrParser {
  readonly format: CdrFormat;
  parseLine(line: string, lineNo: number): ParseOutcome;
}

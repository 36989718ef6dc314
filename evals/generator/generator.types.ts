import { z } from 'zod';
import type { CallCategory } from '../../tools/classify/classification.types.ts';
import type { Disposition, Service } from '../../tools/cdr/usage-record.types.ts';
import { isValidTimezone } from '../../tools/time/index.ts';
import type { Subscriber } from './build-population.ts';
import { fraudInjectionSchema } from './inject-fraud.ts';

// zod's own calendar-date check: a malformed text fails it without reaching a Date (which threw).
const isoDate = z.iso.date('expected a calendar date YYYY-MM-DD');

/** Options of the CDR generator; every field has a default, so `{}` is a valid input. */
export const generatorOptionsSchema = z
  .object({
    format: z.enum(['asterisk', 'freeswitch', 'csv', 'jsonl']).default('csv'),
    /** Data lines to write (records + duplicates + malformed); a CSV header is extra. */
    rows: z.number().int().min(0).max(500_000_000).default(10_000),
    seed: z.union([z.number().int(), z.string().min(1)]).default(1),
    /** First local day of the period (in `timezone`). */
    start: isoDate.default('2025-03-01'),
    days: z.number().int().min(1).max(366).default(31),
    subscribers: z.number().int().min(1).max(300_000).default(2_000),
    /** Only the UK numbering plan is modelled. */
    homeCountry: z.literal('GB').default('GB'),
    homeNetwork: z
      .string()
      .regex(/^\d{5,6}$/)
      .default('23415'),
    /** The switch's local zone: Asterisk/FreeSWITCH timestamps, the diurnal curve, JSON Lines offsets. */
    timezone: z.string().refine(isValidTimezone, 'unknown IANA time zone').default('Europe/London'),
    asteriskColumns: z.union([z.literal(16), z.literal(18), z.literal(21)]).default(18),
    freeswitchTemplate: z.enum(['default', 'example']).default('default'),
    malformedRate: z.number().min(0).max(1).default(0.001),
    /** Share of rows that re-emit an earlier well-formed row verbatim. */
    duplicateRate: z.number().min(0).max(1).default(0.0005),
    /**
     * Switch formats: calls from other networks to our subscribers, per row of our subscribers'
     * own traffic, written on top of `rows` from a stream of their own (so the rows themselves do
     * not change). 0.5 makes a third of the calls a switch logs inbound, as on a mobile network.
     */
    inboundShare: z.number().min(0).max(2).default(0.5),
    /** Switch formats: calls passing through between two other networks, per row (interconnect transit). */
    transitShare: z.number().min(0).max(1).default(0.03),
    /** Fraud to inject on top of the month (inject-fraud.ts), on its own random stream; labelled by `fraudLabelsFor`. */
    fraud: fraudInjectionSchema.optional(),
  })
  .strict();
export type GeneratorOptions = z.input<typeof generatorOptionsSchema>;
export type ResolvedGeneratorOptions = z.output<typeof generatorOptionsSchema>;
export type GeneratedFormat = ResolvedGeneratorOptions['format'];

/** The category a correct classifier must assign to a generated record. */
export type ExpectedCategory = Exclude<CallCategory, 'unclassified'>;
export const EXPECTED_CATEGORIES: readonly ExpectedCategory[] = ['on_net', 'local', 'national', 'mobile', 'international', 'toll_free', 'premium_rate', 'emergency', 'short_code', 'data'];

/** Malformation kinds, named after the quarantine reason a correct parser must give. */
export type MalformedKind = 'WRONG_COLUMN_COUNT' | 'UNTERMINATED_QUOTE' | 'INVALID_DATE' | 'NEGATIVE_DURATION' | 'UNKNOWN_DISPOSITION' | 'INVALID_JSON' | 'UNKNOWN_SERVICE';

export type RoamingKind = 'none' | 'outbound' | 'inbound';

/** One generated usage event with its ground truth, before it is written in a format. */
export interface UsageEvent {
  /** 0-based sequence of events (uniqueid suffix, record_id). */
  seq: number;
  service: Service;
  /** Generic formats write it; switch formats show it through the context and which end is ours. */
  direction: 'outbound' | 'inbound' | 'transit';
  category: ExpectedCategory;
  roaming: RoamingKind;
  subscriber: Subscriber;
  /** The other party as the switch or source writes it; '' for data. */
  otherParty: string;
  /** The other party in E.164 digits; null for data, emergency and short codes. */
  otherE164: string | null;
  /** A transit call's called number (neither end is ours); null otherwise. */
  transitTo: string | null;
  /** Whether `otherParty` carries the PBX outside-line prefix. */
  trunkPrefixed: boolean;
  servingNetwork: string | null;
  visitedCountry: string | null;
  startMs: number;
  /** Null when unanswered (and for SMS/data). */
  answerMs: number | null;
  endMs: number;
  /** Billable milliseconds for voice (0 when unanswered); whole seconds except some generic rows. */
  billMs: number;
  disposition: Disposition;
  /** SMS message count or data bytes; 0 for voice. */
  volume: number;
  /** Free text (generic notes, Asterisk userfield); may look hostile, it is only data. */
  note: string;
}

/** What `generateRows` yields for each data line. */
export type GeneratedRow = { kind: 'record'; line: string; event: UsageEvent } | { kind: 'duplicate'; line: string } | { kind: 'malformed'; line: string; malformed: MalformedKind; event: UsageEvent };

/** Totals of a generation run; category, service and usage counts cover unique well-formed records only. */
export interface GenerationStats {
  format: GeneratedFormat;
  /** Data lines written: records + duplicates + malformed. */
  rows: number;
  /** Header lines written (1 for csv). */
  headerLines: number;
  records: number;
  duplicates: number;
  malformed: { total: number; byKind: Partial<Record<MalformedKind, number>> };
  byService: Record<Service, number>;
  byCategory: Record<ExpectedCategory, number>;
  byRoaming: Record<RoamingKind, number>;
  byDirection: Record<UsageEvent['direction'], number>;
  byDisposition: Record<Disposition, number>;
  usage: { voiceBillableMs: number; smsMessages: number; dataBytes: number };
  /** UTF-8 bytes written, header included. */
  bytes: number;
  /** The generated period [start, end) as epoch ms; every start time lies inside it. */
  periodStartMs: number;
  periodEndMs: number;
}

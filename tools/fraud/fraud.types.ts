import { z } from 'zod';
import type { CallCategory, Roaming } from '../classify/classification.types.ts';
import type { Direction, Service } from '../cdr/usage-record.types.ts';

/** The usage detectors of the fraud stage (docs/fraud.md). */
export const USAGE_FRAUD_DETECTORS = ['irsf', 'wangiri', 'simbox', 'spike', 'revenue'] as const;
export type UsageFraudDetector = (typeof USAGE_FRAUD_DETECTORS)[number];

/**
 * The payment detectors (docs/payment-fraud.md): one card or IBAN paying for many customers, payments
 * sent back again and again, a refund asked to another destination than the one that paid, a payer
 * whose name is not the customer's.
 */
export const PAYMENT_FRAUD_DETECTORS = ['shared_instrument', 'repeated_return', 'refund_destination', 'payer_name'] as const;
export type PaymentFraudDetector = (typeof PAYMENT_FRAUD_DETECTORS)[number];

/** Every detector Switchboard runs: what an alert names. */
export const FRAUD_DETECTORS = [...USAGE_FRAUD_DETECTORS, ...PAYMENT_FRAUD_DETECTORS] as const;
export const fraudDetectorSchema = z.enum(FRAUD_DETECTORS);
export type FraudDetector = z.infer<typeof fraudDetectorSchema>;

export const ALERT_SEVERITIES = ['warning', 'critical'] as const;
export const alertSeveritySchema = z.enum(ALERT_SEVERITIES);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

export const ALERT_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export const alertStatusSchema = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof alertStatusSchema>;

/**
 * What an alert is about: one of our lines, a range of numbers calling us, a destination (category
 * and country); for payments, a payer's instrument (an IBAN or a card token) or a customer account.
 */
export const ALERT_SUBJECT_KINDS = ['subscriber', 'calling_range', 'destination', 'payer', 'account'] as const;
export const alertSubjectKindSchema = z.enum(ALERT_SUBJECT_KINDS);
export type AlertSubjectKind = z.infer<typeof alertSubjectKindSchema>;

/**
 * One usage event as the detectors see it: the few facts they need, copied out of the record, its
 * classification and its rating, so nothing else of the record outlives its chunk.
 */
export interface FraudEvent {
  /** The event's idempotency key (the evidence names events by it). */
  key: string;
  subscriber: string;
  direction: Direction;
  service: Service;
  category: CallCategory;
  /** The other party's digits (E.164 when classified, the dialled digits otherwise); null for data. */
  other: string | null;
  otherCountry: string | null;
  roaming: Roaming;
  startMs: number;
  answered: boolean;
  /** Ringing and setup before answer (or the whole attempt when unanswered), ms; null when the record does not say. */
  ringMs: number | null;
  /** Billable quantity: ms for voice, messages for SMS, bytes for data. */
  usage: number;
  /** Rated cost (decimal string) when the event was rated. */
  cost: string | null;
  /** The subscriber's slot in the stage's line index (set by the stage): detectors keep per-line state in arrays by it. */
  line: number;
}

/** The stage's numbering of the lines it has seen: one map lookup per event, shared by every detector. */
export interface LineIndex {
  /** The subscriber of each slot. */
  readonly names: string[];
}

/** What an alert shows for itself: the events, the statistics the detector computed, the threshold it crossed. */
export const alertEvidenceSchema = z.object({
  /** Idempotency keys of (up to 50 of) the events behind the alert. */
  events: z.array(z.string()),
  eventCount: z.number().int().nonnegative(),
  statistics: z.record(z.string(), z.union([z.number(), z.string()])),
  threshold: z.record(z.string(), z.union([z.number(), z.string()])),
  /** Aggravating signals seen (night calls, sequential numbers, a new line, callbacks...). */
  signals: z.array(z.string()),
});
export type AlertEvidence = z.infer<typeof alertEvidenceSchema>;

/** An alert as a detector raises it, before it is stored. */
export interface AlertCandidate {
  /** Same detector, subject and window start: same key, so detecting twice stores one alert. */
  key: string;
  detector: FraudDetector;
  severity: AlertSeverity;
  subjectKind: AlertSubjectKind;
  subject: string;
  firstAt: number;
  lastAt: number;
  summary: string;
  evidence: AlertEvidence;
}

/** Where an alert was detected: while a batch was ingested, by the scheduled usage pass, or by the payments scan. */
export const ALERT_SOURCES = ['ingest', 'scheduled', 'payments'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

/** Where a detector's long-lived state lives: per subscriber, per destination (category:country), per calling range. */
export type FraudStateScope = 'subscriber' | 'destination' | 'calling_range';

/**
 * Reads the state a previous run kept for a key (null when none); the stage calls it once per key
 * it touches, after `prefetch` (where the loader has it) with the keys it knows it will read.
 */
export type FraudStateLoader = ((scope: FraudStateScope, key: string) => unknown) & { prefetch?: (scope: FraudStateScope, keys: readonly string[]) => void };

/** A state to keep for the next run. */
export interface FraudStateUpdate {
  scope: FraudStateScope;
  key: string;
  state: unknown;
}

/** One detector: fed every new event once, asked at the end for its alerts and the state to keep. */
export interface Detector {
  observe(event: FraudEvent): void;
  finish(load: FraudStateLoader): { alerts: AlertCandidate[]; states: FraudStateUpdate[] };
}

/** At most this many event keys are kept as an alert's evidence (the count says how many there were). */
export const MAX_EVIDENCE_EVENTS = 50;

/** The evidence's event list: the first events, capped. */
export function evidenceEvents(keys: readonly string[]): string[] {
  return keys.slice(0, MAX_EVIDENCE_EVENTS);
}

export const DAY_MS = 86_400_000;

/** The UTC day number of an instant (days since 1970-01-01): detectors bucket by it. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** A UTC day number as YYYY-MM-DD. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

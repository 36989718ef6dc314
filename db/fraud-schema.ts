import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ALERT_SEVERITIES, ALERT_SOURCES, ALERT_STATUSES, ALERT_SUBJECT_KINDS, FRAUD_DETECTORS } from '../tools/fraud/fraud.types.ts';

/**
 * Fraud and anomaly alerts (docs/fraud.md): one row per detection, with its evidence (the events,
 * the statistics, the threshold crossed), severity and status. The key is unique per tenant, so
 * detecting the same thing twice (a file ingested again, a scheduled pass over the same days)
 * stores one alert.
 */
export const fraudAlerts = sqliteTable(
  'fraud_alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenant: text('tenant').notNull(),
    key: text('key').notNull(),
    detector: text('detector', { enum: FRAUD_DETECTORS }).notNull(),
    severity: text('severity', { enum: ALERT_SEVERITIES }).notNull(),
    status: text('status', { enum: ALERT_STATUSES }).notNull(),
    subjectKind: text('subject_kind', { enum: ALERT_SUBJECT_KINDS }).notNull(),
    subject: text('subject').notNull(),
    firstAt: text('first_at').notNull(),
    lastAt: text('last_at').notNull(),
    summary: text('summary').notNull(),
    /** alertEvidenceSchema as JSON. */
    evidenceJson: text('evidence_json').notNull(),
    /** Where it was detected: `ingest` (with the batch), `scheduled`, or `payments` (the payment-fraud scan, with the import when one). */
    source: text('source', { enum: ALERT_SOURCES }).notNull(),
    batchId: integer('batch_id'),
    createdAt: text('created_at').notNull(),
    /** Who confirmed or dismissed it, when and why. */
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    decisionReason: text('decision_reason'),
    /** The bar-line proposal a confirmed critical alert opened. */
    proposalId: integer('proposal_id'),
  },
  (t) => [uniqueIndex('fraud_alerts_key').on(t.tenant, t.key), index('fraud_alerts_status').on(t.tenant, t.status, t.id), index('fraud_alerts_subject').on(t.tenant, t.detector, t.subject)],
);

/** Detector state kept between runs (baselines, first sightings, destination histories), per tenant, scope and key. */
export const fraudState = sqliteTable(
  'fraud_state',
  {
    tenant: text('tenant').notNull(),
    scope: text('scope', { enum: ['subscriber', 'destination', 'calling_range'] }).notNull(),
    key: text('key').notNull(),
    stateJson: text('state_json').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenant, t.scope, t.key] })],
);

/**
 * Lines barred by an approved bar-line proposal (a confirmed critical fraud alert): what the
 * operator's provisioning reads to refuse the line's calls. One row per proposal.
 */
export const lineBars = sqliteTable(
  'line_bars',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenant: text('tenant').notNull(),
    subscriber: text('subscriber').notNull(),
    alertId: integer('alert_id').notNull(),
    proposalId: integer('proposal_id').notNull(),
    barredAt: text('barred_at').notNull(),
  },
  (t) => [uniqueIndex('line_bars_proposal').on(t.tenant, t.proposalId), index('line_bars_subscriber').on(t.tenant, t.subscriber)],
);

/** A tenant's fraud thresholds (fraudThresholdsSchema as JSON); no row means the defaults. */
export const fraudSettings = sqliteTable('fraud_settings', {
  tenant: text('tenant').primaryKey(),
  thresholdsJson: text('thresholds_json').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

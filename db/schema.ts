import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DIRECTIONS, DISPOSITIONS, SERVICES, USAGE_STATUSES } from '../tools/cdr/usage-record.types.ts';
import { CALL_CATEGORIES, ROAMINGS } from '../tools/classify/classification.types.ts';

// Money is never REAL: amounts are decimal strings (TEXT). Times are epoch milliseconds (INTEGER)
// for usage, ISO strings for audit stamps. Keep types portable to Postgres (text, bigint, integer).

/** Operator settings (classification, time zone, tenant), one JSON value per key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Every imported tariff plan version; a re-import of identical content is recognised by hash. */
export const tariffVersions = sqliteTable(
  'tariff_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    effectiveFrom: integer('effective_from').notNull(),
    sourceFormat: text('source_format').notNull(),
    sourcePath: text('source_path'),
    contentHash: text('content_hash').notNull(),
    planJson: text('plan_json').notNull(),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [uniqueIndex('tariff_versions_name_version').on(t.name, t.version), uniqueIndex('tariff_versions_name_hash').on(t.name, t.contentHash)],
);

/** One ingestion run of one file; counts reconcile: read = accepted + duplicates + quarantined. */
export const ingestBatches = sqliteTable('ingest_batches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sourceName: text('source_name').notNull(),
  format: text('format').notNull(),
  path: text('path'),
  fileSha256: text('file_sha256'),
  parserOptions: text('parser_options').notNull(),
  status: text('status').notNull(), // running | done | failed
  read: integer('read').notNull().default(0),
  accepted: integer('accepted').notNull().default(0),
  duplicates: integer('duplicates').notNull().default(0),
  quarantined: integer('quarantined').notNull().default(0),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  error: text('error'),
  /**
   * The lowest and highest id of the events the batch stored (null before its first commit). A
   * writer holds the write lock for the whole transaction, so each commit's ids are contiguous:
   * the range is the batch's access path in place of an index on usage_events.batch_id.
   */
  firstEventId: integer('first_event_id'),
  lastEventId: integer('last_event_id'),
});

/**
 * Texts many usage events share, stored once (docs/storage.md): attribute name lists, rating
 * breakdown templates, direction rules. The id is a 53-bit hash of the value (db/usage-dictionary.ts),
 * so a writer names a text without asking the database; rows written by migration 0020 have small ids.
 * Append-only: an id always means the same text.
 */
export const usageDictionary = sqliteTable('usage_dictionary', {
  id: integer('id').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Accepted usage, classified and (once rated) priced, with the rating breakdown that explains the
 * cost. Texts shared by many events are references to usage_dictionary (docs/storage.md); read the
 * rows through db/usage-row.ts (decodeEventRow), which gives them back whole.
 */
export const usageEvents = sqliteTable(
  'usage_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idemKey: text('idem_key').notNull(),
    sourceId: text('source_id'),
    batchId: integer('batch_id').notNull(),
    lineNo: integer('line_no').notNull(),
    tenant: text('tenant').notNull(),
    service: text('service', { enum: SERVICES }).notNull(),
    direction: text('direction', { enum: DIRECTIONS }).notNull(),
    subscriber: text('subscriber').notNull(),
    otherParty: text('other_party').notNull(),
    imsi: text('imsi'),
    servingNetwork: text('serving_network'),
    visitedCountry: text('visited_country'),
    startTime: integer('start_time').notNull(),
    answerTime: integer('answer_time'),
    endTime: integer('end_time'),
    durationMs: integer('duration_ms').notNull(),
    usage: integer('usage').notNull(),
    disposition: text('disposition', { enum: DISPOSITIONS }).notNull(),
    /** The JSON list of the attribute values, in the order of attribute_keys; the whole JSON object when attribute_keys is null (rows stored before 0020). */
    attributes: text('attributes').notNull(),
    /** usage_dictionary id of the JSON list of attribute names. */
    attributeKeys: integer('attribute_keys'),
    category: text('category', { enum: CALL_CATEGORIES }).notNull(),
    roaming: text('roaming', { enum: ROAMINGS }).notNull(),
    destination: text('destination'),
    destinationCountry: text('destination_country'),
    classificationReason: text('classification_reason'),
    status: text('status', { enum: USAGE_STATUSES }).notNull(),
    cost: text('cost'),
    currency: text('currency'),
    tariffVersionId: integer('tariff_version_id'),
    /** usage_dictionary id of the breakdown's template (tools/rating/split-breakdown.ts); null for rows stored before 0020. */
    ratingTemplate: integer('rating_template'),
    /** The breakdown's per-event numbers (with rating_template), or the whole stored breakdown (rows before 0020). */
    ratingBreakdown: text('rating_breakdown'),
    ratingErrorCode: text('rating_error_code'),
    ratingError: text('rating_error'),
    /** When it was rated, epoch milliseconds. */
    ratedAt: integer('rated_at'),
    /** usage_dictionary id of the rule that decided `direction` (tools/classify/decide-direction.ts); null for events ingested before rules existed. */
    directionRule: integer('direction_rule'),
  },
  (t) => [
    uniqueIndex('usage_events_idem_key').on(t.idemKey),
    // Only unrated rows are ever looked up by status (the rating scan), so only they are indexed:
    // rated rows, the vast majority, cost the index nothing on insert.
    index('usage_events_unrated').on(t.id).where(sql`${t.status} = 'unrated'`),
    index('usage_events_subscriber_start').on(t.subscriber, t.startTime),
    // No index on batch_id: a batch's events are found by its id range (ingest_batches.first_event_id).
  ],
);

/** Records that could not be read, kept verbatim with a machine-readable reason until fixed and replayed. */
export const quarantine = sqliteTable(
  'quarantine',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id').notNull(),
    lineNo: integer('line_no').notNull(),
    dedupKey: text('dedup_key').notNull(),
    raw: text('raw').notNull(),
    reason: text('reason').notNull(),
    message: text('message').notNull(),
    status: text('status').notNull(), // open | replayed
    replayedEventId: integer('replayed_event_id'),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (t) => [uniqueIndex('quarantine_dedup_key').on(t.dedupKey), index('quarantine_status').on(t.status)],
);

/** Records recognised as already ingested: kept (by line) so every input line's fate can be shown. */
export const ingestDuplicates = sqliteTable(
  'ingest_duplicates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id').notNull(),
    lineNo: integer('line_no').notNull(),
    idemKey: text('idem_key').notNull(),
    createdAt: text('created_at').notNull().default(sql`CURRENT_TIMESTAMP`),
  },
  (t) => [index('ingest_duplicates_batch').on(t.batchId)],
);

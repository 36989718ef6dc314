/**
 * The counters operations increment, kept here as plain numbers so operations (and the code they
 * call) never import prom-client; the server publishes them at /metrics (server/metrics.ts). They
 * count for the life of the process, whichever surface ran the operation.
 */
export const COUNTERS = {
  ingestRecordsRead: { name: 'switchboard_ingest_records_read_total', help: 'CDR records read by ingest' },
  ingestRecordsAccepted: { name: 'switchboard_ingest_records_accepted_total', help: 'CDR records accepted by ingest' },
  ingestRecordsQuarantined: { name: 'switchboard_ingest_records_quarantined_total', help: 'CDR records quarantined by ingest' },
  ingestDuplicates: { name: 'switchboard_ingest_records_duplicate_total', help: 'CDR records ingest found already stored' },
  ratingEventsRated: { name: 'switchboard_rating_events_rated_total', help: 'usage events rated' },
  ratingEventsFailed: { name: 'switchboard_rating_events_failed_total', help: 'usage events rating could not price' },
} as const;

/** A counter's key in COUNTERS. */
export type CounterName = keyof typeof COUNTERS;

const totals = new Map<CounterName, number>();

/** Adds `by` (default 1) to a counter; a negative or non-finite amount is ignored (counters only go up). */
export function countMetric(name: CounterName, by = 1): void {
  if (!Number.isFinite(by) || by <= 0) return;
  totals.set(name, (totals.get(name) ?? 0) + by);
}

/** A counter's total so far in this process. */
export function metricTotal(name: CounterName): number {
  return totals.get(name) ?? 0;
}

/** Counts one ingest run's figures (the shape of an ingest report's counts). */
export function countIngest(counts: { read?: number; accepted?: number; quarantined?: number; duplicates?: number }): void {
  countMetric('ingestRecordsRead', counts.read ?? 0);
  countMetric('ingestRecordsAccepted', counts.accepted ?? 0);
  countMetric('ingestRecordsQuarantined', counts.quarantined ?? 0);
  countMetric('ingestDuplicates', counts.duplicates ?? 0);
}

/** Counts one rating run's figures. */
export function countRating(counts: { rated?: number; failed?: number }): void {
  countMetric('ratingEventsRated', counts.rated ?? 0);
  countMetric('ratingEventsFailed', counts.failed ?? 0);
}

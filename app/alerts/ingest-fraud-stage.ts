import { fraudStateLoader, saveFraudDetection, tenantFraudThresholds, type Store } from '../../db/index.ts';
import type { RecordObserver } from '../../tools/cdr/index.ts';
import { createFraudStage, toFraudEvent, type FraudEvent } from '../../tools/fraud/index.ts';

/** The fraud stage of one ingest: an observer for the pipeline, and what to do once the file is in. */
export interface IngestFraudStage {
  observer: RecordObserver<FraudEvent>;
  /** Runs the detectors' end of file: stores their state and the new alerts (once each); returns the new alerts' ids. */
  finish(batchId: number): number[];
}

/**
 * Detection as a stage of the ingest pipeline (no second pass over the file): each record the
 * store took as new is observed once, with the tenant's thresholds, and the detectors' state of
 * earlier files (baselines, histories) is read as they need it.
 */
export function ingestFraudStage(store: Store, tenant: string, timezone: string, now: () => Date = () => new Date()): IngestFraudStage {
  const stage = createFraudStage(tenantFraudThresholds(store, tenant), { timezone });
  return {
    observer: {
      pick: (rec) => toFraudEvent(rec.idemKey, rec.record, rec.classification, rec.rating),
      take: (event) => stage.observe(event),
    },
    finish(batchId) {
      if (stage.observed === 0) return [];
      const { alerts, states } = stage.finish(fraudStateLoader(store, tenant));
      return saveFraudDetection(store, tenant, { alerts, states, source: 'ingest', batchId, at: now() });
    },
  };
}

import { unfinishedBatches, type BatchView, type Store } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';

/**
 * What an ingest still writing (or cut short) means for a bill run: a batch still writing refuses
 * the run unless it is allowed (any live batch: its file may hold usage of the period it has not
 * written yet), then it is a warning; an interrupted batch nobody has resumed is a warning.
 */
export function ingestWarnings(store: Store, allowRunning: boolean): string[] {
  const { running, interrupted } = unfinishedBatches(store);
  const named = (b: BatchView) => `batch ${b.id} (${b.file ?? b.source}, started ${b.startedAt})`;
  if (running.length && !allowRunning) {
    throw new BillingError('CONFLICT', `ingest ${running.map(named).join(', ')} is still writing usage: bill when it has finished, or pass --allow-running-ingest to bill what has arrived so far`, {
      runningBatches: running.map((b) => b.id),
    });
  }
  return [
    ...running.map((b) => `ingest ${named(b)} is still writing usage (${b.committed.events} events so far): billing what has arrived`),
    ...interrupted.map((b) => `ingest ${named(b)} was interrupted after ${b.committed.events} events and not resumed: ingest its file again to bill the rest of it`),
  ];
}

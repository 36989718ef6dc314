import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { removeDeadLease, takeBatchLease, type BatchLease } from './batch-lease.ts';
import { createBatch } from './ingest-store.ts';
import { batchState, committedRows } from './list-batches.ts';
import type { Store } from './open-database.ts';
import { ingestBatches } from './schema.ts';

/** An interrupted batch a new ingest of the same file takes over, with what it had committed. */
export interface ResumedBatch {
  batchId: number;
  startedAt: string;
  events: number;
  quarantined: number;
  duplicates: number;
}

/**
 * Opens the batch of a running ingest and takes its lease (see batch-lease.ts). When the last
 * ingest of the same file (path, source, format) was interrupted, this one resumes it: the lines
 * that batch committed are found again here as duplicates (idempotency keys), and the interrupted
 * batch is closed as `interrupted` with the counts of what it committed, so it reconciles too.
 */
export function openBatch(
  store: Store,
  input: { sourceName: string; format: string; path: string | null; parserOptions: unknown },
): { batchId: number; lease: BatchLease; resumes: ResumedBatch | null } {
  let lease: BatchLease | undefined;
  try {
    // IMMEDIATE: two ingests of the same file cannot both resume the same batch.
    return store.sqlite
      .transaction(() => {
        // A stream without a file (an upload) has no earlier run to resume: its committed lines are found again as duplicates.
        const path = input.path;
        const last =
          path === null
            ? undefined
            : store.db
                .select({ id: ingestBatches.id, status: ingestBatches.status, startedAt: ingestBatches.startedAt })
                .from(ingestBatches)
                .where(and(eq(ingestBatches.path, path!), isNotNull(ingestBatches.path), eq(ingestBatches.sourceName, input.sourceName), eq(ingestBatches.format, input.format)))
                .orderBy(desc(ingestBatches.id))
                .limit(1)
                .get();
        const interrupted = last && batchState(store, last) === 'interrupted' ? last : undefined;
        const batchId = createBatch(store, { ...input, fileSha256: null });
        lease = takeBatchLease(store, batchId);
        if (!interrupted) return { batchId, lease, resumes: null };
        const c = committedRows(store, interrupted.id);
        store.db
          .update(ingestBatches)
          .set({
            status: 'interrupted',
            read: c.events + c.quarantined + c.duplicates,
            accepted: c.events,
            quarantined: c.quarantined,
            duplicates: c.duplicates,
            finishedAt: new Date().toISOString(),
            error: `interrupted: its process ended before the end of the file; resumed by batch ${batchId}`,
          })
          .where(eq(ingestBatches.id, interrupted.id))
          .run();
        removeDeadLease(store, interrupted.id);
        return { batchId, lease, resumes: { batchId: interrupted.id, startedAt: interrupted.startedAt, ...c } };
      })
      .immediate();
  } catch (err) {
    lease?.release();
    throw err;
  }
}

import { pruneCheckpoints, purgeSettledNotifications } from '../../db/index.ts';
import type { WorkerDeps } from './job-handlers.ts';

const DAY_MS = 86_400_000;
/** Jobs removed per queue and state in one pass; the next pass takes the rest. */
const BATCH = 5000;

/**
 * Removes completed and failed jobs older than the retention period from every queue, settled notifications and old checkpoints. Job ids of a
 * period's bill run stay until then, so a late duplicate tick within it is still refused.
 */
export async function cleanRetention(deps: WorkerDeps): Promise<{ removed: Record<string, number>; notifications: number; checkpoints: number }> {
  const removed: Record<string, number> = {};
  for (const queue of Object.values(deps.queues)) {
    for (const state of ['completed', 'failed'] as const) {
      removed[`${queue.name}.${state}`] = (await queue.clean(deps.retentionDays * DAY_MS, BATCH, state)).length;
    }
  }
  // Delivered and skipped notifications past the same period (failed and dead ones stay to be seen).
  const cutoff = new Date(Date.now() - deps.retentionDays * DAY_MS);
  const notifications = purgeSettledNotifications(deps.store, cutoff);
  // Graph history (cycles, approvals, chats) past the same period; each thread keeps its latest checkpoint.
  const checkpoints = pruneCheckpoints(deps.store, cutoff);
  return { removed, notifications, checkpoints };
}

import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * How long synchronous work runs before it lets the event loop turn. A worker renews its job locks
 * on timers, which run only between turns; on PostgreSQL every query blocks the thread (the
 * synchronous client), so a long shard must stop now and then or its lock expires and the job is
 * taken up again while it is still running (measured: a 100-invoice audit shard of 2-3 s on a
 * loaded machine lost its 1.5 s lock on every try and never completed).
 */
export const TURN_BUDGET_MS = 100;

/**
 * A pacer for long synchronous work: the returned function yields to the event loop once
 * `budgetMs` have passed since its last turn, and otherwise returns at once. Elapsed time, not a
 * count, so a slow machine or a busy database turns as often as a quiet one.
 */
export function eventLoopPacer(budgetMs = TURN_BUDGET_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await nextTurn();
    since = performance.now();
  };
}

import { Send } from '@langchain/langgraph';
import { mergeSums } from '../../tools/cycle/index.ts';
import { step, type CycleDeps } from './nodes.ts';
import { documentsFolder } from './review-nodes.ts';
import { planAccountShards, renderShardDocuments, runShard } from './run-shard.ts';
import type { CycleStateType, CycleUpdate, FanOut } from './state.ts';

/** The node before each fan-out: where the worker's run stops to hand the shards out as child jobs. */
export const FAN_OUT_NODES = { bill: 'plan_shards', documents: 'plan_documents' } as const satisfies Record<FanOut, string>;

/** The wall time of a fan-out so far (a resumed one counts the time it lay stopped as well). */
const fanOutMs = (s: CycleStateType, kind: FanOut) => (s.fanOutStartedAt[kind] === undefined ? undefined : Math.max(0, Date.now() - s.fanOutStartedAt[kind]!));

/** (4a) Splits the tenant's accounts into shards, kept in state so a resumed cycle bills the same ones. */
export function planShards(deps: CycleDeps) {
  return async (_s: CycleStateType): Promise<CycleUpdate> => ({
    shards: planAccountShards(deps.ctx.store, deps.ctx.tenant, deps.options.shardSize ?? 500),
    fanOutStartedAt: { bill: Date.now() },
  });
}

/**
 * One Send per shard without a result yet, carrying only what the shard needs (not the whole
 * state, which would be copied into every task's checkpoint write); none left goes on to `next`.
 */
function fanOut(node: string, next: string, done: (s: CycleStateType) => Record<string, unknown>) {
  return (s: CycleStateType) => {
    const todo = s.shards.filter((sh) => done(s)[sh.index] === undefined);
    if (todo.length === 0) return next;
    return todo.map((shard) => new Send(node, { tenant: s.tenant, period: s.period, shard }));
  };
}
export const toBillShards = fanOut('bill_shard', 'bill', (s) => s.shardResults);
export const toDocumentShards = fanOut('document_shard', 'documents', (s) => s.documentResults);

const queues = new WeakMap<object, Promise<unknown>>();

/**
 * Runs a shard's work after the previous shard's on the same database has ended: in process,
 * billing on one SQLite file gains nothing from interleaving, and a shard that has finished has
 * its result saved before the next one begins (so a crash keeps it).
 */
function oneAtATime<T>(store: object, work: () => Promise<T>): Promise<T> {
  const before = queues.get(store) ?? Promise.resolve();
  const run = before.then(work, work);
  queues.set(
    store,
    run.catch(() => undefined),
  );
  return run;
}

/** (4b) Bills one shard (once per shard by Send; a finished shard is not run again on resume). */
export function billShard(deps: CycleDeps) {
  return async (s: CycleStateType): Promise<CycleUpdate> => {
    const shard = s.shard!;
    return oneAtATime(deps.ctx.store, async () => {
      deps.onStep?.('bill_shard');
      const r = await runShard(deps.ctx.store, { ...shard, tenant: deps.ctx.tenant, period: s.period, issueDate: deps.options.issueDate });
      return { shardResults: { [shard.index]: r } };
    });
  };
}

/** (4c) The bill run's figures, from its shards (run in process or by the worker's child jobs). */
export function collectBill(deps: CycleDeps) {
  return step('bill', deps, async (s) => {
    const results = s.shards.map((sh) => s.shardResults[sh.index]).filter((r) => r !== undefined);
    const failed = results.flatMap((r) => r.failed);
    const sum = (k: 'accounts' | 'created' | 'issued' | 'held' | 'alreadyPresent' | 'ms') => results.reduce((n, r) => n + r[k], 0);
    return {
      counts: {
        shards: s.shards.length,
        accounts: sum('accounts'),
        created: sum('created'),
        issued: sum('issued'),
        held: sum('held'),
        alreadyPresent: sum('alreadyPresent'),
        failed: failed.length,
        shardMs: sum('ms'),
      },
      money: mergeSums(results.map((r) => r.money)),
      notes: failed.slice(0, 20).map((f) => `${f.accountId}: [${f.code}] ${f.message}`),
      ms: fanOutMs(s, 'bill'),
    };
  });
}

/** (7a) The documents fan out over the same shards as the bill run. */
export function planDocuments(_deps: CycleDeps) {
  return async (_s: CycleStateType): Promise<CycleUpdate> => ({ fanOutStartedAt: { documents: Date.now() } });
}

/** (7b) PDF and UBL of one shard's issued invoices. */
export function documentShard(deps: CycleDeps) {
  return async (s: CycleStateType): Promise<CycleUpdate> => {
    const shard = s.shard!;
    return oneAtATime(deps.ctx.store, async () => {
      deps.onStep?.('document_shard');
      const r = await renderShardDocuments(deps.ctx.store, { ...shard, tenant: deps.ctx.tenant, period: s.period, folder: documentsFolder(deps, s.period) });
      return { documentResults: { [shard.index]: r } };
    });
  };
}

/** (7c) The documents' figures, from their shards. */
export function collectDocuments(deps: CycleDeps) {
  return step('documents', deps, async (s) => {
    const results = s.shards.map((sh) => s.documentResults[sh.index]).filter((r) => r !== undefined);
    const sum = (k: 'invoices' | 'written' | 'skipped' | 'ms') => results.reduce((n, r) => n + r[k], 0);
    return {
      counts: { invoices: sum('invoices'), written: sum('written'), skipped: sum('skipped'), shardMs: sum('ms') },
      money: mergeSums(results.map((r) => r.money)),
      notes: [documentsFolder(deps, s.period)],
      ms: fanOutMs(s, 'documents'),
    };
  });
}

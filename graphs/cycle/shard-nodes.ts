import { Send } from '@langchain/langgraph';
import { mergeSums } from '../../tools/cycle/index.ts';
import { step, type CycleDeps } from './nodes.ts';
import { documentsFolder } from './review-nodes.ts';
import { planAccountShards, runShardWork } from './run-shard.ts';
import type { CycleStateType, CycleUpdate, FanOut, Shard } from './state.ts';

/** Each fan-out's nodes (plan, one shard, collect) and the state channel its shard results go to. */
export const FAN_OUT_NODES = {
  bill: { plan: 'plan_shards', shard: 'bill_shard', collect: 'bill', channel: 'shardResults' },
  audit: { plan: 'plan_audit', shard: 'audit_shard', collect: 'audit', channel: 'auditResults' },
  documents: { plan: 'plan_documents', shard: 'document_shard', collect: 'documents', channel: 'documentResults' },
} as const satisfies Record<FanOut, { plan: string; shard: string; collect: string; channel: keyof CycleStateType }>;

/** The node the worker's run stops before, per fan-out. */
export const FAN_OUT_STOPS = Object.values(FAN_OUT_NODES).map((n) => n.plan);

/** The fan-out a stop node begins. */
export function fanOutAt(node: string): FanOut | undefined {
  return (Object.keys(FAN_OUT_NODES) as FanOut[]).find((k) => FAN_OUT_NODES[k].plan === node);
}

/** The wall time of a fan-out so far (a resumed one counts the time it lay stopped as well). */
const fanOutMs = (s: CycleStateType, kind: FanOut) => (s.fanOutStartedAt[kind] === undefined ? undefined : Math.max(0, Date.now() - s.fanOutStartedAt[kind]!));

/** (4a, 5a, 7a) Plans a fan-out: the bill run splits the accounts into shards (kept in state so a resumed cycle uses the same ones); the others reuse them. */
export function planFanOut(kind: FanOut, deps: CycleDeps) {
  return async (s: CycleStateType): Promise<CycleUpdate> => ({
    ...(kind === 'bill' ? { shards: planAccountShards(deps.ctx.store, deps.ctx.tenant, deps.options.shardSize ?? 500) } : { shards: s.shards }),
    fanOutStartedAt: { [kind]: Date.now() },
  });
}

/**
 * One Send per shard without a result yet, carrying only what the shard needs (not the whole
 * state, which would be copied into every task's checkpoint write); none left goes on to collect.
 */
export function toShards(kind: FanOut) {
  const n = FAN_OUT_NODES[kind];
  return (s: CycleStateType) => {
    const done = s[n.channel] as Record<string, unknown>;
    const todo = s.shards.filter((sh) => done[sh.index] === undefined);
    if (todo.length === 0) return n.collect;
    return todo.map((shard) => new Send(n.shard, { tenant: s.tenant, period: s.period, shard }));
  };
}

const queues = new WeakMap<object, Promise<unknown>>();

/**
 * Runs a shard's work after the previous shard's on the same database has ended: in process,
 * work on one SQLite file gains nothing from interleaving, and a shard that has finished has
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

/** (4b, 5b, 7b) One shard's work (once per shard by Send; a finished shard is not run again on resume). */
export function shardNode(kind: FanOut, deps: CycleDeps) {
  return async (s: CycleStateType): Promise<CycleUpdate> => {
    const shard = s.shard!;
    return oneAtATime(deps.ctx.store, async () => {
      deps.onStep?.(FAN_OUT_NODES[kind].shard);
      const r = await runShardWork(kind, deps.ctx.store, shardJob(deps, s.period, shard));
      return { [FAN_OUT_NODES[kind].channel]: { [shard.index]: r } };
    });
  };
}

/** What a shard's work needs, in process or in a worker's child job. */
export function shardJob(deps: CycleDeps, period: string, shard: Shard) {
  return { ...shard, tenant: deps.ctx.tenant, period, issueDate: deps.options.issueDate, folder: documentsFolder(deps, period) };
}

const results = <T>(s: CycleStateType, channel: Record<string, T>) => s.shards.map((sh) => channel[sh.index]).filter((r): r is T => r !== undefined);
const total = <T>(rs: T[], k: keyof T) => rs.reduce((n, r) => n + (r[k] as number), 0);

/** (4c) The bill run's figures, from its shards (run in process or by the worker's child jobs). */
export function collectBill(deps: CycleDeps) {
  return step('bill', deps, async (s) => {
    const rs = results(s, s.shardResults);
    const failed = rs.flatMap((r) => r.failed);
    return {
      counts: {
        shards: s.shards.length,
        accounts: total(rs, 'accounts'),
        created: total(rs, 'created'),
        issued: total(rs, 'issued'),
        held: total(rs, 'held'),
        alreadyPresent: total(rs, 'alreadyPresent'),
        nothingToBill: total(rs, 'nothingToBill'),
        failed: failed.length,
        shardMs: total(rs, 'ms'),
      },
      money: mergeSums(rs.map((r) => r.money)),
      notes: failed.slice(0, 20).map((f) => `${f.accountId}: [${f.code}] ${f.message}`),
      ms: fanOutMs(s, 'bill'),
    };
  });
}

/** (5c) The audit's figures and its first findings, from its shards. */
export function collectAudit(deps: CycleDeps) {
  return step('audit', deps, async (s) => {
    const rs = results(s, s.auditResults);
    const counts = Object.fromEntries((['invoices', 'invariantViolations', 'billShocks', 'complianceFindings', 'complianceErrors'] as const).map((k) => [k, total(rs, k)]));
    return {
      counts: { ...counts, shardMs: total(rs, 'ms') },
      money: mergeSums(rs.map((r) => r.money)),
      notes: [],
      update: { findings: rs.flatMap((r) => r.findings).slice(0, 500) },
      ms: fanOutMs(s, 'audit'),
    };
  });
}

/** (7c) The documents' figures, from their shards. */
export function collectDocuments(deps: CycleDeps) {
  return step('documents', deps, async (s) => {
    const rs = results(s, s.documentResults);
    return {
      counts: { invoices: total(rs, 'invoices'), written: total(rs, 'written'), skipped: total(rs, 'skipped'), shardMs: total(rs, 'ms') },
      money: mergeSums(rs.map((r) => r.money)),
      notes: [documentsFolder(deps, s.period)],
      ms: fanOutMs(s, 'documents'),
    };
  });
}

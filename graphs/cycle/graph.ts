import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';
import { END, START, StateGraph } from '@langchain/langgraph';
import { finishCycleRun, getCycleRun, listProposals, listTenantInvoices, startCycleRun, type CycleRun } from '../../db/index.ts';
import { CYCLE_STEPS, cycleReportSchema, sumByCurrency, wholeMs, type CycleReport } from '../../tools/cycle/index.ts';
import { toBillingError } from '../../tools/errors.ts';
import { createCheckpointer } from '../checkpointer.ts';
import { categorise, closeUsage, rate, type CycleDeps } from './nodes.ts';
import { holdFlagged } from './review-nodes.ts';
import { planAccountShards } from './run-shard.ts';
import { collectAudit, collectBill, collectDocuments, FAN_OUT_NODES, FAN_OUT_STOPS, fanOutAt, planFanOut, shardNode, toShards } from './shard-nodes.ts';
import { CycleState, type CycleStateType, type CycleUpdate, type FanOut, type Shard } from './state.ts';

/** The billing cycle of one tenant and period, checkpointed after every step on the database's own file. */
export function buildCycleGraph(deps: CycleDeps) {
  const n = FAN_OUT_NODES;
  return new StateGraph(CycleState)
    .addNode('close_usage', closeUsage(deps))
    .addNode('rate', rate(deps))
    .addNode('categorise', categorise(deps))
    .addNode(n.bill.plan, planFanOut('bill', deps))
    .addNode(n.bill.shard, shardNode('bill', deps))
    .addNode(n.bill.collect, collectBill(deps))
    .addNode(n.audit.plan, planFanOut('audit', deps))
    .addNode(n.audit.shard, shardNode('audit', deps))
    .addNode(n.audit.collect, collectAudit(deps))
    .addNode('hold', holdFlagged(deps))
    .addNode(n.documents.plan, planFanOut('documents', deps))
    .addNode(n.documents.shard, shardNode('documents', deps))
    .addNode(n.documents.collect, collectDocuments(deps))
    .addEdge(START, 'close_usage')
    .addEdge('close_usage', 'rate')
    .addEdge('rate', 'categorise')
    .addEdge('categorise', n.bill.plan)
    .addConditionalEdges(n.bill.plan, toShards('bill'), [n.bill.shard, n.bill.collect])
    .addEdge(n.bill.shard, n.bill.collect)
    .addEdge(n.bill.collect, n.audit.plan)
    .addConditionalEdges(n.audit.plan, toShards('audit'), [n.audit.shard, n.audit.collect])
    .addEdge(n.audit.shard, n.audit.collect)
    .addEdge(n.audit.collect, 'hold')
    .addEdge('hold', n.documents.plan)
    .addConditionalEdges(n.documents.plan, toShards('documents'), [n.documents.shard, n.documents.collect])
    .addEdge(n.documents.shard, n.documents.collect)
    .addEdge(n.documents.collect, END)
    .compile({ checkpointer: createCheckpointer(deps.ctx.store) });
}

/** The thread of a tenant's cycle for a period. */
export function cycleThreadId(tenant: string, period: string): string {
  return `cycle:${tenant}:${period}`;
}

/**
 * How a run advances. In process (the default) the graph runs its shards itself, by Send. With
 * `fanOut: 'external'` (the worker) it stops before each fan-out and says which shards to hand out;
 * the next call brings the shards' results back (`results`) and the cycle goes on from there.
 */
export interface CycleAdvance {
  fanOut?: 'in-process' | 'external';
  /** A fan-out's shards (the plan the worker handed out) and their results by shard index. */
  results?: { kind: FanOut; shards: Shard[]; startedAt: number; byShard: Record<string, unknown> };
}

/** Where a run stopped: done (its report), or before a fan-out with the shards to run. */
export type CycleOutcome = { status: 'finished'; run: CycleRun; report: CycleReport; resumed: boolean } | { status: 'fan_out'; kind: FanOut; shards: Shard[] };

/**
 * Runs (or resumes) the billing cycle of the context's tenant for a period. A thread stopped
 * mid-way goes on from its last checkpoint (steps done are not redone); a finished one runs again
 * from the top, and since every step is idempotent that creates nothing new. Returns the report
 * and records it in cycle_runs; a failure is recorded and thrown.
 */
export async function runCycle(deps: CycleDeps, period: string): Promise<{ run: CycleRun; report: CycleReport; resumed: boolean }> {
  const out = await advanceCycle(deps, period);
  if (out.status !== 'finished') throw new Error('an in-process cycle does not stop at a fan-out');
  return out;
}

/** One advance of a cycle's thread (see CycleAdvance): to its end, or to its next fan-out. */
export async function advanceCycle(deps: CycleDeps, period: string, how: CycleAdvance = {}): Promise<CycleOutcome> {
  const { store, tenant, clock } = deps.ctx;
  const threadId = cycleThreadId(tenant, period);
  const t0 = performance.now();
  // A graph of its own even when a chat or a job calls it (see graphs/approval topLevel).
  return AsyncLocalStorageProviderSingleton.getInstance().run(undefined, async () => {
    const graph = buildCycleGraph(deps);
    const config = { configurable: { thread_id: threadId }, recursionLimit: 50 };
    const before = await graph.getState(config);
    const stoppedAt = before.next.map(fanOutAt).find((k) => k !== undefined);
    const resumed = before.next.length > 0;
    const external = how.fanOut === 'external';
    const shardsOf = (kind: FanOut, s: CycleStateType) => (kind === 'bill' ? planAccountShards(store, tenant, deps.options.shardSize ?? 500) : s.shards);
    // A fan-out already handed out, met again by a retried job (its worker died before the job was
    // done), a repeated tick, or a stage handing back an earlier fan-out's results: it is named again,
    // never run here in process beside its shards (resuming would run the stopped-before node).
    if (external && stoppedAt && how.results?.kind !== stoppedAt) return { status: 'fan_out', kind: stoppedAt, shards: shardsOf(stoppedAt, before.values) };
    // A new run, or a thread stopped by a crash (not one handing back its shards), counts as a run.
    if (!how.results) startCycleRun(store, { tenant, period, threadId, at: clock.now().toISOString() });
    try {
      if (how.results && stoppedAt === how.results.kind) {
        const r = how.results;
        const update = { shards: r.shards, [FAN_OUT_NODES[r.kind].channel]: r.byShard, fanOutStartedAt: { [r.kind]: r.startedAt } } as CycleUpdate;
        // As if the planning node had run and its shards were done: the graph goes on to collect them.
        await graph.updateState(config, update, FAN_OUT_NODES[r.kind].plan);
      }
      const input = resumed || how.results ? null : { tenant, period, shardResults: {}, auditResults: {}, documentResults: {}, fanOutStartedAt: {}, proposalIds: {} };
      const final = (await graph.invoke(input, { ...config, ...(external ? { interruptBefore: FAN_OUT_STOPS } : {}) })) as CycleStateType;
      const after = await graph.getState(config);
      const kind = after.next.map(fanOutAt).find((k) => k !== undefined);
      // The bill run's shards are planned now; the audit and the documents use the same ones.
      if (external && kind) return { status: 'fan_out', kind, shards: shardsOf(kind, final) };
      const started = getCycleRun(store, tenant, period)?.startedAt;
      // An external run's time is from its start, over every stage and every job that ran it.
      const totalMs = external && started ? Math.max(0, clock.now().getTime() - Date.parse(started)) : performance.now() - t0;
      const report = cycleReport(deps, final, threadId, wholeMs(totalMs));
      return { status: 'finished', run: finishCycleRun(store, tenant, period, { at: clock.now().toISOString(), report }), report, resumed };
    } catch (err) {
      finishCycleRun(store, tenant, period, { at: clock.now().toISOString(), error: toBillingError(err).message });
      throw err;
    }
  });
}

/** (8) The cycle report: each step's counts, money and time; what is held and why; what waits; model use. */
function cycleReport(deps: CycleDeps, s: CycleStateType, threadId: string, totalMs: number): CycleReport {
  const { store, tenant } = deps.ctx;
  const invoices = listTenantInvoices(store, tenant, { period: s.period, kind: 'invoice', limit: 1_000_000_000 });
  const mine = new Set(Object.values(s.proposalIds).flat());
  const waiting = listProposals(store, tenant, { status: ['pending'], limit: 10_000 })
    .filter((p) => mine.has(p.id))
    .map((p) => ({ proposalId: p.id, kind: p.kind, summary: p.summary }));
  const c = s.steps.categorise?.counts ?? {};
  return cycleReportSchema.parse({
    tenant,
    period: s.period,
    threadId,
    status: waiting.length > 0 ? 'waiting' : 'done',
    steps: CYCLE_STEPS.map((name) => s.steps[name]).filter((r) => r !== undefined),
    invoices: { issued: sumByCurrency(invoices.filter((i) => i.status !== 'held' && i.status !== 'void')), held: sumByCurrency(invoices.filter((i) => i.status === 'held')) },
    held: s.held,
    findings: s.findings,
    waiting,
    model: { calls: c.modelCalls ?? 0, promptTokens: c.promptTokens ?? 0, completionTokens: c.completionTokens ?? 0, totalTokens: c.totalTokens ?? 0 },
    totalMs,
  });
}

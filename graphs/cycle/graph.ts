import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';
import { END, START, StateGraph } from '@langchain/langgraph';
import { finishCycleRun, getCycleRun, listProposals, listTenantInvoices, startCycleRun, type CycleRun } from '../../db/index.ts';
import { CYCLE_STEPS, cycleReportSchema, sumByCurrency, wholeMs, type CycleReport } from '../../tools/cycle/index.ts';
import { toBillingError } from '../../tools/errors.ts';
import { createCheckpointer } from '../checkpointer.ts';
import { categorise, closeUsage, rate, type CycleDeps } from './nodes.ts';
import { audit, holdFlagged } from './review-nodes.ts';
import { planAccountShards } from './run-shard.ts';
import { billShard, collectBill, collectDocuments, documentShard, FAN_OUT_NODES, planDocuments, planShards, toBillShards, toDocumentShards } from './shard-nodes.ts';
import { CycleState, type CycleStateType, type CycleUpdate, type FanOut, type Shard } from './state.ts';

/** The billing cycle of one tenant and period, checkpointed after every step on the database's own file. */
export function buildCycleGraph(deps: CycleDeps) {
  return new StateGraph(CycleState)
    .addNode('close_usage', closeUsage(deps))
    .addNode('rate', rate(deps))
    .addNode('categorise', categorise(deps))
    .addNode('plan_shards', planShards(deps))
    .addNode('bill_shard', billShard(deps))
    .addNode('bill', collectBill(deps))
    .addNode('audit', audit(deps))
    .addNode('hold', holdFlagged(deps))
    .addNode('plan_documents', planDocuments(deps))
    .addNode('document_shard', documentShard(deps))
    .addNode('documents', collectDocuments(deps))
    .addEdge(START, 'close_usage')
    .addEdge('close_usage', 'rate')
    .addEdge('rate', 'categorise')
    .addEdge('categorise', 'plan_shards')
    .addConditionalEdges('plan_shards', toBillShards, ['bill_shard', 'bill'])
    .addEdge('bill_shard', 'bill')
    .addEdge('bill', 'audit')
    .addEdge('audit', 'hold')
    .addEdge('hold', 'plan_documents')
    .addConditionalEdges('plan_documents', toDocumentShards, ['document_shard', 'documents'])
    .addEdge('document_shard', 'documents')
    .addEdge('documents', END)
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
  results?: { kind: 'bill'; shards: Shard[]; startedAt: number; byShard: CycleStateType['shardResults'] } | { kind: 'documents'; startedAt: number; byShard: CycleStateType['documentResults'] };
}

/** Where a run stopped: done (its report), or before a fan-out with the shards to run. */
export type CycleOutcome = { status: 'finished'; run: CycleRun; report: CycleReport; resumed: boolean } | { status: 'fan_out'; kind: FanOut; shards: Shard[] };

const STOPS = Object.values(FAN_OUT_NODES);

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
    const stoppedAt = before.next.find((n) => STOPS.includes(n as (typeof STOPS)[number]));
    const resumed = before.next.length > 0;
    // A new run, or a thread stopped by a crash (not one handing back its shards), counts as a run.
    if (!how.results) startCycleRun(store, { tenant, period, threadId, at: clock.now().toISOString() });
    try {
      if (how.results && stoppedAt === FAN_OUT_NODES[how.results.kind]) {
        const r = how.results;
        const update: CycleUpdate =
          r.kind === 'bill' ? { shards: r.shards, shardResults: r.byShard, fanOutStartedAt: { bill: r.startedAt } } : { documentResults: r.byShard, fanOutStartedAt: { documents: r.startedAt } };
        // As if the planning node had run and its shards were done: the graph goes on to collect them.
        await graph.updateState(config, update, FAN_OUT_NODES[r.kind]);
      }
      const input = resumed || how.results ? null : { tenant, period, shardResults: {}, documentResults: {}, fanOutStartedAt: {}, proposalIds: {} };
      const external = how.fanOut === 'external';
      const final = (await graph.invoke(input, { ...config, ...(external ? { interruptBefore: [...STOPS] } : {}) })) as CycleStateType;
      const after = await graph.getState(config);
      const next = after.next.find((n) => STOPS.includes(n as (typeof STOPS)[number]));
      if (external && next) {
        const kind = next === FAN_OUT_NODES.bill ? 'bill' : 'documents';
        // The bill run's shards are planned now; the documents use the same ones.
        const shards = kind === 'bill' ? planAccountShards(store, tenant, deps.options.shardSize ?? 500) : final.shards;
        return { status: 'fan_out', kind, shards };
      }
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

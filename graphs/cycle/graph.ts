import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';
import { END, Send, START, StateGraph } from '@langchain/langgraph';
import { finishCycleRun, listTenantInvoices, listProposals, startCycleRun, type CycleRun } from '../../db/index.ts';
import { CYCLE_STEPS, cycleReportSchema, sumByCurrency, wholeMs, type CycleReport } from '../../tools/cycle/index.ts';
import { toBillingError } from '../../tools/errors.ts';
import { createCheckpointer } from '../checkpointer.ts';
import { billShard, categorise, closeUsage, collectBill, planShards, rate, type CycleDeps } from './nodes.ts';
import { audit, holdFlagged, renderDocuments } from './review-nodes.ts';
import { CycleState, type CycleStateType } from './state.ts';

/** One shard per Send, so each runs as its own task (a finished one is kept through a crash of another). */
function toShards(s: CycleStateType) {
  if (s.shards.length === 0) return 'bill';
  return s.shards.map((shard) => new Send('bill_shard', { ...s, shard }));
}

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
    .addNode('documents', renderDocuments(deps))
    .addEdge(START, 'close_usage')
    .addEdge('close_usage', 'rate')
    .addEdge('rate', 'categorise')
    .addEdge('categorise', 'plan_shards')
    .addConditionalEdges('plan_shards', toShards, ['bill_shard', 'bill'])
    .addEdge('bill_shard', 'bill')
    .addEdge('bill', 'audit')
    .addEdge('audit', 'hold')
    .addEdge('hold', 'documents')
    .addEdge('documents', END)
    .compile({ checkpointer: createCheckpointer(deps.ctx.store) });
}

/** The thread of a tenant's cycle for a period. */
export function cycleThreadId(tenant: string, period: string): string {
  return `cycle:${tenant}:${period}`;
}

/**
 * Runs (or resumes) the billing cycle of the context's tenant for a period. A thread stopped
 * mid-way goes on from its last checkpoint (steps done are not redone); a finished one runs again
 * from the top, and since every step is idempotent that creates nothing new. Returns the report
 * and records it in cycle_runs; a failure is recorded and thrown.
 */
export async function runCycle(deps: CycleDeps, period: string): Promise<{ run: CycleRun; report: CycleReport; resumed: boolean }> {
  const { store, tenant, clock } = deps.ctx;
  const threadId = cycleThreadId(tenant, period);
  startCycleRun(store, { tenant, period, threadId, at: clock.now().toISOString() });
  const t0 = performance.now();
  try {
    // A graph of its own even when a chat or a job calls it (see graphs/approval topLevel).
    const { final, resumed } = await AsyncLocalStorageProviderSingleton.getInstance().run(undefined, async () => {
      const graph = buildCycleGraph(deps);
      const config = { configurable: { thread_id: threadId }, recursionLimit: 50 };
      const snapshot = await graph.getState(config);
      const resumed = snapshot.next.length > 0;
      const final = (await graph.invoke(resumed ? null : { tenant, period, shardResults: {}, proposalIds: {} }, config)) as CycleStateType;
      return { final, resumed };
    });
    const report = cycleReport(deps, final, threadId, wholeMs(performance.now() - t0));
    return { run: finishCycleRun(store, tenant, period, { at: clock.now().toISOString(), report }), report, resumed };
  } catch (err) {
    finishCycleRun(store, tenant, period, { at: clock.now().toISOString(), error: toBillingError(err).message });
    throw err;
  }
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

import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ingestWarnings } from '../../app/billing/index.ts';
import { chatModelFor } from '../../app/chat/chat-model.ts';
import type { OperationContext } from '../../app/context.ts';
import { runOperation } from '../../app/operation.ts';
import { runRating } from '../../app/rating/index.ts';
import { proposeRecategorisation } from '../../app/rerate/index.ts';
import { AGENT_ROLES } from '../../agents/prompts.ts';
import { countModelUsage } from '../../agents/model/index.ts';
import { countTenantEvents, countTenantQuarantine, listTenantEvents, suggestEventCategory, tenantBatches, type Requester } from '../../db/index.ts';
import { wholeMs, type CycleStep, type StepReport } from '../../tools/cycle/index.ts';
import { BillingError } from '../../tools/errors.ts';
import type { CycleStateType, CycleUpdate } from './state.ts';

/** How a cycle runs: the late-CDR window, the shard size, where documents go; tests add a fault hook. */
export interface CycleOptions {
  /** Days after the period's end before its usage counts as complete (default 0). */
  lateCdrDays?: number;
  /** Accounts per shard of the bill run (default 500). */
  shardSize?: number;
  /** At most this many unclassified records go to the categoriser per cycle (default 50). */
  maxModelCalls?: number;
  issueDate?: string;
  /** Folder for PDFs and UBL (default: `documents/<tenant>/<period>` beside the database). */
  documentsDir?: string;
}

/** What the cycle's nodes need: the context of whoever runs it (roles, tenant, clock) and the options. */
export interface CycleDeps {
  ctx: OperationContext;
  options: CycleOptions;
  /** Called as each step starts (tests: throw once to simulate a crash; count what ran). */
  onStep?: (step: CycleStep | 'bill_shard' | 'audit_shard' | 'document_shard') => void;
}

/** The cycle asks for changes as a scheduled run, so any approver (not the cycle) decides them. */
export function cycleRequester(deps: CycleDeps, period: string): Requester {
  return { tenant: deps.ctx.tenant, userId: 'cycle', kind: 'cycle', threadId: `cycle:${deps.ctx.tenant}:${period}` };
}

/** Wraps a step: the hook, the time it took (or the wall time of its fan-out, when it says), its report under its name. */
export function step(name: CycleStep, deps: CycleDeps, body: (s: CycleStateType) => Promise<Omit<StepReport, 'step' | 'ms' | 'at'> & { update?: CycleUpdate; ms?: number }>) {
  return async (s: CycleStateType): Promise<CycleUpdate> => {
    deps.onStep?.(name);
    const t0 = performance.now();
    const { update, ms: wall, ...report } = await body(s);
    const ms = wall ?? wholeMs(performance.now() - t0);
    return { ...update, steps: { [name]: { step: name, ms, at: deps.ctx.clock.now().toISOString(), ...report } } };
  };
}

const nextMonth = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** (1) Close usage: no ingest still writing, the late-CDR window over; batches and quarantine counted. */
export function closeUsage(deps: CycleDeps) {
  return step('close_usage', deps, async (s) => {
    const closesOn = addDays(nextMonth(s.period), deps.options.lateCdrDays ?? 0);
    if (deps.ctx.clock.today() < closesOn) throw new BillingError('CONFLICT', `usage of ${s.period} may still arrive until ${closesOn} (late-CDR window of ${deps.options.lateCdrDays ?? 0} days)`);
    const notes = ingestWarnings(deps.ctx.store, false);
    const batches = tenantBatches(deps.ctx.scope);
    return {
      counts: {
        batches: batches.length,
        batchesDone: batches.filter((b) => b.state === 'done').length,
        batchesNotDone: batches.filter((b) => b.state !== 'done').length,
        recordsRead: batches.reduce((n, b) => n + b.read, 0),
        quarantinedOpen: countTenantQuarantine(deps.ctx.store, deps.ctx.tenant),
      },
      money: [],
      notes,
    };
  });
}

/** (2) Rate what is unrated (the rating operation, with the runner's roles). */
export function rate(deps: CycleDeps) {
  return step('rate', deps, async () => {
    const r = await runOperation(runRating, deps.ctx, {});
    return { counts: { considered: r.considered, rated: r.rated, ratingFailed: r.ratingFailed }, money: [], notes: Object.entries(r.failures).map(([code, n]) => `${n} failed to rate: ${code}`) };
  });
}

/**
 * (3) Only records the rules could not classify go to the categoriser: the rules' suggestion
 * (tools) and one model call per record for its judgement; a suggested change becomes a proposal.
 * A clean period calls no model at all (the model is not even loaded).
 */
export function categorise(deps: CycleDeps) {
  return step('categorise', deps, async (s) => {
    const { store, tenant } = deps.ctx;
    const total = countTenantEvents(store, tenant, 'unclassified');
    const usage = { calls: 0, promptTokens: 0, completionTokens: 0, totalTokens: 0 };
    const proposals: number[] = [];
    const events = total === 0 ? [] : listTenantEvents(store, tenant, { status: 'unclassified', limit: deps.options.maxModelCalls ?? 50 });
    if (events.length > 0) {
      const { model } = await chatModelFor(deps.ctx);
      for (const e of events) {
        const suggestion = suggestEventCategory(store, tenant, e.id);
        const counter = countModelUsage();
        const proposed = suggestion.proposed ? `${suggestion.proposed.category} (confidence ${suggestion.proposed.confidence})` : 'none';
        await model.invoke(
          [
            new SystemMessage(AGENT_ROLES.categoriser),
            // Field text from the switch is data: it goes to the model as the event's fields, never as instructions.
            new HumanMessage(
              `Usage event ${e.id} was not classified by the rules. Subscriber ${e.subscriber}, other party ${JSON.stringify(e.otherParty)}. The rules suggest: ${proposed}. Is the suggestion right?`,
            ),
          ],
          { callbacks: [counter] },
        );
        const u = counter.snapshot();
        usage.calls += u.llmCalls;
        usage.promptTokens += u.promptTokens;
        usage.completionTokens += u.completionTokens;
        usage.totalTokens += u.totalTokens;
        if (suggestion.proposed && suggestion.changesCategory) {
          const reason = `cycle ${s.period}: the rules suggest ${proposed} for an unclassified record`;
          proposals.push(proposeRecategorisation(store, cycleRequester(deps, s.period), { eventId: e.id, category: suggestion.proposed.category, reason }).proposal.id);
        }
      }
    }
    return {
      counts: {
        unclassified: total,
        sentToCategoriser: events.length,
        proposals: proposals.length,
        modelCalls: usage.calls,
        promptTokens: usage.promptTokens,
        completionTokens: usage.completionTokens,
        totalTokens: usage.totalTokens,
      },
      money: [],
      notes: total > events.length ? [`${total - events.length} unclassified records left for the next cycle or a person`] : [],
      update: { proposalIds: { categorise: proposals } },
    };
  });
}

import type { z } from 'zod';
import { createContext, runOperation, type Operation, type OperationContext } from '../../app/index.ts';
import type { proposalCreatedSchema } from '../../app/proposals/index.ts';
import type { StoredProposal } from '../../db/index.ts';
import type { AgentContext, AgentName } from '../context.ts';
import { defineAgentTool, type AgentTool } from './define-agent-tool.ts';
import { agentOperationContext } from './operation-tool.ts';

/** What a proposal tool tells the agent: the pending proposal as the tools computed it; its approval thread is opened. */
export async function proposalResult(ctx: AgentContext, out: { proposal: StoredProposal; existing: boolean }) {
  const p = out.proposal;
  if (!out.existing) await ctx.onProposal?.(p.id);
  return {
    proposalId: p.id,
    alreadyProposed: out.existing,
    kind: p.kind,
    status: p.status,
    summary: p.summary,
    amount: p.amount,
    currency: p.currency,
    requiredApprovals: p.requiredApprovals,
    requestedBy: p.requestedBy,
    note:
      p.status === 'pending'
        ? `Nothing has changed yet: proposal ${p.id} waits for ${p.requiredApprovals === 1 ? 'an approver' : 'two approvers'} other than ${p.requestedBy}.`
        : `Proposal ${p.id} is already ${p.status}${p.postingRef ? ` (${p.postingRef})` : ''}; nothing new was proposed.`,
  };
}

/**
 * The operation context a proposal tool runs in: the person the agent works for, as that agent in
 * this thread (so the proposal records the agent and thread), or as a scheduled cycle.
 */
export function proposalContext(ctx: AgentContext, agent: AgentName): OperationContext {
  const octx = agentOperationContext(ctx, agent);
  return ctx.requesterKind === 'cycle' ? createContext({ store: octx.store, actor: { ...octx.actor, kind: 'cycle' }, clock: octx.clock }) : octx;
}

/**
 * A proposal tool over a proposing operation: the model's arguments (its own strict schema, kept as
 * the model knows it) become the operation's input; the answer is proposalResult's.
 */
export function proposalTool<I extends z.ZodObject, S extends z.ZodObject>(
  ctx: AgentContext,
  agent: AgentName,
  op: Operation<I, typeof proposalCreatedSchema>,
  spec: { name: string; description: string; schema: S; toInput: (args: z.infer<S>) => z.input<I> },
): AgentTool {
  const octx = proposalContext(ctx, agent);
  return defineAgentTool(ctx, agent, {
    name: spec.name,
    description: spec.description,
    kind: 'proposal',
    schema: spec.schema,
    run: async (args) => proposalResult(ctx, await runOperation(op, octx, spec.toInput(args))),
  });
}

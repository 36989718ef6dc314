import type { Requester, StoredProposal } from '../../db/index.ts';
import type { AgentContext, AgentName } from '../context.ts';

/** The requester of a proposal an agent makes: the analyst it works for, from the run's context. */
export function requesterFor(ctx: AgentContext, agent: AgentName): Requester {
  return { tenant: ctx.user.tenant, userId: ctx.user.id, kind: ctx.requesterKind === 'cycle' ? 'cycle' : 'agent', agent, threadId: ctx.threadId };
}

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

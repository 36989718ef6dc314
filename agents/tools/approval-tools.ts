import { z } from 'zod';
import { runOperation } from '../../app/index.ts';
import { decideProposal, listProposals, showProposal } from '../../app/proposals/index.ts';
import type { StoredProposal } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import type { AgentContext } from '../context.ts';
import { defineAgentTool, type AgentTool } from './define-agent-tool.ts';
import { agentOperationContext } from './operation-tool.ts';
import { accountId, amount, invoiceRef, proposalId, reason } from './tool-args.types.ts';

/**
 * A decision in chat counts only when the analyst's own message this turn states it: the verb and
 * the proposal's number. A model (or text it read in a CDR or a note) cannot approve on its own.
 */
function statedInUtterance(utterance: string, decision: 'approve' | 'reject', id: number): boolean {
  const verb = decision === 'approve' ? /\b(approve|approved|approving|accept)\b/i : /\b(reject|rejected|rejecting|decline|refuse)\b/i;
  const other = decision === 'approve' ? /\b(reject|decline|refuse)\b/i : /\b(approve|accept)\b/i;
  return verb.test(utterance) && !other.test(utterance) && new RegExp(`(^|[^\\d])${id}([^\\d]|$)`).test(utterance);
}

function view(p: StoredProposal) {
  return {
    id: p.id,
    kind: p.kind,
    status: p.status,
    accountId: p.accountId,
    invoiceId: p.invoiceId,
    summary: p.summary,
    amount: p.amount,
    currency: p.currency,
    requestedBy: p.requestedBy,
    agent: p.agent,
    reason: p.reason,
    requiredApprovals: p.requiredApprovals,
    createdAt: p.createdAt,
    postingRef: p.postingRef,
    decisions: p.decisions.map((d) => ({ by: d.decidedBy, decision: d.decision, reason: d.reason, amount: d.editedAmount, at: d.decidedAt, counted: d.verified })),
  };
}

/** The supervisor's own tools: proposals waiting for approval, and the analyst's decision on one. */
export function approvalTools(ctx: AgentContext): AgentTool[] {
  const octx = agentOperationContext(ctx, 'supervisor');
  return [
    defineAgentTool(ctx, 'supervisor', {
      name: 'list_proposals',
      kind: 'read',
      description:
        'Proposals of this operator: pending ones by default, with what each would do and who asked; optionally only those about one invoice or one account (e.g. "did we already waive the fee on INV-000010?").',
      schema: z
        .object({
          status: z.enum(['pending', 'approved', 'rejected', 'posted', 'all']).default('pending'),
          invoice: invoiceRef.optional(),
          accountId: accountId.optional(),
          limit: z.number().int().min(1).max(50).default(20),
        })
        .strict(),
      run: async ({ status, invoice, accountId: a, limit }) => {
        const out = await runOperation(listProposals, octx, { status: status === 'all' ? undefined : status, invoice, accountId: a, limit });
        return out.proposals.map(view);
      },
    }),
    defineAgentTool(ctx, 'supervisor', {
      name: 'show_proposal',
      kind: 'read',
      description: 'One proposal in full: what the tools computed, who asked, the decisions so far, what posting produced.',
      schema: z.object({ proposalId }).strict(),
      run: async ({ proposalId: id }) => {
        const p = await runOperation(showProposal, octx, { proposalId: id });
        return { ...view(p), payload: p.payload };
      },
    }),
    defineAgentTool(ctx, 'supervisor', {
      name: 'decide_proposal',
      kind: 'decision',
      description: "Record the analyst's own approval or rejection of a proposal, exactly as they stated it in their message (four-eyes rules apply: never the requester, approvers only).",
      schema: z.object({ proposalId, decision: z.enum(['approve', 'reject']), reason, amount: amount.optional().describe('a lower amount, when the analyst approves less') }).strict(),
      run: async ({ proposalId: id, decision, reason: why, amount: a }) => {
        if (!ctx.decide) throw new BillingError('FORBIDDEN', 'decisions are not taken in this kind of run');
        if (!statedInUtterance(ctx.utterance, decision, id)) {
          throw new BillingError('FORBIDDEN', `a decision is taken only when the analyst states it: say "${decision} ${id}" yourself`);
        }
        // The operation decides as the person this chat acts for (four eyes, audited) and posts when enough approved.
        return view(await runOperation(decideProposal, octx, { proposalId: id, decision, reason: why, amount: a }));
      },
    }),
  ];
}

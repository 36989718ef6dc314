import { approvalResponseSchema, storedProposalSchema } from '../../tools/approval/index.ts';
import { proposalIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { approverOf } from './requester.ts';

/**
 * Approves or rejects a proposal as the context's actor, through the proposal's approval graph:
 * the four-eyes rules (not the requester, each person once, a second approver above the policy
 * amount, an amount only lowered) are applied and audited there, and the proposal is posted once
 * enough people approved. The decider is never part of the input. Any staff member reaches the
 * rules: the approver role is one of them, so a refusal for want of it is audited like the others.
 */
export const decideProposal = defineOperation({
  name: 'proposals.decide',
  summary: 'Decide on a proposal',
  effect: 'decide',
  roles: ['analyst', 'approver', 'admin'],
  input: approvalResponseSchema.extend({ proposalId: proposalIdSchema }).strict(),
  output: storedProposalSchema,
  handler: async (ctx, { proposalId, ...response }) => {
    // LangGraph loads only when someone decides: reads and proposals start without it.
    const { decideProposal: runApproval } = await import('../../graphs/approval/graph.ts');
    return runApproval({ store: ctx.store, tenant: ctx.tenant, actor: approverOf(ctx), today: ctx.clock.today() }, proposalId, response);
  },
});

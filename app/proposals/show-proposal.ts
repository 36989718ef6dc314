import { z } from 'zod';
import { getProposal } from '../../db/index.ts';
import { storedProposalSchema } from '../../tools/approval/index.ts';
import { proposalIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** One proposal of the tenant: what the tools computed, who asked, the decisions, what posting produced. */
export const showProposal = defineOperation({
  name: 'proposals.show',
  summary: 'Show a proposal',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ proposalId: proposalIdSchema }).strict(),
  output: storedProposalSchema,
  handler: (ctx, { proposalId }) => getProposal(ctx.store, ctx.tenant, proposalId),
});

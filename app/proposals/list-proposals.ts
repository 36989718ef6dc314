import { z } from 'zod';
import { listProposals as storedProposals } from '../../db/index.ts';
import { proposalKindSchema, proposalStatusSchema, storedProposalSchema } from '../../tools/approval/index.ts';
import { accountIdSchema, invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** The tenant's proposals, newest first, filtered by status, kind, account or invoice. */
export const listProposals = defineOperation({
  name: 'proposals.list',
  summary: 'List proposals',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      status: proposalStatusSchema.optional().describe('one status (all when absent)'),
      kind: proposalKindSchema.optional(),
      accountId: accountIdSchema.optional().describe('one account'),
      invoice: invoiceNumberSchema.optional().describe('proposals about one invoice (number, or id of a held one)'),
      limit: z.number().int().min(1).max(500).default(100),
    })
    .strict(),
  output: z.object({ proposals: z.array(storedProposalSchema) }),
  handler: (ctx, { status, kind, accountId, invoice, limit }) => {
    // Named targets are tenant-checked: another tenant's invoice or account is NOT_FOUND, like a missing one.
    const invoiceId = invoice === undefined ? undefined : ctx.scope.invoice(invoice).id;
    if (accountId !== undefined) ctx.scope.account(accountId);
    const proposals = storedProposals(ctx.store, ctx.tenant, { status: status ? [status] : undefined, kind, accountId, invoiceId, limit });
    return { proposals };
  },
});

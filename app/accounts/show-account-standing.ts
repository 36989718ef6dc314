import { z } from 'zod';
import { accountCollections } from '../proposals/index.ts';
import { accountStandingSchema, dunningPlanSchema } from '../../tools/collections/index.ts';
import { accountIdSchema, invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** An account's standing today (named, or the account of an invoice): balances, ageing, open invoices and the dunning steps now due. */
export const showAccountStanding = defineOperation({
  name: 'accounts.standing',
  summary: 'Show the standing of an account',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z
    .object({ accountId: accountIdSchema.optional().describe('account id'), invoice: invoiceNumberSchema.optional().describe('an invoice of the account, when the account is not named') })
    .strict()
    .refine((x) => (x.accountId === undefined) !== (x.invoice === undefined), { message: 'name the account or one of its invoices, not both', path: ['accountId'] }),
  output: z.object({
    accountId: z.string(),
    fromInvoice: z.string().optional(),
    standing: accountStandingSchema,
    dunning: dunningPlanSchema,
    oldestOverdueInvoiceId: z.number().int().nullable(),
  }),
  handler: (ctx, { accountId: named, invoice }) => {
    const accountId = named ?? ctx.scope.invoice(invoice!).accountId;
    ctx.scope.account(accountId);
    return { accountId, ...(invoice ? { fromInvoice: invoice } : {}), ...accountCollections(ctx.store, ctx.tenant, accountId, ctx.clock.today()) };
  },
});

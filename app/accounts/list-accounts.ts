import { z } from 'zod';
import { listScopedAccounts } from '../../db/account-scope.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** A row of an account listing. */
export const accountRowSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  segment: z.string(),
  currency: z.string(),
  billingCycleDay: z.number().int(),
  lines: z.number().int().describe('subscriptions on the account'),
});

/** The tenant's accounts in id order, a page at a time (a customer sees their own). */
export const listAccounts = defineOperation({
  name: 'accounts.list',
  summary: 'List accounts',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z
    .object({
      customerId: accountIdSchema.optional().describe('one customer'),
      search: z.string().trim().min(1).max(100).optional().describe('text in the account id, customer id or customer name (case-insensitive)'),
      after: accountIdSchema.optional().describe('the last account id of the previous page (nextAfter)'),
      limit: z.number().int().min(1).max(500).default(100),
    })
    .strict(),
  output: z.object({ accounts: z.array(accountRowSchema), nextAfter: z.string().nullable().describe('pass as `after` for the next page; null on the last') }),
  handler: (ctx, filter) => {
    const { accounts, more } = listScopedAccounts(ctx.scope, filter);
    return { accounts, nextAfter: more ? accounts[accounts.length - 1]!.id : null };
  },
});

import { z } from 'zod';
import { accountCollections } from '../proposals/index.ts';
import { accountSchema, customerSchema, subscriptionSchema } from '../../tools/catalog/index.ts';
import { accountStandingSchema } from '../../tools/collections/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** An account with its customer, its lines and its standing today (the same standing the collections agent reads). */
export const showAccount = defineOperation({
  name: 'accounts.show',
  summary: 'Show an account',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z.object({ accountId: accountIdSchema.describe('account id') }).strict(),
  output: z.object({
    customer: customerSchema,
    account: accountSchema,
    subscriptions: z.array(subscriptionSchema),
    /** Balance with any credit, open and overdue amounts, ageing buckets and each open receivable, on the operation's day. */
    standing: accountStandingSchema,
  }),
  handler: (ctx, { accountId }) => {
    const bundle = ctx.scope.account(accountId);
    return { ...bundle, standing: accountCollections(ctx.store, ctx.tenant, accountId, ctx.clock.today()).standing };
  },
});

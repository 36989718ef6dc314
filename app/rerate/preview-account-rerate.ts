import { z } from 'zod';
import { accountIdSchema, billingMonthSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { previewRerate } from './rerate-account.ts';
import { rerateResultSchema } from './rerate-result.ts';

/** `rerate.preview`: what re-rating an account's month with the tariff now in effect would do, computed for real and rolled back. */
export const previewAccountRerate = defineOperation({
  name: 'rerate.preview',
  summary: 'Preview a re-rate',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ accountId: accountIdSchema, period: billingMonthSchema }).strict(),
  output: rerateResultSchema,
  handler: (ctx, { accountId, period }) => {
    const { account } = ctx.scope.account(accountId);
    return previewRerate(ctx.store, account.id, period);
  },
});

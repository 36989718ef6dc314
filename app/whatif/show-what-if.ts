import { z } from 'zod';
import { accountIdSchema, billingMonthSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { whatIfAccount } from './what-if-account.ts';

// A scenario carries the comparison the charging tools made (amounts, saving, plan names): kept whole.
const scenarioSchema = z.looseObject({ subscriptionId: z.string(), msisdn: z.string(), planId: z.string(), note: z.string().nullable() });

/** `whatif.plans`: what each line of an account would have paid in a month on other plans (exact, before tax). */
export const showWhatIf = defineOperation({
  name: 'whatif.plans',
  summary: 'Compare plans for an account',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      accountId: accountIdSchema,
      period: billingMonthSchema,
      planId: z
        .string()
        .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a plan id')
        .optional()
        .describe('only this plan'),
    })
    .strict(),
  output: z.object({
    account: z.string(),
    period: billingMonthSchema,
    currency: z.string(),
    scenarios: z.array(scenarioSchema),
    recommended: z.array(z.looseObject({ subscriptionId: z.string(), msisdn: z.string().nullable() })),
    lines: z.array(z.object({ subscriptionId: z.string(), msisdn: z.string() })),
  }),
  handler: (ctx, { accountId, period, planId }) => {
    const { account } = ctx.scope.account(accountId);
    return whatIfAccount(ctx.store, account.id, period, planId);
  },
});

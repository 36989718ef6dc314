import { z } from 'zod';
import { BillingError } from '../../tools/errors.ts';
import { currentPeriodUsageSchema, periodUsageOf } from '../../tools/portal/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { loadAccountForecast } from '../forecast/load-account-forecast.ts';
import { defineOperation } from '../operation.ts';

/**
 * The account's billing period that contains today, so far: per line and allowance what is
 * included, used and left, the usage charged beyond the allowances, and the forecast to the period
 * end (the line's weekday pattern and history; see forecasts.show). A customer sees their own
 * account (the input may name it, nothing else).
 */
export const showCurrentPeriod = defineOperation({
  name: 'portal.current-period',
  summary: 'Show the current billing period so far',
  effect: 'read',
  roles: ['customer', 'analyst', 'approver', 'admin'],
  input: z.object({ accountId: accountIdSchema.optional().describe("the account (a customer's own by default)") }).strict(),
  output: currentPeriodUsageSchema.extend({ notRated: z.number().int().nonnegative().describe('usage events of the period not yet priced (left out above)') }),
  handler: (ctx, input) => {
    const accountId = input.accountId ?? ctx.actor.accountId;
    if (accountId === undefined) throw new BillingError('INVALID_INPUT', 'name the account: accountId');
    // Through the scope: another tenant's account, or a customer's other one, is NOT_FOUND.
    const { account } = ctx.scope.account(accountId);
    const { forecast, notRated } = loadAccountForecast(ctx.store, account.id, account.billingCycleDay, ctx.clock.today());
    return { ...periodUsageOf(forecast), notRated };
  },
});

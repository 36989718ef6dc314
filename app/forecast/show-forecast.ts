import { z } from 'zod';
import { BillingError } from '../../tools/errors.ts';
import { accountForecastSchema, describeForecast } from '../../tools/forecast/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { loadAccountForecast } from './load-account-forecast.ts';

/**
 * `forecasts.show`: per line and allowance of an account, the projected use at the end of the
 * current period (weekday pattern and the line's own history) beside the straight line, and where
 * an allowance is projected to be exceeded, the expected extra charge and a cheaper plan, both by
 * exact charging. A customer sees their own account.
 */
export const showForecast = defineOperation({
  name: 'forecasts.show',
  summary: 'Forecast the use of an account to the period end',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z.object({ accountId: accountIdSchema.optional().describe("the account (a customer's own by default)") }).strict(),
  output: accountForecastSchema.extend({ notRated: z.number().int().nonnegative().describe('usage events of the period not yet priced (left out)') }),
  handler: (ctx, input) => {
    const accountId = input.accountId ?? ctx.actor.accountId;
    if (accountId === undefined) throw new BillingError('INVALID_INPUT', 'name the account: accountId');
    // Through the scope: another tenant's account, or a customer's other one, is NOT_FOUND.
    const { account } = ctx.scope.account(accountId);
    const { forecast, notRated } = loadAccountForecast(ctx.store, account.id, account.billingCycleDay, ctx.clock.today());
    return { ...describeForecast(forecast), notRated };
  },
});

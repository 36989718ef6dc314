import { z } from 'zod';
import { BillingError } from '../../tools/errors.ts';
import { accountIdSchema, billingMonthSchema, invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { proposalCreatedSchema, reasonSchema, requesterOf } from '../proposals/requester.ts';
import { proposeRerate } from './propose-rerate.ts';

/**
 * `rerate.propose`: asks for an account's month to be re-rated with the tariff now in effect (the
 * account and month named, or those of an invoice); the preview shows the notes it would issue.
 */
export const proposeAccountRerate = defineOperation({
  name: 'rerate.propose',
  summary: 'Propose a re-rate',
  effect: 'propose',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      accountId: accountIdSchema.optional(),
      period: billingMonthSchema.optional(),
      invoice: invoiceNumberSchema.optional().describe('an invoice of the account and month, when they are not named'),
      reason: reasonSchema,
    })
    .strict(),
  output: proposalCreatedSchema,
  handler: (ctx, { accountId, period, invoice, reason }) => {
    const inv = invoice !== undefined ? ctx.scope.invoice(invoice) : undefined;
    if (inv ? accountId !== undefined : accountId === undefined || period === undefined) throw new BillingError('INVALID_INPUT', 'name the account and the month, or an invoice of them');
    const account = ctx.scope.account(accountId ?? inv!.accountId).account.id;
    return proposeRerate(ctx.store, requesterOf(ctx), { accountId: account, period: period ?? inv!.period, reason });
  },
});

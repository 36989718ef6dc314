import { z } from 'zod';
import { accountPeriodInvoice } from '../../db/index.ts';
import { accountIdSchema, billingMonthSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { invoiceRowSchema } from './list-invoices.ts';

/** An account's invoice for a billing month (or its latest): number, status, total. */
export const findAccountInvoice = defineOperation({
  name: 'invoices.find',
  summary: 'Find the invoice of an account for a month',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z.object({ accountId: accountIdSchema.describe('account id'), period: billingMonthSchema.optional().describe('billing month YYYY-MM') }).strict(),
  output: invoiceRowSchema.omit({ kind: true }),
  handler: (ctx, { accountId, period }) => {
    ctx.scope.account(accountId);
    const inv = accountPeriodInvoice(ctx.store, ctx.tenant, accountId, period);
    return { id: inv.id, number: inv.number, accountId: inv.accountId, period: inv.period, status: inv.status, total: inv.total, currency: inv.currency };
  },
});

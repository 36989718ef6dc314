import { z } from 'zod';
import { accountPeriodInvoice, invoicesBefore } from '../../db/index.ts';
import { billJumpSchema, invoiceComparisonSchema } from '../../tools/audit/audit.types.ts';
import { compareInvoices, findBillJump } from '../../tools/audit/index.ts';
import { accountIdSchema, billingMonthSchema, invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** Why a bill went up or down: against the average of earlier ones (the bill-shock rule), and line by line against the month before. */
export const explainBillChange = defineOperation({
  name: 'invoices.bill-change',
  summary: 'Explain why a bill changed',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z
    .object({
      accountId: accountIdSchema.optional().describe('account id'),
      period: billingMonthSchema.optional().describe('billing month YYYY-MM'),
      invoice: invoiceNumberSchema.optional().describe('invoice number (INV-000123) or held invoice id'),
    })
    .strict()
    .refine((x) => (x.accountId === undefined) !== (x.invoice === undefined), 'name the account or one of its invoices, not both'),
  output: z.object({
    accountId: z.string(),
    invoice: z.object({ number: z.string().nullable(), period: z.string(), total: z.string(), currency: z.string() }),
    previous: z.object({ number: z.string().nullable(), period: z.string(), total: z.string() }).nullable(),
    jump: billJumpSchema,
    comparison: invoiceComparisonSchema.nullable(),
  }),
  handler: (ctx, { accountId: named, period, invoice }) => {
    if (named !== undefined) ctx.scope.account(named);
    const current = invoice ? ctx.scope.invoice(invoice) : accountPeriodInvoice(ctx.store, ctx.tenant, named!, period);
    const history = invoicesBefore(ctx.store, ctx.tenant, current.accountId, current.period, 3);
    const previous = history[0];
    return {
      accountId: current.accountId,
      invoice: { number: current.number, period: current.period, total: current.total, currency: current.currency },
      previous: previous ? { number: previous.number, period: previous.period, total: previous.total } : null,
      jump: findBillJump(
        current.document,
        history.map((h) => ({ period: h.period, total: h.total })),
      ),
      comparison: previous ? compareInvoices(previous.document, current.document) : null,
    };
  },
});

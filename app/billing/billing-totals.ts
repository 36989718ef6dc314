import { z } from 'zod';
import { tenantPeriodDocuments } from '../../db/index.ts';
import { summarizeBilling } from '../../tools/audit/index.ts';
import { billingMonthSchema, decimalStringSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

const totals = z.object({ count: z.number().int(), subtotal: decimalStringSchema, taxTotal: decimalStringSchema, total: decimalStringSchema, taxes: z.record(z.string(), decimalStringSchema) });
const countAndTotal = z.object({ count: z.number().int(), total: decimalStringSchema });

/** What a billing month billed, per currency: issued invoices with taxes by name, held ones apart, notes since. */
export const billingTotals = defineOperation({
  name: 'billing.totals',
  summary: 'Billing totals of a month',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ period: billingMonthSchema.optional().describe('the billing month (default: the latest billed)') }).strict(),
  output: z.object({
    period: billingMonthSchema,
    currencies: z.array(
      z.object({
        currency: z.string(),
        issued: totals,
        held: countAndTotal,
        withHeld: totals,
        largest: z.array(z.object({ id: z.number().int(), number: z.string().nullable(), accountId: z.string(), status: z.string(), total: decimalStringSchema })),
        creditNotes: countAndTotal,
        debitNotes: countAndTotal,
      }),
    ),
  }),
  handler: (ctx, { period }) => {
    const { period: month, documents } = tenantPeriodDocuments(ctx.store, ctx.tenant, period);
    return summarizeBilling(month, documents);
  },
});

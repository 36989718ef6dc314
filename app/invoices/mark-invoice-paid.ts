import { z } from 'zod';
import { invoiceStatusSchema } from '../../tools/invoice/invoice.types.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { recordManualPayment } from '../payments/record-manual-payment.ts';

/**
 * Records that an invoice is paid (an issued or overdue one; the status rules say which): a
 * `manual` payment of what is open on it and its allocation (docs/payments.md), by the acting user.
 */
export const markInvoicePaid = defineOperation({
  name: 'invoices.pay',
  summary: 'Mark an invoice paid',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: z.object({ number: invoiceNumberSchema.describe('invoice number (INV-000123)') }).strict(),
  output: z.object({ id: z.number().int(), number: z.string().nullable(), status: invoiceStatusSchema }),
  handler: (ctx, { number }) => {
    const out = recordManualPayment(ctx.store, ctx.tenant, { invoice: number, by: ctx.actor.id, today: ctx.clock.today() });
    return { id: out.id, number: out.number, status: out.status };
  },
});

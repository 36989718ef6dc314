import { z } from 'zod';
import { changeInvoiceStatus } from '../../db/index.ts';
import { invoiceStatusSchema } from '../../tools/invoice/invoice.types.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** Records that an invoice is paid (an issued or overdue one; the status rules say which). */
export const markInvoicePaid = defineOperation({
  name: 'invoices.pay',
  summary: 'Mark an invoice paid',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: z.object({ number: invoiceNumberSchema.describe('invoice number (INV-000123)') }).strict(),
  output: z.object({ id: z.number().int(), number: z.string().nullable(), status: invoiceStatusSchema }),
  handler: (ctx, { number }) => {
    const out = changeInvoiceStatus(ctx.store, ctx.scope.invoice(number).id, 'paid');
    return { id: out.id, number: out.number, status: out.status };
  },
});

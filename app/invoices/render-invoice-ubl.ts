import { z } from 'zod';
import { BillingError } from '../../tools/errors.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** An issued invoice, credit or debit note as EN 16931 UBL XML (an e-invoice needs its number). */
export const renderInvoiceUbl = defineOperation({
  name: 'invoices.ubl',
  summary: 'Download an invoice as EN 16931 UBL',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z.object({ number: invoiceNumberSchema.describe('invoice number (INV-000123)') }).strict(),
  output: z.object({ fileName: z.string(), xml: z.string() }),
  handler: async (ctx, { number }) => {
    const inv = ctx.scope.invoice(number);
    if (!inv.document.number) throw new BillingError('CONFLICT', `invoice ${number} is ${inv.document.status} and has no number yet; an e-invoice needs one`);
    const { renderInvoiceUbl: render } = await import('../../tools/invoice/render/index.ts');
    return { fileName: `${inv.document.number}.xml`, xml: render(inv.document) };
  },
});

import { z } from 'zod';
import { defineOperation } from '../operation.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';

/** An invoice, credit or debit note as a PDF (a held one by its id). */
export const renderInvoicePdf = defineOperation({
  name: 'invoices.pdf',
  summary: 'Download an invoice as PDF',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z.object({ number: invoiceNumberSchema.describe('invoice number (INV-000123) or the id of a held invoice') }).strict(),
  output: z.object({ fileName: z.string(), content: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'PDF bytes') }),
  handler: async (ctx, { number }) => {
    const inv = ctx.scope.invoice(number);
    // pdfkit loads only when a PDF is asked for.
    const { renderInvoicePdf: render } = await import('../../tools/invoice/render/index.ts');
    return { fileName: `${inv.document.number ?? `invoice-${inv.id}`}.pdf`, content: await render(inv.document) };
  },
});

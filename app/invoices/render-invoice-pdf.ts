import { z } from 'zod';
import { INVOICE_LAYOUTS } from '../../tools/catalog/index.ts';
import { invoiceNumberSchema, languageTagSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { invoicePdfOptions } from './invoice-pdf-options.ts';

/**
 * An invoice, credit or debit note as a PDF (a held one by its id), in the layout and detail the
 * account's invoice preferences ask for; `layout` and `language` override them for a preview.
 */
export const renderInvoicePdf = defineOperation({
  name: 'invoices.pdf',
  summary: 'Download an invoice as PDF',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z
    .object({
      number: invoiceNumberSchema.describe('invoice number (INV-000123) or the id of a held invoice'),
      layout: z.enum(INVOICE_LAYOUTS).optional().describe('print in this layout instead of the account preference'),
      language: languageTagSchema.optional().describe('print in this language instead of the invoice’s'),
    })
    .strict(),
  output: z.object({ fileName: z.string(), content: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'PDF bytes') }),
  handler: async (ctx, { number, layout, language }) => {
    const inv = ctx.scope.invoice(number);
    const doc = inv.document;
    const options = invoicePdfOptions(ctx.store, doc, ctx.scope.account(doc.buyer.accountId));
    // pdfkit loads only when a PDF is asked for.
    const { renderInvoicePdf: render } = await import('../../tools/invoice/render/index.ts');
    const content = await render(doc, { ...options, layout, language });
    return { fileName: `${doc.number ?? `invoice-${inv.id}`}.pdf`, content };
  },
});

import { z } from 'zod';
import { getOperatorSettings, usageRowsForNumbers } from '../../db/index.ts';
import { DEFAULT_INVOICE_PREFERENCES, INVOICE_LAYOUTS } from '../../tools/catalog/index.ts';
import { annexEventSchema, buildCallAnnex, type CallAnnex } from '../../tools/invoice/build-call-annex.ts';
import type { InvoiceDocument } from '../../tools/invoice/invoice.types.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { startOfLocalDate } from '../../tools/time/index.ts';
import type { OperationContext } from '../context.ts';
import { defineOperation } from '../operation.ts';

// The rated events of the invoice's lines in its period, read through billing's own usage reader.
function callAnnexOf(ctx: OperationContext, doc: InvoiceDocument, msisdns: string[]): CallAnnex {
  const { timezone } = getOperatorSettings(ctx.store);
  const rows = usageRowsForNumbers(ctx.store, msisdns, startOfLocalDate(doc.period.from, timezone), startOfLocalDate(doc.period.to, timezone));
  const events = rows.filter((r) => r.status === 'rated').map((r) => annexEventSchema.parse({ ...r, otherParty: r.otherParty ?? '' }));
  return buildCallAnnex(doc, events, timezone);
}

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
      language: z
        .string()
        .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$/, 'a language tag such as en, de or fr-CH')
        .optional()
        .describe('print in this language instead of the invoice’s'),
    })
    .strict(),
  output: z.object({ fileName: z.string(), content: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'PDF bytes') }),
  handler: async (ctx, { number, layout, language }) => {
    const inv = ctx.scope.invoice(number);
    const doc = inv.document;
    const bundle = ctx.scope.account(doc.buyer.accountId);
    // Accounts stored before preferences existed have none: the defaults apply.
    const preferences = { ...DEFAULT_INVOICE_PREFERENCES, ...bundle.account.invoicePreferences };
    const perCall = preferences.detail === 'per_call' && doc.kind === 'invoice';
    const msisdns = bundle.subscriptions.map((s) => s.msisdn);
    // pdfkit loads only when a PDF is asked for.
    const { renderInvoicePdf: render } = await import('../../tools/invoice/render/index.ts');
    const content = await render(doc, { preferences, layout, language, callAnnex: perCall ? callAnnexOf(ctx, doc, msisdns) : undefined });
    return { fileName: `${doc.number ?? `invoice-${inv.id}`}.pdf`, content };
  },
});

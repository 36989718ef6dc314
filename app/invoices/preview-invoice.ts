import { z } from 'zod';
import { DEFAULT_INVOICE_PREFERENCES, INVOICE_DETAIL_LEVELS, INVOICE_LAYOUTS } from '../../tools/catalog/index.ts';
import { printLanguage } from '../../tools/i18n/index.ts';
import { messageTextsFor, phraseMessage } from '../../tools/invoice/messages/index.ts';
import { chooseInvoiceLayout } from '../../tools/invoice/render/choose-invoice-layout.ts';
import { invoiceNumberSchema, languageTagSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { invoicePdfOptions } from './invoice-pdf-options.ts';

/**
 * An invoice printed in another layout, language, detail or print size, without changing the
 * account's preferences or the stored invoice: what the customer would read (the printed text,
 * the personalised messages in that language, the page count) and the totals, which are the same
 * in every layout. Nothing is stored.
 */
export const previewInvoice = defineOperation({
  name: 'invoices.preview',
  summary: 'Preview an invoice in another layout or language',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      number: invoiceNumberSchema.describe('invoice number (INV-000123) or the id of a held invoice'),
      layout: z.enum(INVOICE_LAYOUTS).optional().describe('the layout to print in (default: the account preference, else chosen by segment and lines)'),
      language: languageTagSchema.optional().describe('the language to print in (default: the invoice’s)'),
      detail: z.enum(INVOICE_DETAIL_LEVELS).optional().describe('summary, per_line or per_call (with the call annex)'),
      largePrint: z.boolean().optional(),
      lines: z.number().int().min(1).max(400).default(60).describe('how many printed text lines to return'),
    })
    .strict(),
  output: z.object({
    number: z.string(),
    accountId: z.string(),
    layout: z.enum(INVOICE_LAYOUTS),
    /** Why this layout: asked for in the preview, the account's preference, or chosen by segment and lines. */
    layoutFrom: z.enum(['asked', 'preference', 'auto']),
    language: z.string(),
    /** The language the labels print in (an unsupported one prints in English). */
    printedIn: z.string(),
    detail: z.enum(INVOICE_DETAIL_LEVELS),
    largePrint: z.boolean(),
    pages: z.number().int(),
    total: z.string(),
    currency: z.string(),
    messages: z.array(z.string()),
    text: z.array(z.string()),
    download: z.string(),
  }),
  handler: async (ctx, input) => {
    const inv = ctx.scope.invoice(input.number);
    const doc = inv.document;
    const bundle = ctx.scope.account(doc.buyer.accountId);
    const stored = { ...DEFAULT_INVOICE_PREFERENCES, ...bundle.account.invoicePreferences };
    const preferences = { ...stored, ...(input.detail ? { detail: input.detail } : {}), ...(input.largePrint !== undefined ? { largePrint: input.largePrint } : {}) };
    // The call annex is read only when the preview asks for per-call detail.
    const options = invoicePdfOptions(ctx.store, doc, { ...bundle, account: { ...bundle.account, invoicePreferences: preferences } });
    const language = input.language ?? doc.language;
    const layout = input.layout ?? chooseInvoiceLayout(doc, preferences);
    const { renderInvoicePdf } = await import('../../tools/invoice/render/index.ts');
    const { countPdfPages, extractPdfLines } = await import('../../tools/invoice/render/extract-pdf-text.ts');
    const pdf = await renderInvoicePdf(doc, { ...options, layout, language, compress: false });
    const name = doc.number ?? String(inv.id);
    const query = new URLSearchParams({ layout, language }).toString();
    return {
      number: name,
      accountId: doc.buyer.accountId,
      layout,
      layoutFrom: input.layout ? ('asked' as const) : stored.layout !== 'auto' ? ('preference' as const) : ('auto' as const),
      language,
      printedIn: printLanguage(language),
      detail: preferences.detail,
      largePrint: preferences.largePrint,
      pages: countPdfPages(pdf),
      total: doc.total,
      currency: doc.currency,
      messages: doc.messages.map((m) => phraseMessage(m, language, messageTextsFor(language))),
      text: extractPdfLines(pdf).slice(0, input.lines),
      download: `switchboard invoice show ${name} --pdf ${name}-${layout}-${printLanguage(language)}.pdf --layout ${layout} --language ${language} · GET /api/v1/invoices/${name}/pdf?${query}`,
    };
  },
});

import PDFDocument from 'pdfkit';
import { DEFAULT_INVOICE_PREFERENCES, type InvoiceLayout, type InvoicePreferences } from '../../catalog/account.types.ts';
import type { CallAnnex } from '../build-call-annex.ts';
import type { InvoiceDocument } from '../invoice.types.ts';
import { withPhoneLineSummaries } from '../summarise-phone-lines.ts';
import { chooseInvoiceLayout } from './choose-invoice-layout.ts';
import { drawCallAnnex } from './draw-call-annex.ts';
import { drawInvoiceLines, drawInvoiceTaxes } from './draw-invoice-charges.ts';
import { drawChargesByLine, drawCostCentreSummary, drawLinesOverview, drawLineSummary } from './draw-phone-line-tables.ts';
import { drawInvoiceHeader, drawInvoiceSummary } from './draw-invoice-header.ts';
import { drawInvoiceMessages } from './draw-invoice-messages.ts';
import { drawRecommendations, drawTaxNotes, drawUsageSummary } from './draw-invoice-notes.ts';
import { printLanguage } from './format-invoice-values.ts';
import { fillLabel } from './invoice-labels.ts';
import { parseInvoiceDocument } from './parse-invoice-document.ts';
import { GREY, PdfLayout } from './pdf-layout.ts';
import { createPrintContext, type PrintContext } from './print-context.ts';

export interface RenderInvoicePdfOptions {
  /** Deflate the page contents (default true); false leaves the text operators readable. */
  compress?: boolean;
  /** The account's invoice preferences (layout, detail, large print); the defaults when absent. */
  preferences?: Partial<InvoicePreferences>;
  /** Prints this layout whatever the preferences say (a preview). */
  layout?: InvoiceLayout;
  /** Prints in this language instead of the document's (a preview). */
  language?: string;
  /** The period's events for the itemised call annex, printed when the detail is per_call (none given: the annex says so). */
  callAnnex?: CallAnnex;
}

const MARGINS = { top: 48, left: 48, right: 48, bottom: 56 };

/** Type and spacing of large print: 9 pt body text becomes 12.6 pt. */
const LARGE_PRINT_SCALE = 1.4;

/**
 * Renders an invoice document as an A4 PDF in the document's language, byte-identical for the same
 * document: the PDF's dates come from the issue date (the period end for a draft) and nothing random
 * is written.
 */
export async function renderInvoicePdf(doc: InvoiceDocument, options: RenderInvoicePdfOptions = {}): Promise<Buffer> {
  const parsed = parseInvoiceDocument(doc);
  const checked = withPhoneLineSummaries(options.language ? { ...parsed, language: options.language } : parsed);
  const preferences = { ...DEFAULT_INVOICE_PREFERENCES, ...options.preferences };
  const layoutName = options.layout ?? chooseInvoiceLayout(checked, preferences);
  const ctx = createPrintContext(checked, { layout: layoutName, detail: preferences.detail, largePrint: preferences.largePrint });
  const stamp = new Date(`${checked.issueDate ?? checked.period.to}T00:00:00Z`);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    compress: options.compress ?? true,
    bufferPages: true,
    // The labels' language: a document in a language Switchboard does not print reads in English.
    lang: printLanguage(checked.language) === checked.language.toLowerCase().split(/[-_]/)[0] ? checked.language : 'en',
    info: {
      Title: `${ctx.title} ${checked.number ?? ''}`.trim(),
      Author: checked.seller.name,
      Subject: checked.period.label,
      Producer: 'Switchboard',
      Creator: 'Switchboard',
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const layout = new PdfLayout(pdf, ctx.largePrint ? LARGE_PRINT_SCALE : 1);
  drawOpening(layout, ctx);
  LAYOUTS[ctx.layout](layout, ctx);
  if (ctx.detail === 'per_call' && checked.kind === 'invoice') drawCallAnnex(layout, ctx, options.callAnnex ?? { timezone: 'UTC', rows: [] });
  drawFooters(pdf, layout, ctx);
  pdf.end();
  return finished;
}

// What every layout starts with: who bills whom, the totals and, right under them, the tax notes
// (so a reverse-charged or exempt bill says at once why it has no VAT), then the personalised messages.
function drawOpening(layout: PdfLayout, ctx: PrintContext): void {
  drawInvoiceHeader(layout, ctx);
  drawInvoiceSummary(layout, ctx);
  drawTaxNotes(layout, ctx);
  // The personalised messages, in every layout, before the itemised part.
  drawInvoiceMessages(layout, ctx);
}

/** The body of each layout after the opening; the same document and the same totals in all three. */
const LAYOUTS: Record<InvoiceLayout, (layout: PdfLayout, ctx: PrintContext) => void> = {
  // Consumers read the friendly part first: what they used and whether another plan pays off.
  consumer: (layout, ctx) => {
    drawUsageSummary(layout, ctx);
    drawRecommendations(layout, ctx);
    drawInvoiceLines(layout, ctx);
    drawInvoiceTaxes(layout, ctx);
  },
  // A household: what each line cost at a glance, then each line's charges under its name.
  family: (layout, ctx) => {
    drawLinesOverview(layout, ctx);
    drawUsageSummary(layout, ctx);
    drawRecommendations(layout, ctx);
    if (ctx.detail !== 'summary') drawChargesByLine(layout, ctx);
    drawInvoiceTaxes(layout, ctx);
  },
  // A business: where the money goes (cost centres, lines), then the itemised detail for the books.
  enterprise: (layout, ctx) => {
    drawCostCentreSummary(layout, ctx);
    drawLineSummary(layout, ctx);
    if (ctx.detail !== 'summary') drawInvoiceLines(layout, ctx);
    drawInvoiceTaxes(layout, ctx);
    drawUsageSummary(layout, ctx);
    drawRecommendations(layout, ctx);
  },
};

// Page numbers need the page count, so they are written once every page exists.
function drawFooters(pdf: PDFKit.PDFDocument, layout: PdfLayout, ctx: PrintContext): void {
  const { start, count } = pdf.bufferedPageRange();
  const y = pdf.page.height - MARGINS.bottom + 20;
  const name = `${ctx.doc.seller.name} · ${ctx.title} ${ctx.doc.number ?? ''}`.trim();
  for (let i = 0; i < count; i++) {
    layout.goToPage(start + i);
    const page = fillLabel(ctx.labels.page, { page: String(i + 1), pages: String(count) });
    layout.textAt(name, layout.left, y, { size: 7.5, color: GREY });
    layout.textAt(page, layout.right, y, { size: 7.5, color: GREY }, true);
  }
}

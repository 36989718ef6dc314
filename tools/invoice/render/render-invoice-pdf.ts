import PDFDocument from 'pdfkit';
import type { InvoiceDocument } from '../invoice.types.ts';
import { drawInvoiceLines, drawInvoiceTaxes } from './draw-invoice-charges.ts';
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
}

const MARGINS = { top: 48, left: 48, right: 48, bottom: 56 };

/**
 * Renders an invoice document as an A4 PDF in the document's language, byte-identical for the same
 * document: the PDF's dates come from the issue date (the period end for a draft) and nothing random
 * is written.
 */
export async function renderInvoicePdf(doc: InvoiceDocument, options: RenderInvoicePdfOptions = {}): Promise<Buffer> {
  const checked = parseInvoiceDocument(doc);
  const ctx = createPrintContext(checked);
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

  const layout = new PdfLayout(pdf);
  drawInvoiceHeader(layout, ctx);
  drawInvoiceSummary(layout, ctx);
  // Right under the totals, so a reverse-charged or exempt bill says at once why it has no VAT.
  drawTaxNotes(layout, ctx);
  drawInvoiceMessages(layout, ctx);
  if (ctx.business) {
    drawInvoiceLines(layout, ctx);
    drawInvoiceTaxes(layout, ctx);
    drawUsageSummary(layout, ctx);
    drawRecommendations(layout, ctx);
  } else {
    // Consumers read the friendly part first: what they used and whether another plan pays off.
    drawUsageSummary(layout, ctx);
    drawRecommendations(layout, ctx);
    drawInvoiceLines(layout, ctx);
    drawInvoiceTaxes(layout, ctx);
  }
  drawFooters(pdf, layout, ctx);
  pdf.end();
  return finished;
}

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

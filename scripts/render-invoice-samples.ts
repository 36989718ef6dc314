/**
 * `npm run docs:invoices`: renders one invoice of each layout (and the call annex) from the layout
 * fixtures to PNG with poppler's pdftoppm, into docs/screenshots/, for docs/invoices-output.md.
 * Only the first page of each (the annex's own first page), at a modest resolution.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCallAnnex } from '../tools/invoice/build-call-annex.ts';
import { countPdfPages } from '../tools/invoice/render/extract-pdf-text.ts';
import { consumerInvoiceGbp } from '../tools/invoice/render/fixtures.ts';
import { enterpriseInvoiceGbp, familyEvents, familyInvoiceGbp } from '../tools/invoice/render/layout-fixtures.ts';
import { renderInvoicePdf, type RenderInvoicePdfOptions } from '../tools/invoice/render/render-invoice-pdf.ts';
import type { InvoiceDocument } from '../tools/invoice/invoice.types.ts';
import { planSavingMessages } from '../tools/invoice/messages/index.ts';

const OUT = resolve(import.meta.dirname, '..', 'docs', 'screenshots');
const DPI = '60';

/** Renders page `page` (1-based; 'last' for the last) of a PDF to a PNG file. */
export function pdfPageToPng(pdf: Buffer, page: number | 'last', file: string, dpi = DPI): void {
  const dir = mkdtempSync(join(tmpdir(), 'invoice-png-'));
  try {
    const input = join(dir, 'in.pdf');
    writeFileSync(input, pdf);
    const n = page === 'last' ? countPdfPages(pdf) || 1 : page;
    const out = spawnSync('pdftoppm', ['-png', '-r', dpi, '-f', String(n), '-l', String(n), '-singlefile', input, join(dir, 'page')], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`pdftoppm failed (is poppler-utils installed? scripts/ensure-services.sh): ${out.stderr || out.error}`);
    renameSync(join(dir, 'page.png'), file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sample(name: string, doc: InvoiceDocument, options: RenderInvoicePdfOptions, page: number | 'last' = 1): Promise<void> {
  // Uncompressed, so the page count can be read (the annex starts on the last page here).
  const pdf = await renderInvoicePdf(doc, { ...options, compress: false });
  const file = join(OUT, `invoice-${name}.png`);
  pdfPageToPng(pdf, page, file);
  console.log(`wrote ${file} (${readFileSync(file).length} bytes)`);
}

const single = consumerInvoiceGbp();
// The consumer layout (asked for: with two lines, auto would choose the family layout).
await sample('consumer', single, { layout: 'consumer' });
await sample('family', familyInvoiceGbp(), {});
await sample('enterprise', enterpriseInvoiceGbp(30), {});
const family = familyInvoiceGbp();
await sample('call-annex', family, { preferences: { detail: 'per_call' }, callAnnex: buildCallAnnex(family, familyEvents(), 'Europe/London') }, 'last');
await sample('large-print', single, { layout: 'consumer', preferences: { largePrint: true } });
// The same consumer bill in German, with its personalised message computed by the tools from the
// document's own recommendation (not written by hand).
const german = { ...single, language: 'de' };
const messages = planSavingMessages(german.recommendations, [{ subscriptionId: 'sub-1', msisdn: '447700900123', label: null }], german.currency);
await sample('consumer-de', { ...german, messages }, { layout: 'consumer' });

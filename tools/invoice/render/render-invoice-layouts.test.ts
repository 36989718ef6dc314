import { describe, expect, it } from 'vitest';
import { INVOICE_DETAIL_LEVELS, INVOICE_LAYOUTS } from '../../catalog/account.types.ts';
import { dec, ZERO } from '../../money/index.ts';
import { buildCallAnnex } from '../build-call-annex.ts';
import type { InvoiceDocument } from '../invoice.types.ts';
import { countPdfPages, extractPdfLines } from './extract-pdf-text.ts';
import { businessReverseChargeEur, consumerInvoiceGbp } from './fixtures.ts';
import { enterpriseInvoiceGbp, familyEvents, familyInvoiceGbp } from './layout-fixtures.ts';
import { renderInvoicePdf, type RenderInvoicePdfOptions } from './render-invoice-pdf.ts';

async function textOf(doc: InvoiceDocument, options: RenderInvoicePdfOptions = {}): Promise<string[]> {
  return extractPdfLines(await renderInvoicePdf(doc, { ...options, compress: false }));
}

// The summary box prints label, value, label, value…: the three figures after "Service charges".
function totalsOf(lines: string[], serviceCharges = 'Service charges'): string[] {
  const at = lines.indexOf(serviceCharges);
  expect(at, 'summary box').toBeGreaterThan(-1);
  return [lines[at + 1], lines[at + 3], lines[at + 5]] as string[];
}

// Amounts printed as "£1,234.56" / "-£2.50" read back as decimals (the test's own parsing, exact).
const GBP = /^(-?)£([\d,]+\.\d{2})$/;
function amountsBetween(lines: string[], from: string, to: string): ReturnType<typeof dec>[] {
  const start = lines.indexOf(from);
  const end = lines.indexOf(to, start);
  expect(start, from).toBeGreaterThan(-1);
  expect(end, to).toBeGreaterThan(start);
  return lines
    .slice(start, end)
    .map((l) => GBP.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => dec(`${m[1]}${(m[2] ?? '').replaceAll(',', '')}`));
}
const sum = (values: ReturnType<typeof dec>[]) => values.reduce((s, v) => s.plus(v), ZERO);

describe('every layout prints the same totals from the same document', () => {
  const docs = { consumer: consumerInvoiceGbp, family: familyInvoiceGbp, enterprise: () => enterpriseInvoiceGbp(30) };
  for (const [name, build] of Object.entries(docs)) {
    it(`${name}: every layout, detail level, large print on and off`, async () => {
      const doc = build();
      const expected = [`£${doc.subtotal}`, `£${doc.taxTotal}`, `£${doc.total}`].map((v) => v.replace(/\B(?=(\d{3})+(?!\d)\.)/g, ','));
      const annex = buildCallAnnex(doc, familyEvents(), 'UTC');
      for (const layout of INVOICE_LAYOUTS) {
        for (const detail of INVOICE_DETAIL_LEVELS) {
          for (const largePrint of [false, true]) {
            const lines = await textOf(doc, { layout, preferences: { detail, largePrint }, callAnnex: annex });
            expect(totalsOf(lines), `${layout} ${detail} ${largePrint}`).toEqual(expected);
          }
        }
      }
    });
  }
});

describe('the family layout', () => {
  it('lists each line with its name and subtotal, and the lines add up to the subtotal', async () => {
    const doc = familyInvoiceGbp();
    const lines = await textOf(doc);
    const overview = amountsBetween(lines, 'Your lines', 'Total service charges (before taxes)');
    expect(overview.map(String)).toEqual(['16.25', '12.1', '3.65']);
    expect(sum(overview).equals(doc.subtotal)).toBe(true);
    expect(lines).toContain("Anna's phone");
    expect(lines).toContain("Line +447700900123 - Anna's phone");
    // Each line's rows under its name, closed by its subtotal (the document's figure).
    const detail = lines.slice(lines.indexOf('Charges for each line'));
    const anna = detail.indexOf("Line +447700900123 - Anna's phone");
    expect(detail.slice(anna, anna + 12)).toEqual(expect.arrayContaining(['Unlimited Talk 15GB', 'Calls to international numbers', 'Spring offer: 2.50 off Unlimited Talk']));
    expect(detail.filter((l) => l === 'Subtotal for this line')).toHaveLength(3);
    const subtotals = detail.flatMap((l, i) => (l === 'Subtotal for this line' ? [detail[i + 1]] : []));
    expect(subtotals).toEqual(['£16.25', '£12.10', '£3.65']);
  });

  it('prints odd characters in a line name as text, mapped to what Helvetica draws', async () => {
    const raw = await renderInvoicePdf(familyInvoiceGbp(), { compress: false });
    const lines = extractPdfLines(raw);
    // Latin-1 letters stay (ó), others lose their accent (Ł → L), other scripts print "?".
    expect(lines).toContain('Tom (school) <b>"tablet"</b> & Lódz ??');
    // pdfkit writes every string as hex: no unbalanced parenthesis or markup reaches the content stream.
    for (const match of raw.toString('latin1').matchAll(/<([0-9a-f]*)>/g)) expect((match[1] ?? '').length % 2).toBe(0);
    expect(raw.toString('latin1')).not.toContain('<b>');
  });

  it('at summary detail prints the overview but no per-line tables', async () => {
    const lines = await textOf(familyInvoiceGbp(), { preferences: { detail: 'summary' } });
    expect(lines).toContain('Your lines');
    expect(lines).not.toContain('Charges for each line');
    expect(lines).not.toContain('Subtotal for this line');
  });
});

describe('the enterprise layout', () => {
  it('has a cost-centre table and a per-line table that each add up to the subtotal', async () => {
    const doc = enterpriseInvoiceGbp(30);
    const lines = await textOf(doc);
    const centres = amountsBetween(lines, 'Summary by cost centre', 'Total service charges (before taxes)');
    expect(centres).toHaveLength(3);
    expect(sum(centres).equals(doc.subtotal)).toBe(true);
    expect(lines).toEqual(expect.arrayContaining(['Field service', 'Head office / Finance', 'Sales & Marketing']));
    const perLine = amountsBetween(lines, 'Summary by line', 'Plans and bundles');
    // 30 line rows and the closing row with the subtotal itself.
    expect(perLine).toHaveLength(31);
    expect(sum(perLine.slice(0, -1)).equals(doc.subtotal)).toBe(true);
    expect(perLine.at(-1)?.equals(doc.subtotal)).toBe(true);
    // The document's own summaries agree with its lines, in exact decimals.
    expect(sum(doc.phoneLines.map((p) => dec(p.amount))).equals(doc.subtotal)).toBe(true);
  });

  it('at summary detail prints the two summary tables and no itemised lines', async () => {
    const lines = await textOf(enterpriseInvoiceGbp(15), { preferences: { detail: 'summary' } });
    expect(lines).toContain('Summary by cost centre');
    expect(lines).toContain('Summary by line');
    expect(lines).not.toContain('Plans and bundles');
  });

  it('derives the tables for a document stored before layouts (no summaries in it)', async () => {
    const doc = businessReverseChargeEur();
    expect(doc.phoneLines).toEqual([]);
    const lines = await textOf({ ...doc, language: 'en' });
    const at = lines.indexOf('Summary by cost centre');
    expect(lines.slice(at, at + 8)).toEqual(expect.arrayContaining(['No cost centre', '3', '€1,126.40']));
  });

  it('breaks 300 lines over pages, repeating headers, every line once in the per-line table', async () => {
    const doc = enterpriseInvoiceGbp(300);
    const started = performance.now();
    const raw = await renderInvoicePdf(doc, { compress: false });
    const ms = performance.now() - started;
    const pages = countPdfPages(raw);
    const lines = extractPdfLines(raw);
    expect(pages).toBeGreaterThanOrEqual(15);
    for (let page = 1; page <= pages; page++) expect(lines).toContain(`Page ${page} of ${pages}`);
    expect(lines.filter((l) => l === 'Line (continued)').length).toBeGreaterThanOrEqual(5);
    const summary = lines.slice(lines.indexOf('Summary by line'), lines.indexOf('Plans and bundles'));
    for (const p of doc.phoneLines) expect(summary.filter((l) => l === p.msisdn)).toHaveLength(1);
    expect(sum(amountsBetween(lines, 'Summary by line', 'Plans and bundles').slice(0, -1)).equals(doc.subtotal)).toBe(true);
    // A few hundred ms on a laptop; generous for a shared machine.
    expect(ms).toBeLessThan(15_000);
  });
});

describe('large print and the call annex', () => {
  it('large print sets every text larger and takes more pages', async () => {
    const doc = enterpriseInvoiceGbp(30);
    const sizes = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/ ([\d.]+) Tf/g)].map((m) => Number(m[1]));
    const normal = await renderInvoicePdf(doc, { compress: false });
    const large = await renderInvoicePdf(doc, { compress: false, preferences: { largePrint: true } });
    expect(Math.min(...sizes(large))).toBeGreaterThan(Math.min(...sizes(normal)));
    expect(Math.min(...sizes(large))).toBeGreaterThanOrEqual(10);
    expect(countPdfPages(large)).toBeGreaterThan(countPdfPages(normal));
  });

  it('lists every event of the period exactly once when the detail is per call, and not otherwise', async () => {
    const doc = familyInvoiceGbp();
    const events = familyEvents();
    const annex = buildCallAnnex(doc, events, 'Europe/London');
    const lines = await textOf(doc, { preferences: { detail: 'per_call' }, callAnnex: annex });
    const rows = lines.slice(lines.indexOf('Itemised calls and usage')).filter((l) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(l));
    expect(rows).toHaveLength(events.length);
    expect(new Set(rows).size).toBe(events.length);
    expect(lines).toEqual(expect.arrayContaining(['+33142685300', 'from +447700900999', '105.00 MB', 'included']));
    expect(await textOf(doc, { preferences: { detail: 'per_line' }, callAnnex: annex })).not.toContain('Itemised calls and usage');
    // Notes correct an invoice: they have no annex.
    expect(
      await textOf({ ...doc, kind: 'credit_note', lines: [], phoneLines: [], costCentres: [], taxes: [], subtotal: '0.00', taxTotal: '0.00', total: '0.00' }, { preferences: { detail: 'per_call' } }),
    ).not.toContain('Itemised calls and usage');
  });

  it('prints the layout words in the language asked for at render time', async () => {
    const de = await textOf(enterpriseInvoiceGbp(15), { language: 'de', preferences: { detail: 'per_call' }, callAnnex: buildCallAnnex(familyInvoiceGbp(), familyEvents(), 'UTC') });
    expect(de).toEqual(expect.arrayContaining(['RECHNUNG', 'Übersicht nach Kostenstellen', 'Kostenstelle', 'Einzelverbindungsnachweis']));
    const fr = await textOf(familyInvoiceGbp(), { language: 'fr' });
    expect(fr).toEqual(expect.arrayContaining(['FACTURE', 'Vos lignes', 'Sous-total de cette ligne']));
  });
});

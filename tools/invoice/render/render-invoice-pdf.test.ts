import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BillingError } from '../../errors.ts';
import type { InvoiceDocument } from '../invoice.types.ts';
import { countPdfPages, extractPdfLines } from './extract-pdf-text.ts';
import { businessReverseChargeEur, consumerInvoiceGbp, consumerInvoiceJpy, creditNoteGbp, longBusinessInvoiceEur, usConsumerInvoiceUsd } from './fixtures.ts';
import { renderInvoicePdf } from './render-invoice-pdf.ts';

const NBSP = '\u00a0';

// A real PDF reader, when the machine has one (poppler-utils); the other tests read the text themselves.
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

// These tests pin the consumer layout for household fixtures (two lines would choose the family
// layout); the choice itself is tested in choose-invoice-layout.test.ts, the other layouts in render-invoice-layouts.test.ts.
async function textOf(doc: InvoiceDocument): Promise<string[]> {
  return extractPdfLines(await renderInvoicePdf(doc, { compress: false, layout: doc.buyer.business ? 'enterprise' : 'consumer' }));
}

// Position of the first printed line equal to (or, with `partial`, containing) the text; -1 if absent.
function lineIndex(lines: string[], text: string, partial = false): number {
  return lines.findIndex((l) => (partial ? l.includes(text) : l === text));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('renderInvoicePdf: the file', () => {
  it('is a complete PDF', async () => {
    const pdf = await renderInvoicePdf(consumerInvoiceGbp());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1').trim()).toBe('%%EOF');
  });

  it('is byte-identical for the same document, whenever it is rendered', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T10:00:00Z'));
    const first = await renderInvoicePdf(longBusinessInvoiceEur());
    vi.setSystemTime(new Date('2031-06-15T23:59:59Z'));
    const second = await renderInvoicePdf(longBusinessInvoiceEur());
    expect(first.equals(second)).toBe(true);
  });

  it('dates the PDF on the issue date, and a draft on the end of its period', async () => {
    // pdfkit writes CreationDate and ModDate as the only two date strings of the file.
    const dates = (pdf: Buffer) => pdf.toString('latin1').match(/\(D:\d{14}Z\)/g);
    const issued = await renderInvoicePdf({ ...consumerInvoiceGbp(), issueDate: '2025-04-02' }, { compress: false });
    expect(dates(issued)).toEqual(['(D:20250402000000Z)', '(D:20250402000000Z)']);
    const draft = { ...consumerInvoiceGbp(), status: 'draft' as const, number: null, issueDate: null, dueDate: null };
    const raw = await renderInvoicePdf(draft, { compress: false });
    expect(dates(raw)).toEqual(['(D:20250401000000Z)', '(D:20250401000000Z)']);
    expect(extractPdfLines(raw)).toContain('DRAFT - not a valid invoice');
  });

  it('differs when an amount differs', async () => {
    const changed = consumerInvoiceGbp();
    changed.total = '38.41';
    const [a, b] = await Promise.all([renderInvoicePdf(consumerInvoiceGbp()), renderInvoicePdf(changed)]);
    expect(a.equals(b)).toBe(false);
  });

  it('refuses a document that breaks the invoice contract', async () => {
    const bad = { ...consumerInvoiceGbp(), total: '38,40' };
    await expect(renderInvoicePdf(bad)).rejects.toThrow(BillingError);
    await expect(renderInvoicePdf({ ...consumerInvoiceGbp(), currency: 'XYZ' })).rejects.toThrow(/unknown ISO 4217/);
  });
});

describe('renderInvoicePdf: a consumer invoice', () => {
  it('prints number, total and every section heading', async () => {
    const lines = await textOf(consumerInvoiceGbp());
    for (const text of [
      'INVOICE',
      'Number: INV-2025-000123',
      '£38.40',
      '£32.00',
      '£6.40',
      'Plans and bundles',
      'Usage',
      'One-time charges',
      'Promotions',
      'Discounts',
      'Adjustments and credits',
      'Government taxes and fees',
      'Your usage',
      'Page 1 of 2',
      'Page 2 of 2',
    ]) {
      expect(lines, text).toContain(text);
    }
    expect(lines).toContain('Please pay by 15 April 2025.');
    expect(lines).toContain('-£2.50');
    // The ISO 11649 creditor reference of INV-2025-000123, in groups of four as on paper.
    expect(lines.join(' ')).toContain('reference RF51 INV2 0250 0012 3.');
  });

  it('puts the friendly summary, usage and recommendation before the itemised lines', async () => {
    const lines = await textOf(consumerInvoiceGbp());
    const plans = lineIndex(lines, 'Plans and bundles');
    expect(lineIndex(lines, 'Your bill for March 2025')).toBeLessThan(plans);
    expect(lineIndex(lines, 'Your usage')).toBeLessThan(plans);
    const advice = lineIndex(lines, 'On plan World 20GB, your line +447700900123 would have cost £14.00 instead of £16.25', true);
    expect(advice).toBeGreaterThan(-1);
    expect(advice).toBeLessThan(plans);
  });

  it('groups lines by phone line inside each section', async () => {
    const lines = await textOf(consumerInvoiceGbp());
    const plans = lineIndex(lines, 'Plans and bundles');
    const first = lineIndex(lines, 'Line +447700900123');
    expect(first).toBeGreaterThan(plans);
    expect(lineIndex(lines, 'Unlimited Talk 15GB')).toBe(first + 1);
    expect(lines.slice(plans).indexOf('Line +447700900456')).toBeGreaterThan(0);
    expect(lineIndex(lines, 'Account')).toBeGreaterThan(lineIndex(lines, 'One-time charges'));
  });

  it('wraps a long description onto several lines instead of cutting it', async () => {
    const doc = consumerInvoiceGbp();
    const words = 'Unlimited Talk 15GB with free calls to 30 countries, EU roaming included and a second SIM for your smartwatch';
    doc.lines[0]!.description = words;
    const lines = await textOf(doc);
    const first = lineIndex(lines, 'Unlimited Talk 15GB with free calls', true);
    expect(first).toBeGreaterThan(-1);
    expect(lines[first]).not.toBe(words);
    expect(`${lines[first]}${lines[first + 1]}`).toBe(words);
  });

  it('shows no tax category column and no buyer VAT id', async () => {
    const lines = await textOf(consumerInvoiceGbp());
    expect(lines).not.toContain('S 20%');
    expect(lines).not.toContain('Unit price');
    expect(lines.filter((l) => l.startsWith('VAT ID:'))).toEqual(['VAT ID: GB123456789']);
  });

  it('prints in French for a fr document', async () => {
    const lines = await textOf({ ...consumerInvoiceGbp(), language: 'fr-FR' });
    for (const text of ['FACTURE', `38,40${NBSP}£`, 'Forfaits et options', 'Consommations', 'Taxes et redevances publiques', 'Page 1 sur 2']) {
      expect(lines, text).toContain(text);
    }
  });
});

describe('renderInvoicePdf: a business reverse-charge invoice in German', () => {
  it('prints German labels, EUR in German style, both VAT ids and the tax category column', async () => {
    const lines = await textOf(businessReverseChargeEur());
    for (const text of [
      'RECHNUNG',
      'Nummer: RE-2025-000042',
      `1.126,40${NBSP}€`,
      'USt-IdNr.: NL123456789B01',
      'USt-IdNr.: DE123456789',
      'Tarife und Optionen',
      'Einzelpreis',
      'USt.',
      `AE 0${NBSP}%`,
      'Steuerliche Hinweise',
      'Anschluss +4915112345671',
    ]) {
      expect(lines, text).toContain(text);
    }
  });

  it('prints the reverse-charge statement right after the totals, and how each amount was reached', async () => {
    const lines = await textOf(businessReverseChargeEur());
    const note = lineIndex(lines, 'Steuerschuldnerschaft des Leistungsempfängers', true);
    expect(note).toBeGreaterThan(lineIndex(lines, 'Gesamtbetrag'));
    expect(note).toBeLessThan(lineIndex(lines, 'Tarife und Optionen'));
    expect(lines).toContain('310 min x 0,04 EUR');
  });
});

describe('renderInvoicePdf: currencies, notes and government charges', () => {
  it('prints JPY without decimals and falls back to English for ja', async () => {
    const lines = await textOf(consumerInvoiceJpy());
    expect(lines).toContain('INVOICE');
    expect(lines).toContain('¥18,935');
    expect(lines).toContain('¥1,721');
    expect(lines.some((l) => l.includes('¥18,935.'))).toBe(false);
  });

  it('prints a credit note with the invoice it corrects', async () => {
    const lines = await textOf(creditNoteGbp());
    expect(lines).toContain('CREDIT NOTE');
    expect(lines).toContain('Number: CN-2025-000007');
    expect(lines).toContain('Corrects invoice INV-2025-000123 of 1 April 2025: Roaming data in the USA was billed twice.');
    // Notes carry the credit as negative amounts, printed as they are, like discounts on an invoice.
    expect(lines).toContain('Total in your favour');
    expect(lines).toContain('-£2.52');
    expect(lines).toContain('-£2.10');
    expect(lines.some((l) => l.startsWith('Please pay by'))).toBe(false);
  });

  it('keeps government-mandated charges apart from the operator surcharges', async () => {
    const lines = await textOf(usConsumerInvoiceUsd());
    const surcharges = lineIndex(lines, 'Operator surcharges');
    const government = lineIndex(lines, 'Government taxes and fees');
    expect(surcharges).toBeGreaterThan(lineIndex(lines, 'International calls'));
    expect(lineIndex(lines, 'Regulatory cost recovery')).toBeGreaterThan(surcharges);
    expect(lineIndex(lines, 'Regulatory cost recovery')).toBeLessThan(government);
    expect(lineIndex(lines, 'California 911 surcharge')).toBeGreaterThan(government);
    expect(lineIndex(lines, 'Federal Universal Service Fund')).toBeGreaterThan(government);
    expect(lines).toContain('$0.30 per line');
    expect(lines).toContain('Taxes, fees and surcharges');
    expect(lines).toContain('$90.43');
  });

  it('draws names in scripts Helvetica lacks without corrupting the text', async () => {
    const doc = consumerInvoiceGbp();
    doc.buyer.name = 'Łukasz Żółć 東京';
    const raw = await renderInvoicePdf(doc, { compress: false });
    expect(extractPdfLines(raw)).toContain('Lukasz Zólc ??');
    for (const match of raw.toString('latin1').matchAll(/<([0-9a-f]*)>/g)) expect((match[1] ?? '').length % 2).toBe(0);
  });
});

describe('renderInvoicePdf: a 300-line invoice', () => {
  it('breaks pages, numbers every page and repeats the table header', async () => {
    const raw = await renderInvoicePdf(longBusinessInvoiceEur(), { compress: false });
    const pages = countPdfPages(raw);
    expect(pages).toBeGreaterThanOrEqual(6);
    const lines = extractPdfLines(raw);
    for (let page = 1; page <= pages; page++) expect(lines).toContain(`Page ${page} of ${pages}`);
    expect(lines.filter((l) => l === 'Description (continued)').length).toBeGreaterThanOrEqual(pages - 2);
    expect(lines.filter((l) => /^Line \+4917000000\d\d \(continued\)$/.test(l)).length).toBeGreaterThan(0);
    expect(lines.filter((l) => l === '€0.50')).toHaveLength(275);
    // each plan line prints 10.00 twice: unit price and amount
    expect(lines.filter((l) => l === '€10.00')).toHaveLength(50);
    expect(lines).toContain('€461.13');
    expect(lines).toContain('Line +491700000024');
  });
});

describe.skipIf(!hasPdftotext)('renderInvoicePdf: read by poppler', () => {
  it('gives pdftotext the number, total and headings of the compressed file', async () => {
    const pdf = await renderInvoicePdf(businessReverseChargeEur());
    const out = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
    expect(out.status).toBe(0);
    for (const text of ['RECHNUNG', 'RE-2025-000042', '1.126,40', 'Tarife und Optionen', 'Steuern und staatliche Abgaben', 'Seite 2 von 2']) {
      expect(out.stdout, text).toContain(text);
    }
  });
});

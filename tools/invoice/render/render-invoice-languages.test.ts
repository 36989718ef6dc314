import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { InvoiceDocument } from '../invoice.types.ts';
import { extractPdfLines } from './extract-pdf-text.ts';
import { businessReverseChargeEur, consumerInvoiceGbp, consumerInvoiceJpy, creditNoteGbp, longBusinessInvoiceEur } from './fixtures.ts';
import { renderInvoicePdf } from './render-invoice-pdf.ts';
import { renderInvoiceUbl } from './render-invoice-ubl.ts';

const NBSP = '\u00a0';

async function textOf(doc: InvoiceDocument): Promise<string[]> {
  return extractPdfLines(await renderInvoicePdf(doc, { compress: false, layout: 'consumer' }));
}

// The same consumer bill (GBP, issued 1 April, due 15 April 2025) printed in each language.
const CONSUMER: Record<string, string[]> = {
  en: ['INVOICE', 'Issue date: 1 April 2025', 'Due date: 15 April 2025', 'Total due', '£38.40', 'Please pay by 15 April 2025.', 'Plans and bundles', 'Page 1 of 2'],
  de: ['RECHNUNG', 'Rechnungsdatum: 1. April 2025', 'Fällig am: 15. April 2025', 'Gesamtbetrag', `38,40${NBSP}£`, 'Bitte zahlen Sie bis zum 15. April 2025.', 'Tarife und Optionen', 'Seite 1 von 2'],
  fr: ['FACTURE', "Date d'émission: 1 avril 2025", "Date d'échéance: 15 avril 2025", 'Total à payer', `38,40${NBSP}£`, 'À régler avant le 15 avril 2025.', 'Forfaits et options', 'Page 1 sur 2'],
  es: [
    'FACTURA',
    'Fecha de emisión: 1 de abril de 2025',
    'Fecha de vencimiento: 15 de abril de 2025',
    'Total a pagar',
    `38,40${NBSP}£`,
    'Le rogamos que pague antes del 15 de abril de 2025.',
    'Tarifas y bonos',
    'Consumo',
    'Cargos únicos',
    'Ajustes y abonos',
    'Impuestos y tasas públicas',
    'Su consumo',
    'Página 1 de 2',
    'Página 2 de 2',
  ],
};

describe('the printed invoice in each language', () => {
  it.each(Object.entries(CONSUMER))('%s: labels, amounts and dates of the consumer bill', async (language, expected) => {
    const lines = await textOf({ ...consumerInvoiceGbp(), language });
    for (const text of expected) expect(lines, text).toContain(text);
  });

  it('prints a YYYY-MM period label as its month in the language, any other label as stored', async () => {
    const monthly = { ...consumerInvoiceGbp(), period: { ...consumerInvoiceGbp().period, label: '2025-03' } };
    const es = await textOf({ ...monthly, language: 'es' });
    expect(es).toContain('Su factura de marzo de 2025');
    expect(es).toContain('Periodo: marzo de 2025 (1 de marzo de 2025 – 31 de marzo de 2025)');
    expect(await textOf({ ...monthly, language: 'de' })).toContain('Ihre Rechnung für März 2025');
    expect(await textOf({ ...consumerInvoiceGbp(), language: 'es' })).toContain('Su factura de March 2025');
  });

  it('prints a regional tag in its base language (es-ES, de-AT)', async () => {
    expect(await textOf({ ...consumerInvoiceGbp(), language: 'es-ES' })).toContain('FACTURA');
    expect(await textOf({ ...consumerInvoiceGbp(), language: 'de-AT' })).toContain('RECHNUNG');
  });

  it('prints a Spanish credit note as a factura rectificativa, with the invoice it corrects', async () => {
    const lines = await textOf({ ...creditNoteGbp(), language: 'es' });
    expect(lines).toContain('FACTURA RECTIFICATIVA');
    expect(lines).toContain('Rectifica la factura INV-2025-000123 del 1 de abril de 2025: Roaming data in the USA was billed twice.');
    expect(lines).toContain('Total a su favor');
    expect(lines).toContain(`-2,52${NBSP}£`);
  });

  it('prints the business layout in Spanish: VAT ids, VAT column, EUR in the es-ES style', async () => {
    const lines = await textOf({ ...businessReverseChargeEur(), language: 'es' });
    for (const text of ['NIF-IVA: NL123456789B01', 'NIF-IVA: DE123456789', `1126,40${NBSP}€`, 'Precio unitario', 'IVA', `AE 0${NBSP}%`, 'Notas fiscales', 'Línea +4915112345671']) {
      expect(lines, text).toContain(text);
    }
  });

  it('prints the 300-line invoice in Spanish, every page numbered', async () => {
    const lines = await textOf({ ...longBusinessInvoiceEur(), language: 'es' });
    expect(lines.filter((l) => l === `0,50${NBSP}€`)).toHaveLength(275);
    expect(lines).toContain(`461,13${NBSP}€`);
    expect(lines.some((l) => /^Página \d+ de \d+$/.test(l))).toBe(true);
  });

  it('prints a language Switchboard does not print (ja) in English, JPY without decimals', async () => {
    const lines = await textOf(consumerInvoiceJpy());
    expect(lines).toContain('INVOICE');
    expect(lines).toContain('¥18,935');
  });
});

describe.skipIf(spawnSync('pdftotext', ['-v']).status !== 0)('the Spanish PDF read by poppler', () => {
  it('gives pdftotext the Spanish title, amounts, accents and page numbers of the compressed file', async () => {
    const pdf = await renderInvoicePdf({ ...businessReverseChargeEur(), language: 'es' });
    const out = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
    expect(out.status).toBe(0);
    for (const text of ['FACTURA', 'Fecha de emisión', '1126,40', 'Tarifas y bonos', 'Cargos únicos', 'N.º registro mercantil', 'Página 2 de 2']) expect(out.stdout, text).toContain(text);
  });
});

describe('the EN 16931 UBL is language-neutral', () => {
  it.each([
    ['consumer GBP', consumerInvoiceGbp],
    ['business reverse charge EUR', businessReverseChargeEur],
    ['credit note', creditNoteGbp],
  ])('%s: byte-identical in en, de, fr and es', (_name, build) => {
    const [en, ...others] = ['en', 'de-DE', 'fr', 'es-ES'].map((language) => renderInvoiceUbl({ ...build(), language }));
    expect(en).toMatch(/<cbc:(Invoice|CreditNote)TypeCode>/);
    for (const xml of others) expect(xml).toBe(en);
  });
});

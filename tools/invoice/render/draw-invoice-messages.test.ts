import { describe, expect, it } from 'vitest';
import type { InvoiceDocument } from '../invoice.types.ts';
import { planSavingMessages } from '../messages/plan-saving.ts';
import { phraseMessage } from '../messages/phrase-message.ts';
import type { InvoiceMessage } from '../messages/message.types.ts';
import { extractPdfLines } from './extract-pdf-text.ts';
import { businessReverseChargeEur, consumerInvoiceGbp } from './fixtures.ts';
import { renderInvoicePdf } from './render-invoice-pdf.ts';

async function textOf(doc: InvoiceDocument): Promise<string[]> {
  return extractPdfLines(await renderInvoicePdf(doc, { compress: false, layout: 'consumer' }));
}

const usage: InvoiceMessage = {
  kind: 'usage_change',
  line: { subscriptionId: 'sub-1', msisdn: '447700900123', label: 'Léa’s phone\u0007' },
  service: 'data',
  figures: { current: { value: '3.1', unit: 'GB', source: 't' }, average: { value: '2.3', unit: 'GB', source: 't' }, change: { value: '35', unit: '%', source: 't' } },
};

describe('drawInvoiceMessages', () => {
  it('prints the "For you" block with each message phrased from its figures, before the itemised lines', async () => {
    const base = consumerInvoiceGbp();
    // The plan saving from the fixture's own recommendation (16.25 -> 14.00 on World 20GB).
    const saving = planSavingMessages(base.recommendations, [{ subscriptionId: 'sub-1', msisdn: '447700900123', label: null }], base.currency);
    expect(saving).toHaveLength(1);
    const doc = { ...base, messages: [usage, ...saving] };
    const lines = await textOf(doc);
    // Wrapped lines keep the space they broke at.
    const text = lines.join(' ').replace(/ {2,}/g, ' ');
    const heading = lines.indexOf('For you');
    expect(heading).toBeGreaterThan(-1);
    expect(heading).toBeLessThan(lines.indexOf('Plans and bundles'));
    expect(text).toContain('Line Léa’s phone (+447700900123): you used 35% more mobile data than your three-month average (3.1\u00a0GB this period, 2.3\u00a0GB on average).');
    expect(text).toContain(phraseMessage(saving[0]!, 'en'));
    expect(text).toContain('on World 20GB you would have paid £2.25 less this period (£14.00 instead of £16.25, before tax).');
  });

  it("in the document's language, and no block without messages", async () => {
    const de = await textOf({ ...businessReverseChargeEur(), messages: [{ ...usage, line: { ...usage.line, label: null } }] });
    expect(de).toContain('Für Sie');
    expect(de.join(' ').replace(/ {2,}/g, ' ')).toContain('Anschluss +447700900123: Sie haben 35\u00a0% mehr mobile Daten genutzt');
    expect(await textOf(consumerInvoiceGbp())).not.toContain('For you');
  });
});

import { describe, expect, it } from 'vitest';
import { chooseInvoiceLayout, phoneLineCount } from './choose-invoice-layout.ts';
import { businessReverseChargeEur, consumerInvoiceGbp } from './fixtures.ts';
import { enterpriseInvoiceGbp, familyInvoiceGbp } from './layout-fixtures.ts';

function oneLineConsumer() {
  const doc = consumerInvoiceGbp();
  return { ...doc, lines: doc.lines.filter((l) => l.subscriptionId !== 'sub-2') };
}

describe('chooseInvoiceLayout', () => {
  it('takes the account preference when it names a layout, whatever the segment', () => {
    expect(chooseInvoiceLayout(enterpriseInvoiceGbp(15), { layout: 'consumer' })).toBe('consumer');
    expect(chooseInvoiceLayout(oneLineConsumer(), { layout: 'enterprise' })).toBe('enterprise');
    expect(chooseInvoiceLayout(oneLineConsumer(), { layout: 'family' })).toBe('family');
  });

  it('on auto: a consumer with one line gets the consumer layout, with two or more the family layout', () => {
    expect(chooseInvoiceLayout(oneLineConsumer(), { layout: 'auto' })).toBe('consumer');
    expect(chooseInvoiceLayout(consumerInvoiceGbp(), { layout: 'auto' })).toBe('family');
    expect(chooseInvoiceLayout(familyInvoiceGbp())).toBe('family');
  });

  it('on auto: a business (segment, or flagged by its VAT id) gets the enterprise layout, even with one line', () => {
    expect(chooseInvoiceLayout(enterpriseInvoiceGbp(15))).toBe('enterprise');
    expect(chooseInvoiceLayout(businessReverseChargeEur())).toBe('enterprise');
    const small = { ...oneLineConsumer(), buyer: { ...oneLineConsumer().buyer, segment: 'small_business', business: false } };
    expect(chooseInvoiceLayout(small)).toBe('enterprise');
    const withVatId = { ...oneLineConsumer(), buyer: { ...oneLineConsumer().buyer, business: true } };
    expect(chooseInvoiceLayout(withVatId)).toBe('enterprise');
  });

  it('counts phone lines from the document summary, or from the lines of a document stored before it', () => {
    expect(phoneLineCount(familyInvoiceGbp())).toBe(2);
    expect(phoneLineCount(consumerInvoiceGbp())).toBe(2);
    expect(phoneLineCount(oneLineConsumer())).toBe(1);
    expect(phoneLineCount({ lines: [], phoneLines: [] })).toBe(0);
    expect(chooseInvoiceLayout({ ...oneLineConsumer(), lines: [] })).toBe('consumer');
  });
});

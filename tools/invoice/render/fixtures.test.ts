import { describe, expect, it } from 'vitest';
import { dec, roundToCurrency, ZERO } from '../../money/index.ts';
import { invoiceDocumentSchema } from '../invoice.types.ts';
import { ALL_FIXTURES } from './fixtures.ts';

// The renderers print these amounts as they are, so the fixtures themselves must add up.
describe.each(Object.entries(ALL_FIXTURES))('fixture %s', (_name, build) => {
  const doc = build();

  it('is a valid invoice document', () => {
    expect(invoiceDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('adds up: lines to subtotal, taxes to tax total, both to total', () => {
    const lines = doc.lines.reduce((sum, l) => sum.plus(l.amount), ZERO);
    const taxes = doc.taxes.reduce((sum, t) => sum.plus(t.amount), ZERO);
    expect(lines.equals(dec(doc.subtotal))).toBe(true);
    expect(taxes.equals(dec(doc.taxTotal))).toBe(true);
    expect(lines.plus(taxes).equals(dec(doc.total))).toBe(true);
  });

  it('has tax lines whose base and amount follow from their lines and rate', () => {
    for (const tax of doc.taxes) {
      if (tax.kind === 'percentage') {
        const base = doc.lines.filter((l) => tax.lineIds.includes(l.id)).reduce((sum, l) => sum.plus(l.amount), ZERO);
        expect(base.equals(dec(tax.base))).toBe(true);
        const due = roundToCurrency(
          dec(tax.base)
            .times(tax.ratePercent ?? '0')
            .div(100),
          doc.currency,
        );
        expect(due.equals(dec(tax.amount))).toBe(true);
      } else {
        expect(
          dec(tax.feePerLine ?? '0')
            .times(tax.base)
            .equals(dec(tax.amount)),
        ).toBe(true);
      }
    }
  });

  it('has lines whose unit price times quantity is the amount, when a unit price is given', () => {
    for (const l of doc.lines) {
      if (l.unitPrice !== null) expect(dec(l.unitPrice).times(l.quantity).equals(dec(l.amount))).toBe(true);
    }
  });
});

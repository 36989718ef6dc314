import { describe, expect, it } from 'vitest';
import { dec } from '../money/index.ts';
import { lineTaxShares } from './line-tax-shares.ts';
import { ALL_FIXTURES, consumerInvoiceGbp, usConsumerInvoiceUsd } from './render/fixtures.ts';

describe('lineTaxShares', () => {
  it("gives each line its VAT share and the rounding difference to the largest line, adding up to the document's tax", () => {
    const doc = consumerInvoiceGbp();
    const shares = lineTaxShares(doc);
    expect(shares.tax.L1).toBe('3.00');
    expect(shares.gross.L1).toBe('18.00');
    // -0.35 x 20% = -0.07 exactly; -2.50 x 20% = -0.50.
    expect(shares.tax.L8).toBe('-0.07');
    expect(shares.tax.L6).toBe('-0.50');
    expect(shares.unattributed).toBeNull();
  });

  it('keeps taxes tied to no line apart (per-line fees without subscriptions)', () => {
    const shares = lineTaxShares(usConsumerInvoiceUsd());
    expect(shares.tax.A3).toBe('1.83');
    expect(shares.tax.A1).toBe('0.00');
    expect(shares.unattributed).toBe('3.60');
  });

  it('splits per-line fees over the first line of each subscription counted', () => {
    const doc = usConsumerInvoiceUsd();
    doc.taxes = doc.taxes.map((t) => (t.kind === 'per_line' ? { ...t, subscriptionIds: ['sub-us-1', 'sub-us-2'] } : t));
    const shares = lineTaxShares(doc);
    expect(shares.tax.A1).toBe('1.80');
    expect(shares.tax.A2).toBe('1.80');
    expect(shares.unattributed).toBeNull();
  });

  it('adds up to the tax total for every fixture', () => {
    for (const [name, make] of Object.entries(ALL_FIXTURES)) {
      const doc = make();
      const shares = lineTaxShares(doc);
      const sum = Object.values(shares.tax).reduce((a, b) => a.plus(b), dec(shares.unattributed ?? '0'));
      expect(sum.equals(dec(doc.taxTotal)), name).toBe(true);
    }
  });
});

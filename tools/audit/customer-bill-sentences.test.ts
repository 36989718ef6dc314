import { describe, expect, it } from 'vitest';
import { customerBillSentences } from './customer-bill-sentences.ts';
import { explainInvoice } from './explain-invoice.ts';
import { gbMarch } from './testing/billed-invoices.ts';

describe('customerBillSentences', () => {
  it('says a bill in plain sentences with the explanation’s own figures: period, parts by section, usage against allowances, tax', () => {
    const sentences = customerBillSentences(explainInvoice(gbMarch()));
    expect(sentences[0]).toBe('This bill covers 2025-03-01 to 2025-03-31: £35.12 before tax, plus £7.02 tax, makes £42.14.');
    // 0.20 + 3.50 + 0.42 of usage lines, summed exactly: 4.12.
    expect(sentences[1]).toBe('It is made of £31.00 for monthly plan fees, £4.12 for calls, texts and data beyond your allowances.');
    expect(sentences).toContain('VAT: 20% of 35.12 = 7.024, charged 7.02.');
    expect(sentences.some((s) => s.startsWith('You used '))).toBe(true);
  });
});

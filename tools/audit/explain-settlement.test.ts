import { describe, expect, it } from 'vitest';
import { explainInvoice } from './explain-invoice.ts';
import { explainSettlement } from './explain-settlement.ts';
import { gbCreditNote, gbMarch } from './testing/billed-invoices.ts';

// INV-000042 (42.14, issued 2025-04-01, due 2025-04-15) and CN-000003 (-1.20) against it: 40.94 still open.
describe('explainSettlement', () => {
  it('names the credit note against an open invoice and what is still open', () => {
    const s = explainSettlement(gbMarch(), [gbCreditNote()], '2025-04-20');
    expect(s).toMatchObject({ paid: false, open: '40.94', credit: '0.00', notes: [{ number: 'CN-000003', kind: 'credit_note', total: '-1.20' }] });
    expect(s.sentence).toBe(
      'INV-000042 (total 42.14 GBP) is not marked paid (status issued); credit note CN-000003 of -1.20 GBP issued 2025-04-10 (International call billed in error) was issued against it; 40.94 GBP is still open, due 2025-04-15 (5 days past due).',
    );
  });

  it('says a paid invoice is paid, and the credit a later note leaves the customer', () => {
    const s = explainSettlement({ ...gbMarch(), status: 'paid' }, [gbCreditNote()], '2025-04-20');
    expect(s).toMatchObject({ paid: true, open: '0.00', credit: '1.20' });
    expect(s.sentence).toContain('is marked paid');
    expect(s.sentence).toContain('nothing is still open; the customer has 1.20 GBP in credit from it');
  });

  it('is part of an invoice explanation when the notes are given', () => {
    expect(explainInvoice(gbMarch()).settlement).toBeNull();
    expect(explainInvoice(gbMarch(), { settlement: { notes: [], asOf: '2025-04-01' } }).settlement?.sentence).toBe(
      'INV-000042 (total 42.14 GBP) is not marked paid (status issued); no credit or debit note was issued against it; 42.14 GBP is still open, due 2025-04-15.',
    );
  });
});

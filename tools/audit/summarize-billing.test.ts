import { describe, expect, it } from 'vitest';
import { summarizeBilling, type BilledDocument } from './summarize-billing.ts';

const doc = (over: Partial<BilledDocument>): BilledDocument => ({
  id: 1,
  number: 'INV-000001',
  accountId: 'A1',
  kind: 'invoice',
  status: 'issued',
  currency: 'GBP',
  subtotal: '10.00',
  taxTotal: '2.00',
  total: '12.00',
  taxes: [{ name: 'VAT', amount: '2.00' }],
  ...over,
});

describe('summarizeBilling', () => {
  it('adds issued invoices exactly, keeps held ones and notes apart, and ranks the largest', () => {
    const s = summarizeBilling('2025-03', [
      doc({ id: 1, subtotal: '0.10', taxTotal: '0.02', total: '0.12', taxes: [{ name: 'VAT', amount: '0.02' }] }),
      doc({ id: 2, number: 'INV-000002', subtotal: '0.20', taxTotal: '0.04', total: '0.24', taxes: [{ name: 'VAT', amount: '0.04' }] }),
      doc({ id: 3, number: null, status: 'held', subtotal: '5.00', taxTotal: '1.00', total: '6.00', taxes: [{ name: 'VAT', amount: '1.00' }] }),
      doc({ id: 4, number: 'CN-000001', kind: 'credit_note', total: '-0.12' }),
    ]);
    expect(s.currencies).toEqual([
      {
        currency: 'GBP',
        // 0.1 + 0.2 in floats would be 0.30000000000000004
        issued: { count: 2, subtotal: '0.30', taxTotal: '0.06', total: '0.36', taxes: { VAT: '0.06' } },
        held: { count: 1, total: '6.00' },
        withHeld: { count: 3, subtotal: '5.30', taxTotal: '1.06', total: '6.36', taxes: { VAT: '1.06' } },
        largest: [
          { id: 3, number: null, accountId: 'A1', status: 'held', total: '6.00' },
          { id: 2, number: 'INV-000002', accountId: 'A1', status: 'issued', total: '0.24' },
          { id: 1, number: 'INV-000001', accountId: 'A1', status: 'issued', total: '0.12' },
        ],
        creditNotes: { count: 1, total: '-0.12' },
        debitNotes: { count: 0, total: '0.00' },
      },
    ]);
  });

  it('keeps currencies apart and leaves void documents out', () => {
    const s = summarizeBilling('2025-03', [doc({ currency: 'EUR' }), doc({ status: 'void' }), doc({ id: 5 })]);
    expect(s.currencies.map((c) => [c.currency, c.issued.count, c.issued.total])).toEqual([
      ['EUR', 1, '12.00'],
      ['GBP', 1, '12.00'],
    ]);
  });
});

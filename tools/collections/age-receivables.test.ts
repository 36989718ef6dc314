import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, ZERO } from '../money/index.ts';
import { addDays } from '../time/index.ts';
import { ageReceivables } from './age-receivables.ts';
import { AGEING_BUCKETS, type ReceivableDocument } from './collections.types.ts';
import { codeOf } from './testing/code-of.ts';

function doc(over: Partial<ReceivableDocument> & Pick<ReceivableDocument, 'id'>): ReceivableDocument {
  return { number: `INV-${String(over.id).padStart(6, '0')}`, kind: 'invoice', status: 'issued', currency: 'GBP', total: '10.00', issueDate: '2025-01-01', dueDate: '2025-01-31', ...over };
}

// Hand-checked: 2025-03-01 -> 2025-06-15 is 31 + 30 + 31 + 14 = 106 days; 2025-04-20 -> 56; 2025-05-25 -> 21.
const ACCOUNT: ReceivableDocument[] = [
  doc({ id: 1, number: 'INV-000001', status: 'overdue', total: '120.00', issueDate: '2025-02-01', dueDate: '2025-03-01' }),
  doc({ id: 2, number: 'INV-000002', status: 'overdue', total: '80.50', issueDate: '2025-03-21', dueDate: '2025-04-20' }),
  doc({ id: 3, number: 'CN-000001', kind: 'credit_note', total: '-10.25', issueDate: '2025-04-02', dueDate: '2025-05-02', corrects: 'INV-000002' }),
  doc({ id: 4, number: 'INV-000003', total: '45.99', issueDate: '2025-04-25', dueDate: '2025-05-25' }),
  doc({ id: 5, number: 'DN-000001', kind: 'debit_note', total: '3.01', issueDate: '2025-05-21', dueDate: '2025-06-20', corrects: 'INV-000003' }),
  doc({ id: 6, number: 'INV-000004', status: 'paid', total: '99.00', issueDate: '2025-01-01', dueDate: '2025-01-31' }),
  doc({ id: 7, number: 'CN-000002', kind: 'credit_note', total: '-5.00', issueDate: '2025-02-10', dueDate: '2025-03-12', corrects: 'INV-000004' }),
  doc({ id: 8, number: 'INV-000005', status: 'void', total: '12.00' }),
  doc({ id: 9, number: null, status: 'held', total: '500.00', issueDate: null, dueDate: null }),
];

describe('ageReceivables', () => {
  it('ages a mixed account to the cent', () => {
    const s = ageReceivables(ACCOUNT, '2025-06-15');
    expect(s).toMatchObject({
      asOf: '2025-06-15',
      currency: 'GBP',
      openBalance: '239.25', // 120.00 + (80.50 - 10.25) + 45.99 + 3.01
      overdueBalance: '236.24',
      buckets: { current: '3.01', days_1_30: '45.99', days_31_60: '70.25', days_61_90: '0.00', days_over_90: '120.00' },
      oldestDueDate: '2025-03-01',
      daysPastDue: 106,
    });
    expect(s.rows.map((r) => [r.number, r.daysPastDue, r.bucket, r.total, r.credited, r.open])).toEqual([
      ['INV-000001', 106, 'days_over_90', '120.00', '0.00', '120.00'],
      ['INV-000002', 56, 'days_31_60', '80.50', '10.25', '70.25'],
      ['INV-000003', 21, 'days_1_30', '45.99', '0.00', '45.99'],
      ['DN-000001', 0, 'current', '3.01', '0.00', '3.01'],
    ]);
    // The credit against a paid invoice is the customer's money to refund or allocate, not a balance reduction.
    expect(s.unappliedCredits).toEqual([{ id: 7, number: 'CN-000002', corrects: 'INV-000004', amount: '5.00', reason: expect.stringMatching(/not open/) }]);
  });

  it.each([
    [0, 'current'],
    [1, 'days_1_30'],
    [30, 'days_1_30'],
    [31, 'days_31_60'],
    [60, 'days_31_60'],
    [61, 'days_61_90'],
    [90, 'days_61_90'],
    [91, 'days_over_90'],
    [-5, 'current'],
  ] as const)('puts %i days past due in %s', (days, bucket) => {
    const s = ageReceivables([doc({ id: 1, dueDate: addDays('2025-06-15', -days) })], '2025-06-15');
    expect(s.rows[0]!.bucket).toBe(bucket);
    expect(s.daysPastDue).toBe(Math.max(0, days));
  });

  it('shows a credit beyond an invoice as a negative open amount and a credit balance, never as 0.00', () => {
    // The demo's INV-000005 (11.40) after a 12.00 credit note: the customer is 0.60 in credit.
    const s = ageReceivables([doc({ id: 1, total: '11.40' }), doc({ id: 2, number: 'CN-000001', kind: 'credit_note', total: '-12.00', corrects: 'INV-000001' })], '2025-03-01');
    expect(s.rows[0]).toMatchObject({ credited: '12.00', open: '-0.60' });
    expect(s).toMatchObject({ openBalance: '0.00', creditBalance: '0.60', balance: '-0.60', oldestDueDate: null, daysPastDue: 0 });
    expect(s.unappliedCredits).toEqual([expect.objectContaining({ amount: '0.60' })]);
    expect(s.summary).toMatch(/balance -0\.60 GBP/i);
    expect(s.summary).toMatch(/in credit/);
  });

  it('counts a credit for a paid invoice in the balance', () => {
    const s = ageReceivables(
      [doc({ id: 1, total: '10.00' }), doc({ id: 2, number: 'INV-000002', status: 'paid' }), doc({ id: 3, number: 'CN-1', kind: 'credit_note', total: '-4.00', corrects: 'INV-000002' })],
      '2025-01-15',
    );
    expect(s).toMatchObject({ openBalance: '10.00', creditBalance: '4.00', balance: '6.00' });
    expect(s.summary).toMatch(/balance 6\.00 GBP/i);
  });

  it('ignores void and settled credit notes, and reports one that names no invoice', () => {
    const s = ageReceivables(
      [
        doc({ id: 1, total: '10.00' }),
        doc({ id: 2, number: 'CN-1', kind: 'credit_note', status: 'void', total: '-4.00', corrects: 'INV-000001' }),
        doc({ id: 3, number: 'CN-2', kind: 'credit_note', total: '-1.00' }),
      ],
      '2025-01-15',
    );
    expect(s.openBalance).toBe('10.00');
    expect(s.unappliedCredits.map((c) => [c.number, c.amount])).toEqual([['CN-2', '1.00']]);
  });

  it('uses the currency minor unit (JPY 0, KWD 3)', () => {
    expect(ageReceivables([doc({ id: 1, currency: 'JPY', total: '1200' })], '2025-02-01').openBalance).toBe('1200');
    expect(ageReceivables([doc({ id: 1, currency: 'KWD', total: '1.5' })], '2025-02-01').buckets.days_1_30).toBe('1.500');
  });

  it('gives an empty account a zero standing', () => {
    expect(ageReceivables([], '2025-02-01')).toMatchObject({ currency: null, openBalance: '0', daysPastDue: 0, rows: [], oldestDueDate: null });
  });

  it('refuses bad input with INVALID_INPUT', () => {
    expect(codeOf(() => ageReceivables([doc({ id: 1 }), doc({ id: 2, number: 'X', currency: 'EUR' })], '2025-02-01'))).toBe('INVALID_INPUT');
    expect(codeOf(() => ageReceivables([doc({ id: 1, total: '10.555' })], '2025-02-01'))).toBe('INVALID_INPUT');
    expect(codeOf(() => ageReceivables([doc({ id: 1, total: '-1.00' })], '2025-02-01'))).toBe('INVALID_INPUT');
    expect(codeOf(() => ageReceivables([doc({ id: 1, dueDate: null })], '2025-02-01'))).toBe('INVALID_INPUT');
    expect(codeOf(() => ageReceivables([doc({ id: 1 }), doc({ id: 1, number: 'Y' })], '2025-02-01'))).toBe('INVALID_INPUT');
    expect(codeOf(() => ageReceivables([doc({ id: 1, total: 10 as unknown as string })], '2025-02-01'))).toBe('INVALID_INPUT');
    expect(codeOf(() => ageReceivables([doc({ id: 1, currency: 'XYZ' })], '2025-02-01'))).toBe('INVALID_INPUT');
    expect(codeOf(() => ageReceivables([], '2025-02-30'))).toBe('INVALID_INPUT');
  });

  const cents = fc.integer({ min: 0, max: 5_000_000 }).map((c) => dec(c).div(100).toFixed(2));
  const account = fc
    .array(
      fc.record({
        kind: fc.constantFrom('invoice', 'invoice', 'debit_note', 'credit_note') as fc.Arbitrary<ReceivableDocument['kind']>,
        status: fc.constantFrom('issued', 'overdue', 'paid', 'void', 'held') as fc.Arbitrary<ReceivableDocument['status']>,
        amount: cents,
        dueOffset: fc.integer({ min: -200, max: 60 }),
        corrects: fc.integer({ min: 0, max: 15 }),
      }),
      { maxLength: 16 },
    )
    .map((items) =>
      items.map((it, i): ReceivableDocument => {
        const credit = it.kind === 'credit_note';
        return doc({
          id: i,
          number: `D-${i}`,
          kind: it.kind,
          status: it.status,
          total: credit ? dec(it.amount).negated().toFixed(2) : it.amount,
          dueDate: addDays('2025-06-15', it.dueOffset),
          corrects: credit ? `D-${it.corrects}` : null,
        });
      }),
    );

  it('property: buckets and rows add up to the open balance, and every credit is applied or reported', () => {
    fc.assert(
      fc.property(account, (docs) => {
        const s = ageReceivables(docs, '2025-06-15');
        const bucketSum = AGEING_BUCKETS.reduce((t, b) => t.plus(s.buckets[b]!), ZERO);
        const owed = s.rows.reduce((t, r) => (dec(r.open).greaterThan(0) ? t.plus(r.open) : t), ZERO);
        const excess = s.rows.reduce((t, r) => (dec(r.open).isNegative() ? t.minus(r.open) : t), ZERO);
        expect(bucketSum.equals(s.openBalance)).toBe(true);
        expect(owed.equals(s.openBalance)).toBe(true);
        expect(s.rows.every((r) => dec(r.open).equals(dec(r.total).minus(r.credited)))).toBe(true);
        const openCredits = docs.filter((d) => d.kind === 'credit_note' && (d.status === 'issued' || d.status === 'overdue')).reduce((t, d) => t.plus(dec(d.total).abs()), ZERO);
        const applied = s.rows.reduce((t, r) => t.plus(r.credited), ZERO).minus(excess);
        const unapplied = s.unappliedCredits.reduce((t, c) => t.plus(c.amount), ZERO);
        expect(applied.plus(unapplied).equals(openCredits)).toBe(true);
        expect(dec(s.creditBalance).equals(unapplied)).toBe(true);
        expect(dec(s.balance).equals(dec(s.openBalance).minus(unapplied))).toBe(true);
        // The caller's order does not matter.
        expect(ageReceivables([...docs].reverse(), '2025-06-15')).toEqual(s);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { allocatePayment, creditToApply, type OpenInvoice } from './allocate-payment.ts';
import { buildCreditorReference, isValidCreditorReference, normalizeCreditorReference } from './creditor-reference.ts';
import { createMatchingBook, matchPayment, settlePayment } from './match-payment.ts';

const inv = (id: number, accountId: string, outstanding: string, issueDate = `2025-0${id}-01`): OpenInvoice => ({
  id,
  number: `INV-${String(id + 122).padStart(6, '0')}`,
  accountId,
  currency: 'EUR',
  issueDate,
  outstanding,
});
const entry = (over: Partial<Parameters<typeof matchPayment>[0]> = {}) => ({ creditorReference: null, remittance: null, amount: '10.00', currency: 'EUR', payerName: null, payerIban: null, ...over });

describe('ISO 11649 creditor references', () => {
  it('builds RFkk + the number’s letters and digits, whose check digits hold, and refuses one digit changed', () => {
    expect(buildCreditorReference('INV-000123')).toBe('RF73INV000123');
    expect(isValidCreditorReference('RF18 5390 0754 7034')).toBe(true); // the standard's own example
    expect(isValidCreditorReference('RF18539007547035')).toBe(false);
    expect(isValidCreditorReference('RF73INV000124')).toBe(false);
    expect(normalizeCreditorReference('rf73 inv0 0012 3')).toBe('RF73INV000123');
    expect(() => buildCreditorReference('---')).toThrow(/cannot be a creditor reference/);
  });
});

describe('matching, in order', () => {
  const book = () =>
    createMatchingBook([inv(1, 'A', '10.00'), inv(2, 'A', '20.00'), inv(3, 'B', '10.00'), inv(4, 'C', '30.00')], [{ accountId: 'B', payerName: 'Bea Payer', payerIban: 'DE89370400440532013000' }]);

  it('takes the RF reference first, even when the text names another invoice', () => {
    expect(matchPayment(entry({ creditorReference: buildCreditorReference('INV-000125'), remittance: 'INV-000123' }), book())).toEqual({
      accountId: 'B',
      method: 'creditor_reference',
      invoiceIds: [3],
    });
    expect(matchPayment(entry({ remittance: `ref ${buildCreditorReference('INV-000126')}` }), book())?.method).toBe('creditor_reference');
  });

  it('reads invoice numbers from the text without dashes, in any case, and with one typo only when one open invoice is that close', () => {
    expect(matchPayment(entry({ remittance: 'inv 000123' }), book())).toMatchObject({ accountId: 'A', method: 'invoice_number', invoiceIds: [1] });
    expect(matchPayment(entry({ remittance: 'INV000123 and inv-000124' }), book())?.invoiceIds).toEqual([1, 2]);
    expect(matchPayment(entry({ remittance: 'inv 000l23' }), book())).toMatchObject({ invoiceIds: [1], typo: true });
    // INV000127 is one edit from INV-000123...126 alike: ambiguous, so no match by number.
    expect(matchPayment(entry({ remittance: 'INV000127' }), createMatchingBook([inv(1, 'A', '10.00'), inv(4, 'C', '30.00')], []))).toBeNull();
    expect(matchPayment(entry({ remittance: 'INV000129' }), createMatchingBook([inv(4, 'C', '30.00')], []))).toMatchObject({ accountId: 'C', typo: true });
    expect(matchPayment(entry({ remittance: 'INV-000123 INV-000125' }), book())).toBeNull(); // two accounts named
  });

  it('then the amount, on the one account that has seen this payer', () => {
    expect(matchPayment(entry({ payerIban: 'DE89 3704 0044 0532 0130 00' }), book())).toEqual({ accountId: 'B', method: 'amount_payer', invoiceIds: [3] });
    expect(matchPayment(entry({ payerName: 'BEA payer' }), book())?.accountId).toBe('B');
    expect(matchPayment(entry({ payerName: 'Bea Payer', amount: '10.01' }), book())).toBeNull();
    expect(matchPayment(entry({ payerName: 'Someone Else' }), book())).toBeNull();
  });
});

describe('allocation, exact to the cent', () => {
  it('settles the named invoice, then the account’s other open ones oldest first; the excess is credit', () => {
    const b = createMatchingBook([inv(2, 'A', '20.00'), inv(1, 'A', '10.00'), inv(3, 'A', '5.55')], []);
    const { plan, state } = settlePayment(b, { accountId: 'A', invoiceIds: [3] }, '40.56', 'EUR');
    expect(plan.allocations).toEqual([
      { invoiceId: 3, amount: '5.55', settles: true },
      { invoiceId: 1, amount: '10.00', settles: true },
      { invoiceId: 2, amount: '20.00', settles: true },
    ]);
    expect([plan.excess, state]).toEqual(['5.01', 'matched']);
    expect([...b.invoices.values()].map((i) => i.outstanding)).toEqual(['0', '0', '0']);
  });

  it('an underpayment leaves the rest open (partly matched), and a second payment settles it', () => {
    const b = createMatchingBook([inv(1, 'A', '10.00')], []);
    expect(settlePayment(b, { accountId: 'A', invoiceIds: [1] }, '3.33', 'EUR')).toMatchObject({ state: 'partly_matched', plan: { leftOpen: [1], excess: '0.00' } });
    expect(settlePayment(b, { accountId: 'A', invoiceIds: [1] }, '6.67', 'EUR')).toMatchObject({ state: 'matched', plan: { allocations: [{ invoiceId: 1, amount: '6.67', settles: true }] } });
  });

  it('never allocates to another currency, and a sum of many small parts is exact', () => {
    const usd = { ...inv(1, 'A', '10.00'), currency: 'USD' };
    expect(allocatePayment('10.00', 'EUR', [usd]).excess).toBe('10.00');
    const many = Array.from({ length: 10 }, (_, i) => inv(i + 1, 'A', '0.10'));
    const plan = allocatePayment('1.00', 'EUR', many);
    expect(plan.allocations).toHaveLength(10);
    expect(plan.excess).toBe('0.00');
    expect(creditToApply('5.00', '12.34', 'EUR')).toBe('5.00');
    expect(creditToApply('15.00', '12.34', 'EUR')).toBe('12.34');
    expect(creditToApply('-1.00', '12.34', 'EUR')).toBe('0.00');
  });
});

describe('returns and statuses', () => {
  it('a return takes back the credit first, then allocations newest first, never more than was given', async () => {
    const { planReturn } = await import('./plan-return.ts');
    const given = {
      credit: '2.00',
      allocations: [
        { invoiceId: 1, amount: '10.00' },
        { invoiceId: 2, amount: '5.00' },
      ],
    };
    expect(planReturn('17.00', 'EUR', given)).toEqual({
      credit: '-2.00',
      allocations: [
        { invoiceId: 2, amount: '-5.00' },
        { invoiceId: 1, amount: '-10.00' },
      ],
      beyond: '0.00',
    });
    expect(planReturn('4.00', 'EUR', given)).toEqual({ credit: '-2.00', allocations: [{ invoiceId: 2, amount: '-2.00' }], beyond: '0.00' });
    expect(planReturn('20.00', 'EUR', given).beyond).toBe('3.00');
  });

  it('paid when nothing is open; reopened as issued, or overdue past its due date, when a payment comes back', async () => {
    const { settledStatus } = await import('./settled-status.ts');
    const { openAmount } = await import('./allocate-payment.ts');
    expect(openAmount('12.00', '10.00', ['-2.00'])).toBe('0');
    expect(settledStatus('issued', '0', '2025-04-15', '2025-04-10')).toBe('paid');
    expect(settledStatus('overdue', '-1.00', '2025-04-15', '2025-04-20')).toBe('paid');
    expect(settledStatus('paid', '12.00', '2025-04-15', '2025-04-10')).toBe('issued');
    expect(settledStatus('paid', '12.00', '2025-04-15', '2025-04-20')).toBe('overdue');
    expect(settledStatus('issued', '0.01', '2025-04-15', '2025-04-10')).toBeNull();
  });
});

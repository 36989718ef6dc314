import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, ZERO } from '../money/index.ts';
import { addDays, addMonthsToDate } from '../time/index.ts';
import type { CashflowAllocation, CashflowDocument } from './cashflow.types.ts';
import { forecastCashflow } from './forecast-cashflow.ts';
import { learnCollectionCurves, MIN_AGE, priorHazard } from './learn-collection-curves.ts';

function invoice(id: number, accountId: string, issueDate: string, total: string, over: Partial<CashflowDocument> = {}): CashflowDocument {
  return { id, accountId, number: `INV-${String(id).padStart(6, '0')}`, kind: 'invoice', status: 'issued', currency: 'GBP', total, issueDate, dueDate: addDays(issueDate, 14), ...over };
}

/** A history in which every account pays every invoice in full exactly `late` days after its due date. */
function regularHistory(accounts: number, months: number, late: number, firstMonth = '2024-01') {
  const documents: CashflowDocument[] = [];
  const allocations: CashflowAllocation[] = [];
  let id = 0;
  for (let a = 1; a <= accounts; a += 1)
    for (let m = 0; m < months; m += 1) {
      id += 1;
      const d = invoice(id, `A${a}`, addMonthsToDate(`${firstMonth}-01`, m), '30.00');
      documents.push(d);
      allocations.push({ invoiceId: id, accountId: d.accountId, kind: 'payment', amount: '30.00', date: addDays(d.dueDate!, late) });
    }
  return { documents, allocations };
}

const total = (xs: readonly string[]) => xs.reduce((s, x) => s.plus(x), ZERO);

describe('forecastCashflow', () => {
  it('falls back to the prior with no history, and one invoice adds up exactly to what is open', () => {
    const f = forecastCashflow({ asOf: '2025-05-01', documents: [invoice(1, 'A1', '2025-04-28', '100.01')], allocations: [] });
    expect(f.history).toEqual({ invoices: 0, invoiceWeeks: 0, payments: 0, thin: true });
    const c = f.currencies[0]!;
    expect(c.invoices).toHaveLength(1);
    const row = c.invoices[0]!;
    expect(row.weeks).toHaveLength(13);
    expect(total([...row.weeks, row.later]).toFixed(2)).toBe('100.01');
    // Due 2025-05-12, 11 days after asOf: week 1 is at age -2 (the prior's 0.04), week 2 holds the due date (0.30 of the 96 % left).
    expect(row.weeks.slice(0, 2)).toEqual(['4.00', '28.80']);
    expect(c.expected).toBe(total(c.weeks.map((w) => w.expected)).toFixed(2));
    expect(dec(c.expected).plus(c.later).toFixed(2)).toBe('100.01');
    expect(priorHazard(-1)).toBe(0.3);
  });

  it('learns from history: customers who pay three weeks late are expected three weeks after the due date', () => {
    const h = regularHistory(20, 12, 17);
    const asOf = '2025-01-03';
    // The December invoices were issued on 2024-12-01, due 2024-12-15; paid 2025-01-01 in history. A new one, due 2025-01-03:
    const documents = [...h.documents, invoice(999, 'A1', '2024-12-20', '50.00', { dueDate: '2025-01-03' })];
    const f = forecastCashflow({ asOf, documents, allocations: h.allocations });
    expect(f.history.thin).toBe(false);
    const row = f.currencies[0]!.invoices.find((i) => i.id === 999)!;
    // Paid 17 days after due: the window (due+14, due+21] is week 3 after a due date of asOf.
    const biggest = row.weeks.indexOf(row.weeks.reduce((a, b) => (dec(b).greaterThan(a) ? b : a)));
    expect(biggest).toBe(2);
    expect(dec(row.weeks[2]!).greaterThan('40')).toBe(true);
    expect(total([...row.weeks, row.later]).toFixed(2)).toBe('50.00');
  });

  it('every invoice of a random set adds up exactly, and so do the weekly totals', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: -120, max: 14 }), fc.constantFrom('low', 'medium', 'high')), { minLength: 1, maxLength: 25 }), (items) => {
        const asOf = '2025-06-01';
        const documents = items.map(([cents, offset], i) => invoice(i + 1, `A${i % 5}`, addDays(asOf, offset - 14), dec(cents).div(100).toFixed(2)));
        const bands = Object.fromEntries(items.map(([, , b], i) => [`A${i % 5}`, b as 'low' | 'medium' | 'high']));
        const c = forecastCashflow({ asOf, documents, allocations: [], bands }).currencies[0]!;
        for (const r of c.invoices) expect(total([...r.weeks, r.later]).toFixed(2)).toBe(dec(r.open).minus(r.credit).toFixed(2));
        expect(total([c.expected, c.later, c.creditApplied]).toFixed(2)).toBe(c.open);
        expect(total(c.weeks.map((w) => w.expected)).toFixed(2)).toBe(c.expected);
      }),
      { numRuns: 60 },
    );
  });

  it('subtracts what is paid, takes the credit balance oldest first, and expects a plan on its instalments', () => {
    const documents = [invoice(1, 'A1', '2025-03-01', '40.00'), invoice(2, 'A1', '2025-04-01', '60.00'), invoice(3, 'A2', '2025-03-01', '90.00')];
    const allocations: CashflowAllocation[] = [
      { invoiceId: 2, accountId: 'A1', kind: 'payment', amount: '10.00', date: '2025-04-10' },
      // Paid towards the plan after it was agreed: settles the first instalment.
      { invoiceId: 3, accountId: 'A2', kind: 'payment', amount: '30.00', date: '2025-04-20' },
    ];
    const f = forecastCashflow({
      asOf: '2025-05-01',
      documents,
      allocations,
      credits: { A1: '45.00' },
      plans: [
        {
          accountId: 'A2',
          currency: 'GBP',
          agreedOn: '2025-04-02',
          instalments: [
            { dueDate: '2025-04-15', amount: '30.00' },
            { dueDate: '2025-05-15', amount: '30.00' },
            { dueDate: '2025-08-15', amount: '30.00' },
          ],
        },
      ],
    });
    const c = f.currencies[0]!;
    const [i1, i2, i3] = c.invoices;
    expect([i1!.open, i1!.credit, i2!.open, i2!.credit]).toEqual(['40.00', '40.00', '50.00', '5.00']);
    expect(total([...i1!.weeks, i1!.later]).toFixed(2)).toBe('0.00');
    expect(i3).toMatchObject({ open: '60.00', planned: '60.00' });
    // 2025-05-15 is in week 2 (05-09..05-15); 2025-08-15 is 106 days on: after the 13 weeks.
    expect(i3!.weeks[1]).toBe('30.00');
    expect(i3!.later).toBe('30.00');
    expect(c.weeks[1]!.fromPlans).toBe('30.00');
    expect(c.creditApplied).toBe('45.00');
  });

  it('expects less soon from a high-risk account than from a low-risk one', () => {
    const documents = [invoice(1, 'A1', '2025-03-01', '100.00'), invoice(2, 'A2', '2025-03-01', '100.00')];
    const c = forecastCashflow({ asOf: '2025-04-01', documents, allocations: [], bands: { A1: 'low', A2: 'high' } }).currencies[0]!;
    const [low, high] = c.invoices;
    expect(dec(low!.weeks[0]!).greaterThan(high!.weeks[0]!)).toBe(true);
    expect(dec(high!.later).greaterThan(low!.later)).toBe(true);
    expect(c.byBand.map((b) => b.band)).toEqual(['low', 'high']);
  });

  it('ranks the accounts to chase by the cash acting would bring within the window, with the reason', () => {
    const documents = [invoice(1, 'A1', '2025-01-01', '500.00'), invoice(2, 'A2', '2025-03-01', '100.00'), invoice(3, 'A3', '2025-01-01', '500.00'), invoice(4, 'A4', '2025-05-01', '900.00')];
    const c = forecastCashflow({ asOf: '2025-05-10', documents, allocations: [], bands: { A1: 'high', A3: 'low' } }).currencies[0]!;
    // A4 is not due yet: nothing to chase. A3 (low risk) responds more than A1 (high risk) to the same overdue amount.
    expect(c.actions.map((a) => a.accountId)).toEqual(['A3', 'A1', 'A2']);
    expect(c.actions[0]).toMatchObject({ rank: 1, band: 'low', overdue: '500.00', oldestDaysPastDue: 115 });
    expect(c.actions[0]!.reason).toContain('500.00 GBP overdue on 1 invoice (oldest INV-000003, 115 days past due, over 90 days)');
    const gain = dec(c.actions[0]!.overdue).minus(c.actions[0]!.expectedWithoutAction).times('0.6');
    expect(c.actions[0]!.expectedGain).toBe(gain.toFixed(2));
  });

  it('splits currencies and leaves void, paid and not yet issued documents out', () => {
    const documents = [
      invoice(1, 'A1', '2025-03-01', '10.00'),
      invoice(2, 'A2', '2025-03-01', '1000', { currency: 'JPY' }),
      invoice(3, 'A1', '2025-03-01', '10.00', { status: 'void' }),
      invoice(4, 'A1', '2025-02-01', '10.00', { status: 'paid' }),
      invoice(5, 'A1', '2025-06-01', '10.00'),
    ];
    const f = forecastCashflow({ asOf: '2025-04-01', documents, allocations: [] });
    expect(f.currencies.map((c) => [c.currency, c.open, c.invoices.length])).toEqual([
      ['GBP', '10.00', 1],
      ['JPY', '1000', 1],
    ]);
  });

  it('gives each week the same amount whatever horizon is asked, the rest in later', () => {
    const documents = [invoice(1, 'A1', '2025-03-01', '123.45'), invoice(2, 'A2', '2025-04-20', '77.77')];
    const full = forecastCashflow({ asOf: '2025-05-01', documents, allocations: [] }).currencies[0]!;
    const short = forecastCashflow({ asOf: '2025-05-01', weeks: 5, documents, allocations: [] }).currencies[0]!;
    expect(short.weeks.map((w) => w.expected)).toEqual(full.weeks.slice(0, 5).map((w) => w.expected));
    expect(short.later).toBe(total([full.later, ...full.weeks.slice(5).map((w) => w.expected)]).toFixed(2));
  });

  it('refuses a weeks outside 1 to 13', () => {
    expect(() => forecastCashflow({ asOf: '2025-04-01', weeks: 14, documents: [], allocations: [] })).toThrow(/weeks/);
  });
});

describe('learnCollectionCurves', () => {
  it('keeps the prior when no payment is recorded at all, and learns nothing from an invoice marked paid with no allocation', () => {
    const h = regularHistory(20, 12, 5);
    const none = learnCollectionCurves({ asOf: '2025-01-03', documents: h.documents, allocations: [], bands: {} });
    expect(none).toMatchObject({ invoices: 0, invoiceWeeks: 0, payments: 0, thin: true });
    expect(none.hazard.medium[-1 - MIN_AGE]).toBeCloseTo(priorHazard(-1), 10);
    const byHand = learnCollectionCurves({
      asOf: '2025-01-03',
      documents: h.documents.map((d) => (d.accountId === 'A1' ? { ...d, status: 'paid' as const } : d)),
      allocations: h.allocations.filter((a) => a.accountId !== 'A1'),
      bands: {},
    });
    expect(byHand.invoices).toBe(19 * 12);
  });

  it('uses only what was known by asOf', () => {
    const h = regularHistory(10, 6, 3);
    const early = learnCollectionCurves({ asOf: '2024-03-01', documents: h.documents, allocations: h.allocations, bands: {} });
    const late = learnCollectionCurves({ asOf: '2024-08-01', documents: h.documents, allocations: h.allocations, bands: {} });
    expect(early.invoiceWeeks).toBeLessThan(late.invoiceWeeks);
    // An invoice issued on the 1st, due the 15th, paid the 18th: weeks (-1, 0] of age ... one paying week each.
    expect(late.invoices).toBe(60);
  });
});

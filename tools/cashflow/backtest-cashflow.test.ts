import { describe, expect, it } from 'vitest';
import { addDays, addMonthsToDate } from '../time/index.ts';
import { backtestCashflow } from './backtest-cashflow.ts';
import type { CashflowAllocation, CashflowDocument } from './cashflow.types.ts';

/** Accounts that pay every monthly invoice in full 17 days after its due date, and one that never pays. */
function history() {
  const documents: CashflowDocument[] = [];
  const allocations: CashflowAllocation[] = [];
  let id = 0;
  for (let a = 1; a <= 11; a += 1)
    for (let m = 0; m < 12; m += 1) {
      id += 1;
      const issueDate = addMonthsToDate('2024-01-01', m);
      const dueDate = addDays(issueDate, 14);
      documents.push({ id, accountId: `A${a}`, number: `INV-${id}`, kind: 'invoice', status: a === 11 ? 'issued' : 'paid', currency: 'GBP', total: '20.00', issueDate, dueDate });
      if (a !== 11) allocations.push({ invoiceId: id, accountId: `A${a}`, kind: 'payment', amount: '20.00', date: addDays(dueDate, 17) });
    }
  return { documents, allocations };
}

describe('backtestCashflow', () => {
  it('compares each week with the cash received on what was open, and beats paying-on-the-due-date when customers pay late', () => {
    const h = history();
    const r = backtestCashflow({ ...h, cutoffs: ['2024-09-10'], weeks: 13 });
    const c = r.cutoffs[0]!;
    // Open on 2024-09-10: August's invoices were paid on 09-01; September's (due 09-15, paid 10-02) are open, and all nine of A11's so far.
    expect(c.openInvoices).toBe(10 + 9);
    // Actual: September's ten invoices paid on 2024-10-02, day 22 after the cut-off: week 4.
    expect(c.actual[3]).toBe('200.00');
    expect(c.actual.filter((x) => x !== '0.00')).toEqual(['200.00']);
    // The naive baseline expects all of it in week 1: A11's nine invoices (180.00, September's among them, due 09-15, day 5) and the ten others' September (200.00).
    expect(c.naive[0]).toBe('380.00');
    expect(r.forecast.totalApe).toBeLessThan(r.naive.totalApe);
    expect(r.forecast.weeklyWape).toBeLessThan(r.naive.weeklyWape);
    expect(r.forecast.weeklyWape).toBeLessThan(0.5);
  });
});

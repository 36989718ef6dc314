import { describe, expect, it } from 'vitest';
import { DEFAULT_FLAG_RULES, flagInvoice } from '../invoice/flag-invoice.ts';
import { findBillJump } from './find-bill-jump.ts';
import { gbMarch } from './testing/billed-invoices.ts';

const history = (...totals: string[]) => totals.map((total, i) => ({ period: `2024-${String(12 - i).padStart(2, '0')}`, total }));

describe('findBillJump', () => {
  const march = gbMarch(); // total 42.14

  it('is no jump against a similar month: 42.14 / 38.53 = 1.0937', () => {
    const j = findBillJump(march, history('38.53'));
    expect(j).toMatchObject({ total: '42.14', threshold: '1.5', average: '38.53', ratio: '1.0937', increase: '3.61', jump: false });
  });

  it('is a jump above 1.5x the average: (20 + 25 + 30) / 3 = 25.00, 42.14 / 25 = 1.6856', () => {
    const j = findBillJump(march, history('20.00', '25.00', '30.00'));
    expect(j).toMatchObject({ average: '25.00', averageExact: '25', ratio: '1.6856', increase: '17.14', jump: true, periods: ['2024-12', '2024-11', '2024-10'] });
    expect(j.sentence).toBe('Total 42.14 GBP is 1.6856x the average of 3 earlier invoices (25.00): a jump (more than 1.5x is one).');
    expect(findBillJump(march, history('20.00', '25.00', '30.00'), { ratio: '2' }).jump).toBe(false);
    expect(findBillJump(march, history('20.00', '25.00', '30.00'), { minIncrease: '20' }).jump).toBe(false);
  });

  it('decides exactly at the threshold, with no rounded average in the way', () => {
    // (28.10 + 28.09 + 28.09) / 3 = 28.09333..., x 1.5 = 42.14 exactly: not more than 1.5x
    const at = findBillJump(march, history('28.10', '28.09', '28.09'));
    expect(at).toMatchObject({ average: '28.09', averageExact: '28.09333333333333333333', ratio: '1.5', jump: false });
    // one cent less in the history tips it
    expect(findBillJump(march, history('28.10', '28.09', '28.08')).jump).toBe(true);
  });

  it('answers as BILL_SHOCK does with its factor and minimum increase', () => {
    for (const totals of [['12.00', '11.00', '13.00'], ['21.07', '21.07', '21.07'], ['21.06', '21.07', '21.07'], ['30.00', '36.00'], ['0.00']]) {
      const shock = flagInvoice(march, { previousTotals: totals, unratedEvents: 0, unattachedEvents: 0 }).some((f) => f.code === 'BILL_SHOCK');
      const jump = findBillJump(march, history(...totals), { ratio: DEFAULT_FLAG_RULES.billShockFactor, minIncrease: DEFAULT_FLAG_RULES.billShockMinIncrease });
      expect([totals, jump.jump]).toEqual([totals, shock]);
    }
  });

  it('has nothing to say without history, and no ratio against a zero average', () => {
    expect(findBillJump(march, [])).toMatchObject({ average: null, ratio: null, increase: null, jump: false, sentence: 'Total 42.14 GBP: no earlier invoices to compare it with.' });
    expect(findBillJump(march, history('0.00'))).toMatchObject({ average: '0.00', ratio: null, increase: '42.14', jump: true });
  });

  it('refuses a ratio or a history total that is not a decimal (INVALID_INPUT)', () => {
    expect(() => findBillJump(march, [], { ratio: '1,5' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => findBillJump(march, history('abc'))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

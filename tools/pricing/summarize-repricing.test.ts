import { describe, expect, it } from 'vitest';
import { lineCategory, linePlan, summarizeRepricing, type PricedLine, type RepricedAccount } from './summarize-repricing.ts';

const march = { from: '2025-03-01', to: '2025-03-31' };
const line = (id: string, section: PricedLine['section'], amount: string, subscriptionId: string | null = 'L1'): PricedLine => ({ id, section, amount, subscriptionId, servicePeriod: march });
const subs = [
  {
    id: 'L1',
    plans: [
      { planId: 'OLD', from: '2024-01-01' },
      { planId: 'NEW', from: '2025-03-01' },
    ],
  },
] as RepricedAccount['subscriptions'];

describe('summarizeRepricing', () => {
  it('names categories from usage line ids and sections, and plans from the line in effect', () => {
    expect(lineCategory(line('use:L1:2025-03-01:voice:international:none', 'usage', '1'))).toBe('voice international');
    expect(lineCategory(line('rec:L1:2025-03-01', 'plans', '1'))).toBe('plan fees');
    expect(lineCategory(line('promo:X:use:L1', 'promotions', '-1'))).toBe('promotions');
    expect(linePlan(line('x', 'plans', '1'), subs)).toBe('NEW');
    expect(linePlan(line('x', 'discounts', '-1', null), subs)).toBe('(account)');
  });

  it('adds exact cents per group, lists the accounts most affected each way, and totals what the groups add to', () => {
    const accounts: RepricedAccount[] = [
      {
        accountId: 'A1',
        customerName: 'Ada',
        segment: 'consumer',
        subscriptions: subs,
        before: [line('rec:L1:2025-03-01', 'plans', '10.00'), line('use:L1:2025-03-01:voice:mobile:none', 'usage', '0.10')],
        after: [line('rec:L1:2025-03-01', 'plans', '10.00'), line('use:L1:2025-03-01:voice:mobile:none', 'usage', '0.30')],
      },
      {
        accountId: 'A2',
        customerName: 'Bob',
        segment: 'enterprise',
        subscriptions: subs,
        before: [line('rec:L1:2025-03-01', 'plans', '31.00')],
        after: [line('rec:L1:2025-03-01', 'plans', '30.90')],
      },
      { accountId: 'A3', customerName: 'Cy', segment: 'consumer', subscriptions: subs, before: null, after: [line('rec:L1:2025-03-01', 'plans', '0.10')] },
    ];
    const s = summarizeRepricing(accounts, { top: 1 });
    expect(s.total).toEqual({ key: 'total', before: '41.10', after: '41.30', change: '0.20', changePercent: '0.5' });
    expect(s.byCategory).toEqual([
      { key: 'voice mobile', before: '0.10', after: '0.30', change: '0.20', changePercent: '200.0' },
      { key: 'plan fees', before: '41.00', after: '41.00', change: '0.00', changePercent: '0.0' },
    ]);
    expect(s.bySegment.map((r) => [r.key, r.change])).toEqual([
      ['consumer', '0.30'],
      ['enterprise', '-0.10'],
    ]);
    expect(s.byPlan).toEqual([{ key: 'NEW', before: '41.10', after: '41.30', change: '0.20', changePercent: '0.5' }]);
    expect(s.increases.map((c) => [c.accountId, c.change, c.changePercent])).toEqual([['A1', '0.20', '2.0']]);
    expect(summarizeRepricing(accounts, { top: 5 }).increases.map((c) => [c.accountId, c.changePercent])).toEqual([
      ['A1', '2.0'],
      ['A3', null],
    ]);
    expect(s.decreases.map((c) => [c.accountId, c.change])).toEqual([['A2', '-0.10']]);
    expect(s.changedAccounts).toBe(3);
  });
});

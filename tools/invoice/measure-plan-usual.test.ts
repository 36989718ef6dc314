import { describe, expect, it } from 'vitest';
import { testLine } from '../charging/testing/charging-fixtures.ts';
import { gbMarch } from '../audit/testing/billed-invoices.ts';
import { DEFAULT_FLAG_RULES, flagInvoice } from './flag-invoice.ts';
import { createPlanPeers, MIN_PLAN_PEERS, plansInPeriod } from './measure-plan-usual.ts';

const NO_HISTORY = { previousTotals: [], unratedEvents: 0, unattachedEvents: 0 };

describe('plan peers', () => {
  it('takes the exact median of the other accounts on the plan, leaving out the account itself', () => {
    const peers = createPlanPeers();
    for (const t of ['27.10', '26.90', '27.42', '13701.02', '28.00', '25.00']) peers.add('P', 'GBP', t);
    // Without 13701.02: 25.00 26.90 27.10 27.42 28.00 -> 27.10
    expect(peers.usual(['P'], 'GBP', '13701.02')).toEqual({ total: '27.1', planIds: ['P'], invoices: 5 });
    // With it, for an account of another currency or plan: nothing known
    expect(peers.usual(['P'], 'EUR', null)).toBeNull();
    expect(peers.usual(['Q'], 'GBP', null)).toBeNull();
    // Six values, even count: (27.10 + 27.42) / 2 = 27.26, no float in the way
    expect(peers.usual(['P'], 'GBP', null)!.total).toBe('27.26');
  });

  it('adds up one median per line for an account of several lines, and needs enough peers for each', () => {
    const peers = createPlanPeers();
    for (let i = 0; i < MIN_PLAN_PEERS; i++) peers.add('P', 'GBP', '10.00');
    for (let i = 0; i < MIN_PLAN_PEERS - 1; i++) peers.add('Q', 'GBP', '30.00');
    expect(peers.usual(['P', 'P'], 'GBP', null)!.total).toBe('20');
    expect(peers.usual(['P', 'Q'], 'GBP', null)).toBeNull();
    peers.add('Q', 'GBP', '30.00');
    expect(peers.usual(['Q', 'P'], 'GBP', null)).toEqual({ total: '40', planIds: ['P', 'Q'], invoices: 5 });
  });

  it("reads each active line's plan at the end of the period", () => {
    const lines = [
      testLine('L1', '447700900001', [
        ['PLAN_10', '2024-01-01'],
        ['PLAN_20', '2025-03-15'],
      ]),
      testLine('L2', '447700900002', [['PLAN_31', '2025-04-01']]),
      { ...testLine('L3', '447700900003', [['PLAN_10', '2024-01-01']]), endDate: '2025-03-01' },
    ];
    expect(plansInPeriod(lines, '2025-03-01', '2025-04-01')).toEqual(['PLAN_20']);
    expect(plansInPeriod(lines, '2025-02-01', '2025-03-01')).toEqual(['PLAN_10', 'PLAN_10']);
  });
});

describe('PLAN_BILL_SHOCK', () => {
  const march = gbMarch(); // total 42.14
  const usual = (total: string) => ({ total, planIds: ['PLAN_31'], invoices: 7 });

  it('holds a first invoice far above what the plan usually costs, by measureBillJump with the plan rules', () => {
    expect(flagInvoice(march, { ...NO_HISTORY, planUsual: usual('4.00') }).map((f) => f.code)).toEqual([]); // 10.5x, but only 38.14 above
    const rules = { ...DEFAULT_FLAG_RULES, planShockMinIncrease: '30' };
    expect(flagInvoice(march, { ...NO_HISTORY, planUsual: usual('4.00') }, rules).map((f) => f.code)).toEqual(['PLAN_BILL_SHOCK']);
    // exactly 10x is not more than 10x
    expect(flagInvoice(march, { ...NO_HISTORY, planUsual: usual('4.214') }, rules)).toEqual([]);
    const [flag] = flagInvoice(march, { ...NO_HISTORY, planUsual: usual('4.00') }, rules);
    expect(flag!.message).toBe('first invoice total 42.14 GBP is more than 10x what single-line accounts on PLAN_31 usually pay (4, the median of at least 7 invoices)');
  });

  it("leaves an account with history to its own history, and says nothing when the plan's usual is unknown", () => {
    const rules = { ...DEFAULT_FLAG_RULES, planShockMinIncrease: '0' };
    expect(flagInvoice(march, { ...NO_HISTORY, previousTotals: ['40.00'], planUsual: usual('1.00') }, rules)).toEqual([]);
    expect(flagInvoice(march, { ...NO_HISTORY, planUsual: null }, rules)).toEqual([]);
  });
});

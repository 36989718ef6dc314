import { describe, expect, it } from 'vitest';
import { channelsForRisk, DEFAULT_COLLECTIONS_STRATEGY, ladderForRisk } from './collections-strategy.ts';
import { followUpPromise } from './follow-up-promise.ts';
import { DEFAULT_DUNNING_LADDER } from './plan-dunning.ts';

const days = (band: 'low' | 'medium' | 'high') => Object.fromEntries(ladderForRisk(DEFAULT_DUNNING_LADDER, band).steps.map((s) => [s.id, s.daysPastDue]));

describe('the collections strategy', () => {
  it('reminds high risk earlier and low risk later, and leaves fees, restriction and barring where they are', () => {
    expect(days('high')).toEqual({ reminder: 3, late_fee: 21, restriction: 35, barring: 60 });
    expect(days('medium')).toEqual({ reminder: 7, late_fee: 21, restriction: 35, barring: 60 });
    expect(days('low')).toEqual({ reminder: 10, late_fee: 21, restriction: 35, barring: 60 });
  });

  it('sends high risk by SMS and email, the others by email', () => {
    expect(channelsForRisk('high')).toEqual(['email', 'sms']);
    expect(channelsForRisk('medium')).toEqual(['email']);
    expect(channelsForRisk('low')).toEqual(['email']);
  });

  it('never moves a step past the next one or before day 1', () => {
    const strategy = { ...DEFAULT_COLLECTIONS_STRATEGY, low: { shiftDays: 30, channels: ['email' as const] }, high: { shiftDays: -30, channels: ['sms' as const] } };
    expect(ladderForRisk(DEFAULT_DUNNING_LADDER, 'low', strategy).steps[0]!.daysPastDue).toBe(21);
    expect(ladderForRisk(DEFAULT_DUNNING_LADDER, 'high', strategy).steps[0]!.daysPastDue).toBe(1);
  });
});

describe('followUpPromise', () => {
  const promise = { amount: '40.00', promisedFor: '2025-05-10', recordedOn: '2025-05-01' };

  it('is open until the day, kept once paid in full by then, broken after it', () => {
    expect(followUpPromise(promise, [], '2025-05-10')).toEqual({ status: 'open', paid: '0.00', left: '40.00' });
    expect(followUpPromise(promise, [{ date: '2025-05-03', amount: '25.00' }], '2025-05-11')).toEqual({ status: 'broken', paid: '25.00', left: '15.00' });
    expect(
      followUpPromise(
        promise,
        [
          { date: '2025-05-03', amount: '25.00' },
          { date: '2025-05-09', amount: '15.00' },
        ],
        '2025-05-05',
      ).status,
    ).toBe('kept');
  });

  it('counts returns against it and ignores money before it was made or after its day', () => {
    const pays = [
      { date: '2025-04-30', amount: '40.00' },
      { date: '2025-05-04', amount: '40.00' },
      { date: '2025-05-06', amount: '-40.00' },
      { date: '2025-05-12', amount: '40.00' },
    ];
    expect(followUpPromise(promise, pays, '2025-05-12')).toEqual({ status: 'broken', paid: '0.00', left: '40.00' });
  });
});

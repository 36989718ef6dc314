import { describe, expect, it } from 'vitest';
import { billingPeriod } from './billing-period.ts';
import type { ChargeInput } from './charging.types.ts';
import { ratedEvent, testAccount, testCatalog, testCustomer, testLine } from './testing/charging-fixtures.ts';
import { recommendPlans, whatIf } from './what-if.ts';

function input(): ChargeInput {
  const me = '447700900123';
  return {
    catalog: testCatalog(),
    customer: testCustomer(),
    account: testAccount(),
    period: billingPeriod('2025-03', 1, 'UTC'),
    timezone: 'UTC',
    subscriptions: [testLine('L1', me, [['PLAN_31', '2024-01-01']])],
    events: [ratedEvent(me, 'voice', '2025-03-03T10:00:00Z', 480), ratedEvent(me, 'voice', '2025-03-04T10:00:00Z', 300), ratedEvent(me, 'voice', '2025-03-05T10:00:00Z', 60)],
    carriedIn: [],
    splitDates: [],
  };
}

describe('what-if charging', () => {
  it('prices the same period on another plan exactly, allowances included', () => {
    // now: 31.00 + 0.53 + 0.35 + 0.11 = 31.99; on Talk 10: 10.00 + 0.29 (10 minutes included) = 10.29
    expect(whatIf(input(), 'L1', 'PLAN_10')).toEqual({
      subscriptionId: 'L1',
      currentPlanId: 'PLAN_31',
      planId: 'PLAN_10',
      planName: 'Talk 10',
      currentAmount: '31.99',
      alternativeAmount: '10.29',
      saving: '21.70',
    });
    // Unlimited 20 has no allowance: 20.00 + 0.99
    expect(whatIf(input(), 'L1', 'PLAN_20').alternativeAmount).toBe('20.99');
  });

  it('recommends the cheapest eligible plan, and nothing when none saves', () => {
    expect(recommendPlans(input()).map((r) => [r.planId, r.saving])).toEqual([['PLAN_10', '21.70']]);
    const cheap = { ...input(), subscriptions: [testLine('L1', '447700900123', [['PLAN_10', '2024-01-01']])] };
    expect(recommendPlans(cheap)).toEqual([]);
  });

  it('refuses a plan whose usage would need re-rating', () => {
    const catalog = testCatalog({ plans: [...testCatalog().plans.map((p) => ({ ...p })), { id: 'PLAN_X', name: 'Other tariff', recurringFee: '5', ratingSubject: 'special' }] });
    expect(() => whatIf({ ...input(), catalog }, 'L1', 'PLAN_X')).toThrow(/re-rating/);
  });
});

import { describe, expect, it } from 'vitest';
import { billingPeriod } from '../../charging/billing-period.ts';
import { testCatalog, testCustomer, testLine } from '../../charging/testing/charging-fixtures.ts';
import { addDays } from '../../time/index.ts';
import { promotionEndingMessages } from './promotion-ending.ts';

const catalog = testCatalog({
  promotions: [
    { id: 'SIX', name: 'First six months 50% off', kind: 'percent_off_recurring', percent: '50', periods: 6 },
    { id: 'EVER', name: 'Always on-net free', kind: 'free_on_net_calls' },
    { id: 'TALK20', name: 'Talk 20 only', kind: 'fixed_off_recurring', amount: '2', periods: 6, eligibility: { plans: ['PLAN_20'] } },
  ],
});
const lastDayOf = (label: string) => addDays(billingPeriod(label, 1, 'UTC').to, -1);

function messagesIn(period: string, line = testLine('L1', '447700900123', [['PLAN_10', '2024-10-15']])) {
  return promotionEndingMessages({
    catalog,
    customer: testCustomer(),
    subscriptions: [line],
    lines: [{ subscriptionId: line.id, msisdn: line.msisdn, label: null }],
    period: billingPeriod(period, 1, 'UTC'),
    cycleDay: 1,
    lastDayOf,
  });
}

describe('promotionEndingMessages', () => {
  it("counts the line's periods from the one it started in: the fifth says one more, the sixth says this is the last", () => {
    // Started 15 October 2024: October is period 1, February 5, March 6.
    expect(messagesIn('2025-02').map((m) => m.kind === 'promotion_ending' && [m.promotionId, m.figures.periodsLeft.value, m.figures.endsOn.value])).toEqual([['SIX', '1', '2025-03-31']]);
    expect(messagesIn('2025-03').map((m) => m.kind === 'promotion_ending' && [m.promotionId, m.figures.periodsLeft.value, m.figures.endsOn.value])).toEqual([['SIX', '0', '2025-03-31']]);
  });

  it('shows nothing earlier, after the end, for promotions without an end, or for a line that has ended', () => {
    expect(messagesIn('2025-01')).toEqual([]);
    expect(messagesIn('2025-04')).toEqual([]);
    expect(messagesIn('2025-03', testLine('L1', '447700900123', [['PLAN_10', '2024-10-15']], { endDate: '2025-03-20' }))).toEqual([]);
  });
});

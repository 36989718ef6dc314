import { describe, expect, it } from 'vitest';
import { dec, roundDecimal } from '../../money/index.ts';
import type { Recommendation } from '../invoice.types.ts';
import { MESSAGE_THRESHOLDS } from './message-thresholds.ts';
import { planSavingMessages } from './plan-saving.ts';

const lines = [{ subscriptionId: 'L1', msisdn: '447700900123', label: 'Anna' }];
const rec = (currentAmount: string, alternativeAmount: string): Recommendation => ({
  subscriptionId: 'L1',
  currentPlanId: 'PLAN_40',
  planId: 'TD30',
  planName: 'Talk and Data 30',
  currentAmount,
  alternativeAmount,
  saving: dec(currentAmount).minus(alternativeAmount).toFixed(2),
});

describe('planSavingMessages', () => {
  it("names the recommendation's figures as they are, with the saving's share of the line's cost", () => {
    const [m] = planSavingMessages([rec('34.20', '30.00')], lines, 'GBP');
    expect(m).toMatchObject({
      kind: 'plan_saving',
      line: lines[0],
      planId: 'TD30',
      planName: 'Talk and Data 30',
      figures: {
        current: { value: '34.20', unit: 'GBP' },
        alternative: { value: '30.00', unit: 'GBP' },
        saving: { value: '4.20', unit: 'GBP' },
        // 4.20 / 34.20 = 12.28% -> 12.
        savingPercent: { value: roundDecimal(dec('4.20').div('34.20').times(100), 0, 'middle').toFixed(0), unit: '%' },
      },
    });
    expect(m).toMatchObject({ figures: { savingPercent: { value: '12' } } });
  });

  it('shows nothing for a saving under the amount or the share, or for a line not on the invoice', () => {
    const amount = dec(MESSAGE_THRESHOLDS.planSavingAmount);
    // Under the amount although a large share: 1.99 of 5.00.
    expect(planSavingMessages([rec('5.00', dec('5.00').minus(amount).plus('0.01').toFixed(2))], lines, 'GBP')).toEqual([]);
    // Over the amount but under the share: 9.99% of 100.
    expect(planSavingMessages([rec('100.00', '90.01')], lines, 'GBP')).toEqual([]);
    expect(planSavingMessages([rec('100.00', '90.00')], lines, 'GBP')).toHaveLength(1);
    expect(planSavingMessages([{ ...rec('34.20', '30.00'), subscriptionId: 'L9' }], lines, 'GBP')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { billingPeriod } from '../charging/billing-period.ts';
import type { ChargeInput } from '../charging/charging.types.ts';
import { ratedEvent, testAccount, testCatalog, testCustomer, testLine } from '../charging/testing/charging-fixtures.ts';
import { currentPeriodUsage } from './current-period-usage.ts';

const ME = '447700900123';

function march(): ChargeInput {
  return {
    catalog: testCatalog(),
    customer: testCustomer(),
    account: testAccount(),
    subscriptions: [testLine('L1', ME, [['PLAN_10', '2025-01-01']])],
    period: billingPeriod('2025-03', 1, 'UTC'),
    timezone: 'UTC',
    // 0.53, 0.35 and 0.11 rated; Talk 10 includes 10 UK minutes.
    events: [ratedEvent(ME, 'voice', '2025-03-03T10:00:00Z', 480), ratedEvent(ME, 'voice', '2025-03-04T10:00:00Z', 300), ratedEvent(ME, 'voice', '2025-03-05T10:00:00Z', 60)],
    carriedIn: [],
    splitDates: [],
  };
}

describe('currentPeriodUsage', () => {
  it('counts usage up to the end of today only, with the allowance left and the forecast (the straight line without history)', () => {
    const r = currentPeriodUsage(march(), '2025-03-03');
    expect(r.period).toEqual({ label: '2025-03', from: '2025-03-01', to: '2025-04-01', lastDay: '2025-03-31', today: '2025-03-03', daysElapsed: 3, daysTotal: 31 });
    expect(r.projection.method).toBe('forecast');
    const minutes = r.lines[0]!.allowances.find((a) => a.allowanceId === 'UK_MIN')!;
    // 8 of 10 minutes used in 3 days: 8 x 31 / 3 = 82.666… -> 82.67 projected.
    expect(minutes).toEqual({
      allowanceId: 'UK_MIN',
      service: 'voice',
      unit: 'min',
      included: '10.00',
      used: '8.00',
      left: '2.00',
      projectedUse: '82.67',
      projectedToRunOut: true,
      units: { baseUnit: 'ms', included: 600_000, used: 480_000, left: 120_000 },
    });
    // Nothing charged yet, but the projection runs out: nine more 8-minute calls (72 of the 74.67
    // minutes to go), the first 6 minutes beyond the allowance (0.36, no second connect fee), then 8 x 0.53.
    expect([r.usageCharges, r.projectedUsageCharges]).toEqual(['0.00', '4.60']);
  });

  it('charges usage beyond the allowance as billing does (continuation pricing) and projects it', () => {
    const r = currentPeriodUsage(march(), '2025-03-04');
    const line = r.lines[0]!;
    expect(line.allowances.find((a) => a.allowanceId === 'UK_MIN')).toMatchObject({ used: '10.00', left: '0.00' });
    // 180 s beyond the allowance at 0.06/min = 0.18; 13 minutes in 4 days project to 100.75: seven
    // more 5-minute calls (0.35 each) and seven 8-minute ones (0.53 each), all charged: 0.18 + 6.16.
    expect([line.usageCharges, line.projectedUsageCharges]).toEqual(['0.18', '6.34']);
    expect(line.allowances.find((a) => a.allowanceId === 'SMS_100')).toMatchObject({ included: '100.00', used: '0.00', left: '100.00', projectedUse: '0.00', projectedToRunOut: false });
    const fifth = currentPeriodUsage(march(), '2025-03-05');
    // + 0.11 for the call of the 5th; 14 minutes in 5 days project to 86.80, charged from copies of the three calls.
    expect([fifth.usageCharges, fifth.projectedUsageCharges]).toEqual(['0.29', '5.35']);
  });

  it('on the last day the projection is what was used', () => {
    const r = currentPeriodUsage(march(), '2025-03-31');
    expect([r.period.daysElapsed, r.usageCharges, r.projectedUsageCharges]).toEqual([31, '0.29', '0.29']);
  });

  it('refuses a day outside the period', () => {
    expect(() => currentPeriodUsage(march(), '2025-04-01')).toThrow(/not in the period 2025-03-01 to 2025-03-31/);
  });
});

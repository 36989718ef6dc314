import { describe, expect, it } from 'vitest';
import { billingPeriod } from '../charging/billing-period.ts';
import type { ChargeInput } from '../charging/charging.types.ts';
import { ratedEvent, testAccount, testCatalog, testCustomer, testLine } from '../charging/testing/charging-fixtures.ts';
import { describeForecast } from './describe-forecast.ts';
import { forecastExtraCharge } from './forecast-overage.ts';
import { forecastPeriod } from './forecast-period.ts';

const ME = '447700900123';
const TALK_200 = { id: 'PLAN_15', name: 'Talk 200', recurringFee: '15.00', allowances: [{ id: 'BIG_MIN', service: 'voice' as const, categories: [], amount: 200 }] };

function march(events: ChargeInput['events'], plans = testCatalog().plans): ChargeInput {
  return {
    catalog: testCatalog({ plans: plans as never }),
    customer: testCustomer(),
    account: testAccount(),
    subscriptions: [testLine('L1', ME, [['PLAN_10', '2025-01-01']])],
    period: billingPeriod('2025-03', 1, 'UTC'),
    timezone: 'UTC',
    events,
    carriedIn: [],
    splitDates: [],
  };
}

// Three 4-minute mobile calls in the first three days: 0.05 connect + 4 x 0.06 = 0.29 each when priced.
const calls = () => [1, 2, 3].map((d) => ratedEvent(ME, 'voice', `2025-03-0${d}T10:00:00Z`, 240));

describe('forecastPeriod', () => {
  it("projects each allowance, and charges the projection exactly with copies of the line's own calls", () => {
    const pf = forecastPeriod(march(calls()), '2025-03-03');
    const minutes = pf.allowances.find((a) => a.allowance.id === 'UK_MIN')!;
    // 12 minutes in 3 days, no history: the straight line, 124 minutes.
    expect(minutes.forecast).toMatchObject({ usedSoFar: 720_000, projected: 7_440_000, straightLine: 7_440_000, historyPeriods: 0 });
    expect(minutes).toMatchObject({ included: 600_000, covered: 600_000, exceeds: true });
    // 112 minutes to go: 28 more 4-minute calls, spread after today.
    const copies = pf.projectedInput.events.filter((e) => e.id < 0);
    expect(copies).toHaveLength(28);
    expect(copies.every((e) => e.startTime >= Date.parse('2025-03-04T00:00:00Z') && e.startTime < Date.parse('2025-04-01T00:00:00Z'))).toBe(true);
    expect(pf.allowances.find((a) => a.allowance.id === 'SMS_100')!.exceeds).toBe(false);
    // Beyond the 10 minutes: 2 minutes of the third call (0.12, no second connect fee) and 28 x 0.29.
    expect(forecastExtraCharge(pf, minutes)).toBe('8.24');
  });

  it('ignores usage stored for days after today', () => {
    const pf = forecastPeriod(march([...calls(), ratedEvent(ME, 'voice', '2025-03-20T10:00:00Z', 6000)]), '2025-03-03');
    expect(pf.allowances.find((a) => a.allowance.id === 'UK_MIN')!.forecast.usedSoFar).toBe(720_000);
    expect(() => forecastPeriod(march(calls()), '2025-04-01')).toThrow(/not in the period/);
  });

  it("reads the line's history: a quiet February pulls an early projection down", () => {
    const feb = billingPeriod('2025-02', 1, 'UTC');
    // One 1-minute call every day of February.
    const history = [{ period: feb, events: Array.from({ length: 28 }, (_, i) => ratedEvent(ME, 'voice', `2025-02-${String(i + 1).padStart(2, '0')}T09:00:00Z`, i % 2 ? 30 : 90)) }];
    const pf = forecastPeriod(march(calls()), '2025-03-03', history);
    const f = pf.allowances.find((a) => a.allowance.id === 'UK_MIN')!.forecast;
    expect(f.historyPeriods).toBe(1);
    expect(f.projected).toBeLessThan(f.straightLine);
    expect(f.projected).toBeGreaterThan(31 * 60_000);
  });

  it('leaves out history from before the line existed', () => {
    const dec = billingPeriod('2024-12', 1, 'UTC');
    const pf = forecastPeriod(march(calls()), '2025-03-03', [{ period: dec, events: [] }]);
    expect(pf.allowances.find((a) => a.allowance.id === 'UK_MIN')!.forecast.historyPeriods).toBe(0);
  });
});

describe('describeForecast', () => {
  it('shows display units, the straight line, the extra charge and a cheaper plan for the projected period', () => {
    const plans = [...testCatalog().plans, TALK_200];
    const out = describeForecast(forecastPeriod(march(calls(), plans as never), '2025-03-03'));
    expect(out.method.name).toBe('weekday-history');
    expect(out.period).toMatchObject({ label: '2025-03', daysElapsed: 3, daysTotal: 31, lastDay: '2025-03-31' });
    const line = out.lines[0]!;
    expect(line.allowances.find((a) => a.allowanceId === 'UK_MIN')).toMatchObject({
      unit: 'min',
      included: '10.00',
      used: '12.00',
      left: '0.00',
      projectedUse: '124.00',
      straightLineUse: '124.00',
      projectedToExceed: true,
      extraCharge: '8.24',
    });
    expect(line.allowances.find((a) => a.allowanceId === 'SMS_100')).toMatchObject({ projectedToExceed: false, extraCharge: null });
    // So far: 0.12 beyond the allowance; projected: 0.12 + 28 x 0.29.
    expect([line.usageCharges, line.projectedUsageCharges]).toEqual(['0.12', '8.24']);
    // Talk 10 with 8.24 of calls (18.24) against Talk 200 at 15.00, every projected minute included.
    expect(line.suggestion).toEqual({ planId: 'PLAN_15', planName: 'Talk 200', currentAmount: '18.24', alternativeAmount: '15.00', saving: '3.24' });
  });

  it('suggests nothing when no allowance is projected to be exceeded', () => {
    const out = describeForecast(forecastPeriod(march([ratedEvent(ME, 'voice', '2025-03-01T10:00:00Z', 10)], [...testCatalog().plans, TALK_200] as never), '2025-03-10'));
    expect(out.lines[0]!.suggestion).toBeNull();
    expect(out.lines[0]!.allowances.every((a) => !a.projectedToExceed)).toBe(true);
  });
});

describe('forecastPeriod without allowances', () => {
  it('projects priced use no allowance covers too, so a line on a plan without allowances has projected charges', () => {
    const input = { ...march([1, 2, 3].map((d) => ratedEvent(ME, 'sms', `2025-03-0${d}T10:00:00Z`, 1))), subscriptions: [testLine('L1', ME, [['PLAN_31', '2025-01-01']])] };
    const out = describeForecast(forecastPeriod(input, '2025-03-03'));
    // Three texts in three days at 0.10: 31 by the straight line, 28 more copies charged.
    expect(out.lines[0]!.allowances).toEqual([]);
    expect([out.lines[0]!.usageCharges, out.lines[0]!.projectedUsageCharges]).toEqual(['0.30', '3.10']);
  });
});

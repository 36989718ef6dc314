import { describe, expect, it } from 'vitest';
import { checkRatePrecision } from './check-rate-precision.ts';
import type { TariffPlan } from './tariff.types.ts';

const plan = (rate: string, unit: number, increment: number): TariffPlan => ({
  id: 'p',
  timezone: 'UTC',
  currency: 'EUR',
  destinations: {},
  destinationRates: {},
  timings: {},
  ratingPlans: {},
  ratingProfiles: [],
  rates: { R: [{ connectFee: '0', rate, rateUnit: unit, rateIncrement: increment, groupIntervalStart: 0 }] },
});

describe('checkRatePrecision', () => {
  it('warns when an increment costs less than the general precision', () => {
    expect(checkRatePrecision(plan('0.005', 1048576, 1024))).toEqual([expect.stringMatching(/rounds to 0 at 5 decimals/)]);
  });
  it('warns when rounding distorts an increment by more than 1%', () => {
    // 0.001 per 60 units charged per unit: 0.0000166667 per increment becomes 0.00002 (20% more)
    expect(checkRatePrecision(plan('0.001', 60, 1))).toEqual([expect.stringMatching(/0.0000166667, rounded to 0.00002/)]);
  });
  it('is silent for ordinary per-second and per-minute rates', () => {
    expect(checkRatePrecision(plan('0.12', 60_000_000_000, 1_000_000_000))).toEqual([]);
    expect(checkRatePrecision(plan('0.005', 1048576, 1048576))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { rateUsage } from './rate-usage.ts';
import { createTariffBook, type TariffVersion } from './tariff-book.ts';
import type { TariffPlan } from './tariff.types.ts';

const S = 1_000_000_000;
const planWithRate = (rate: string): TariffPlan => ({
  id: 'retail',
  timezone: 'UTC',
  currency: 'EUR',
  destinations: { D: ['44'] },
  rates: { R: [{ connectFee: '0', rate, rateUnit: 60 * S, rateIncrement: 60 * S, groupIntervalStart: 0 }] },
  destinationRates: { DR: [{ destinationId: 'D', rateId: 'R', roundingMethod: 'up', roundingDecimals: 4, maxCost: null, maxCostStrategy: null }] },
  timings: {},
  ratingPlans: { RP: [{ destinationRateId: 'DR', timingId: '*any', weight: 10 }] },
  ratingProfiles: [{ tenant: 't', category: 'call', subject: '*any', activationTime: 0, ratingPlanId: 'RP', fallbackSubjects: [] }],
});
const versions: TariffVersion[] = [
  { id: 1, name: 'retail', version: 1, effectiveFrom: 0, plan: planWithRate('0.10') },
  { id: 3, name: 'retail', version: 3, effectiveFrom: Date.UTC(2025, 6, 1), plan: planWithRate('0.30') },
  { id: 2, name: 'retail', version: 2, effectiveFrom: Date.UTC(2025, 0, 1), plan: planWithRate('0.20') },
];

describe('tariff versions', () => {
  it('rates each usage with the version in effect at its answer time', () => {
    const book = createTariffBook(versions);
    const cost = (iso: string) => {
      const v = book.select(Date.parse(iso));
      return [v.version, rateUsage(v.compiled, { tenant: 't', category: 'call', subject: 's', destination: '4420', answerTime: Date.parse(iso), usage: 60 * S, tor: 'voice' }).cost];
    };
    expect(cost('2024-12-31T23:59:59Z')).toEqual([1, '0.1']);
    expect(cost('2025-01-01T00:00:00Z')).toEqual([2, '0.2']);
    expect(cost('2025-06-30T12:00:00Z')).toEqual([2, '0.2']);
    expect(cost('2025-07-01T00:00:00Z')).toEqual([3, '0.3']);
  });

  it('prefers the later version when two take effect at the same moment (a correction)', () => {
    const book = createTariffBook([...versions, { id: 4, name: 'retail', version: 4, effectiveFrom: Date.UTC(2025, 0, 1), plan: planWithRate('0.25') }]);
    expect(book.select(Date.UTC(2025, 2, 1)).version).toBe(4);
  });

  it('refuses a usage older than every version instead of guessing one', () => {
    const book = createTariffBook(versions.slice(1));
    expect(() => book.select(Date.UTC(2024, 5, 1))).toThrow(/no version of tariff retail is in effect at 2024-06-01/);
  });

  it('refuses an empty book with a clear error', () => {
    expect(() => createTariffBook([])).toThrow(/no tariff imported yet/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, roundDecimal } from '../money/index.ts';
import { compileTariff } from './compile-tariff.ts';
import { priceSpan, rateUsage } from './rate-usage.ts';
import type { TariffPlan } from './tariff.types.ts';

const S = 1_000_000_000;

/** The span formula written plainly in decimal.js: the reference the BigInt path must equal. */
function referenceSpanCost(usage: number, rate: string, rateUnit: number, increment: number, g: number): string {
  const n = Math.max(1, Math.ceil(usage / increment));
  const raw = roundDecimal(new Decimal(usage).times(rate).div(rateUnit), g, 'middle');
  const per = roundDecimal(raw.div(n), g, 'middle');
  return per.times(n).toString();
}

const rateText = fc.tuple(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 0, max: 6 })).map(([n, s]) => new Decimal(n).div(new Decimal(10).pow(s)).toString());

function singleRatePlan(rate: string, rateUnit: number, increment: number, connectFee: string, method: 'up' | 'middle' | 'down', decimals: number): TariffPlan {
  return {
    id: 'p',
    timezone: 'UTC',
    currency: 'EUR',
    destinations: { D: ['1'] },
    rates: { R: [{ connectFee, rate, rateUnit, rateIncrement: increment, groupIntervalStart: 0 }] },
    destinationRates: { DR: [{ destinationId: 'D', rateId: 'R', roundingMethod: method, roundingDecimals: decimals, maxCost: null, maxCostStrategy: null }] },
    timings: {},
    ratingPlans: { RP: [{ destinationRateId: 'DR', timingId: '*any', weight: 10 }] },
    ratingProfiles: [{ tenant: 't', category: 'call', subject: '*any', activationTime: 0, ratingPlanId: 'RP', fallbackSubjects: [] }],
  };
}

describe('rating properties', () => {
  it('property: the BigInt span price equals the decimal.js reference', () => {
    fc.assert(
      fc.property(
        rateText,
        fc.constantFrom(1, 60, 1024, S, 60 * S),
        fc.constantFrom(1, 10, 1024, S, 6 * S, 30 * S, 60 * S),
        fc.integer({ min: 1, max: 7200 * S }),
        fc.integer({ min: 0, max: 8 }),
        (rate, unit, increment, usage, g) => {
          const t = compileTariff(singleRatePlan(rate, unit, increment, '0', 'up', 4), { generalRoundingDecimals: g });
          const slot = t.plans.get('RP')!.byDestination.get('D')!.entries[0]!.slots[0]!;
          const n = Math.max(1, Math.ceil(usage / increment));
          const price = priceSpan(slot, n * increment, g);
          expect(new Decimal(price.cost.toString()).div(new Decimal(10).pow(g)).toString()).toBe(referenceSpanCost(n * increment, rate, unit, increment, g));
        },
      ),
    );
  });

  it('property: cost never decreases as usage grows (per-increment cost exact at the general precision)', () => {
    // CGRateS rounds each span twice at the general decimals; when rate x increment / unit has more
    // decimals than that, the double rounding can dip by a sub-precision amount (docs/rating.md).
    const increments = [S, 6 * S, 30 * S, 60 * S];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }),
        fc.constantFrom(...increments),
        fc.constantFrom('up', 'middle', 'down' as const),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 4000 }),
        (perIncrementCents, increment, method, decimals, a, b) => {
          // per-increment cost = perIncrementCents / 100000: exact at 5 decimals by construction
          const rate = new Decimal(perIncrementCents).div(100_000).toString();
          const t = compileTariff(singleRatePlan(rate, increment, increment, '0.05', method, decimals));
          const [short, long] = a <= b ? [a, b] : [b, a];
          const cost = (seconds: number) =>
            new Decimal(rateUsage(t, { tenant: 't', category: 'call', subject: 'x', destination: '1555', answerTime: Date.UTC(2024, 0, 1, 23, 50), usage: seconds * S, tor: 'voice' }).cost);
          expect(cost(long).greaterThanOrEqualTo(cost(short))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('documents the CGRateS double-rounding dip below the general precision', () => {
    // 0.0000149 per second: 2s -> 0.00003 / 2 = 0.000015 -> 0.00002 x 2 = 0.00004; 3s -> 0.00004 / 3 -> 0.00001 x 3 = 0.00003
    const t = compileTariff(singleRatePlan('0.0000149', S, S, '0', 'up', 5));
    const cost = (seconds: number) => rateUsage(t, { tenant: 't', category: 'call', subject: 'x', destination: '1', answerTime: 0, usage: seconds * S, tor: 'voice' }).cost;
    expect(cost(2)).toBe('0.00004');
    expect(cost(3)).toBe('0.00003');
  });

  it('property: rating is deterministic (same request, same tariff -> same breakdown)', () => {
    const t = compileTariff(singleRatePlan('0.0125', 60 * S, S, '0.1', 'middle', 4));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 2_000_000_000 }), (seconds, minute) => {
        const req = { tenant: 't', category: 'call', subject: 'x', destination: '1', answerTime: minute * 60_000, usage: seconds * S, tor: 'voice' as const };
        expect(rateUsage(t, req)).toEqual(rateUsage(compileTariff(singleRatePlan('0.0125', 60 * S, S, '0.1', 'middle', 4)), req));
      }),
      { numRuns: 200 },
    );
  });
});

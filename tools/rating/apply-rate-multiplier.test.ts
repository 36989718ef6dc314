import { describe, expect, it } from 'vitest';
import { rateMultiplierTableSchema } from '../catalog/catalog.types.ts';
import { TEST_TARIFF } from '../charging/testing/charging-fixtures.ts';
import { priceContinuation } from '../charging/price-continuation.ts';
import { applyRateMultiplier, regionOf } from './apply-rate-multiplier.ts';
import { compactBreakdown, expandBreakdown } from './compact-breakdown.ts';
import type { RatingOutcome } from './rate-event.ts';
import { rateUsage } from './rate-usage.ts';

const TABLE = rateMultiplierTableSchema.parse({
  id: 'CONGESTION_2025',
  effectiveFrom: '2025-01-01',
  services: ['voice', 'data'],
  timeBands: [
    { id: 'EVENING_PEAK', weekDays: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '17:00', end: '20:00' },
    { id: 'NIGHT', start: '00:00', end: '06:00' },
  ],
  levels: { low: '0.8', normal: '1', high: '1.25' },
  congestion: [
    { region: 'LDN-', band: 'EVENING_PEAK', level: 'high' },
    { region: 'LDN-WEST-17', band: 'EVENING_PEAK', level: 'normal' },
    { region: '*any', band: 'NIGHT', level: 'low' },
  ],
});

function rated(at: string, seconds: number): Extract<RatingOutcome, { status: 'rated' }> {
  const r = rateUsage(TEST_TARIFF, { tenant: 't', category: 'call', subject: 'x', destination: '447812345678', answerTime: Date.parse(at), usage: seconds * 1e9, tor: 'voice' });
  return { status: 'rated', cost: r.cost, currency: r.currency, tariffVersionId: 1, breakdown: r };
}

describe('dynamic pricing: congestion multipliers applied by the rating step', () => {
  it('multiplies a call in a congested band and region, and records why', () => {
    // 0.05 + 300 s x 0.06/60 = 0.35; x 1.25 = 0.4375 (rounded up at 4 decimals, as the destination rate says)
    const out = applyRateMultiplier(rated('2025-03-04T18:00:00Z', 300), [TABLE], { service: 'voice', at: Date.parse('2025-03-04T18:00:00Z'), region: 'LDN-EAST-03', timezone: 'UTC' });
    expect(out.status === 'rated' && out.cost).toBe('0.4375');
    expect(out.status === 'rated' && 'spans' in out.breakdown && out.breakdown.multiplier).toEqual({
      tableId: 'CONGESTION_2025',
      band: 'EVENING_PEAK',
      region: 'LDN-',
      level: 'high',
      factor: '1.25',
      costBeforeMultiplier: '0.35',
    });
  });

  it('takes the longest region match, the *any row for the rest, and leaves other times alone', () => {
    const at = (iso: string, region: string | null) => applyRateMultiplier(rated(iso, 300), [TABLE], { service: 'voice', at: Date.parse(iso), region, timezone: 'UTC' });
    const cost = (o: RatingOutcome) => (o.status === 'rated' ? o.cost : null);
    expect(cost(at('2025-03-04T18:00:00Z', 'LDN-WEST-1702'))).toBe('0.35');
    expect(cost(at('2025-03-04T03:00:00Z', null))).toBe('0.28');
    expect(cost(at('2025-03-04T12:00:00Z', 'LDN-EAST-03'))).toBe('0.35');
    expect('multiplier' in (at('2025-03-04T12:00:00Z', 'LDN-EAST-03') as { breakdown: object }).breakdown).toBe(false);
    // before the table takes effect
    expect(cost(at('2024-12-31T18:00:00Z', 'LDN-EAST-03'))).toBe('0.35');
  });

  it('survives the compact stored form and prices a continuation with the same factor', () => {
    const out = applyRateMultiplier(rated('2025-03-04T18:00:00Z', 300), [TABLE], { service: 'voice', at: Date.parse('2025-03-04T18:00:00Z'), region: 'LDN-1', timezone: 'UTC' });
    if (out.status !== 'rated' || !('spans' in out.breakdown)) throw new Error('expected a rated call');
    const back = expandBreakdown(compactBreakdown(out.breakdown), TEST_TARIFF.plan);
    expect(back).toEqual(out.breakdown);
    // 180 s after an allowance: 0.18, x 1.25 = 0.225
    expect(priceContinuation(back, 120_000, 'voice')).toBe('0.225');
  });

  it('reads the region from the fields switches fill', () => {
    expect(regionOf({ cell_id: '234-15-1001-42' })).toBe('234-15-1001-42');
    expect(regionOf({ region: 'LDN-EAST' })).toBe('LDN-EAST');
    expect(regionOf({})).toBeNull();
  });
});

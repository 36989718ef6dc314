import { describe, expect, it } from 'vitest';
import { nativeRateSlotSchema, nativeTariffSchema, nativeTimingSchema, type NativeTariffInput } from './native-tariff.types.ts';
import { tariffPlanSchema } from './tariff.types.ts';

const minimal: NativeTariffInput = {
  id: 'p',
  currency: 'eur',
  rates: { RT: { rate: '0.01', rateUnit: '1s', rateIncrement: 1_000_000_000 } },
  destinationRates: { DR: { destinationId: '*any', rateId: 'RT', roundingMethod: '*up', roundingDecimals: 4 } },
  ratingPlans: { RP: { destinationRateId: 'DR' } },
  ratingProfiles: [{ tenant: 't', category: 'call', segment: 'gold', activationTime: '2025-01-01', ratingPlanId: 'RP', fallbackSubjects: '*any;other' }],
};

describe('nativeTariffSchema', () => {
  it('transforms a minimal document into a valid canonical plan with defaults', () => {
    const { plan, effectiveFrom } = nativeTariffSchema.parse(minimal);
    expect(tariffPlanSchema.safeParse(plan).success).toBe(true);
    expect(effectiveFrom).toBeNull();
    expect(plan).toEqual({
      id: 'p',
      timezone: 'UTC',
      currency: 'EUR',
      destinations: {},
      rates: { RT: [{ connectFee: '0', rate: '0.01', rateUnit: 1e9, rateIncrement: 1e9, groupIntervalStart: 0 }] },
      destinationRates: { DR: [{ destinationId: '*any', rateId: 'RT', roundingMethod: 'up', roundingDecimals: 4, maxCost: null, maxCostStrategy: null }] },
      timings: {},
      ratingPlans: { RP: [{ destinationRateId: 'DR', timingId: '*any', weight: 0 }] },
      ratingProfiles: [{ tenant: 't', category: 'call', subject: '*segment:gold', activationTime: Date.UTC(2025, 0, 1), ratingPlanId: 'RP', fallbackSubjects: ['*any', 'other'] }],
    });
  });

  it('reads effectiveFrom and offset-less times in the document time zone', () => {
    const { plan, effectiveFrom } = nativeTariffSchema.parse({ ...minimal, timezone: 'America/New_York', effectiveFrom: '2025-01-01T00:00:00' });
    expect(effectiveFrom).toBe(Date.UTC(2025, 0, 1, 5));
    expect(plan.ratingProfiles[0]?.activationTime).toBe(Date.UTC(2025, 0, 1, 5));
  });

  it('refuses fractional JavaScript numbers as amounts (the loader passes their source text instead)', () => {
    const r = nativeRateSlotSchema.safeParse({ rate: 0.1, rateUnit: 1, rateIncrement: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/must be written as a decimal string/);
    expect(nativeRateSlotSchema.parse({ rate: 2, rateUnit: 1, rateIncrement: 1 }).rate).toBe('2');
  });

  it('normalises amounts to canonical decimal strings', () => {
    expect(nativeRateSlotSchema.parse({ connectFee: '.50', rate: '+1.10', rateUnit: 1, rateIncrement: 1 })).toMatchObject({ connectFee: '0.5', rate: '1.1' });
  });

  it('reads timing lists in every accepted form', () => {
    expect(nativeTimingSchema.parse({ weekDays: ['Monday', 'fri', 3], months: 12, monthDays: '1;15', startTime: '*asap' })).toEqual({
      years: '*any',
      months: [12],
      monthDays: [1, 15],
      weekDays: [1, 3, 5],
      startTime: '00:00:00',
      endTime: null,
    });
    expect(nativeTimingSchema.safeParse({ weekDays: [0] }).success).toBe(false);
    expect(nativeTimingSchema.safeParse({ startTime: '10:00', endTime: '09:00' }).success).toBe(false);
  });

  it('reads names written as YAML numbers as their digits (subject: 1001)', () => {
    const doc = { ...minimal, ratingProfiles: [{ tenant: 't', category: 'call', subject: 1001, activationTime: '2025-01-01T00:00:00Z', ratingPlanId: 'RP' }] };
    expect(nativeTariffSchema.parse(doc).plan.ratingProfiles[0]?.subject).toBe('1001');
  });

  it('refuses unknown keys anywhere', () => {
    expect(nativeTariffSchema.safeParse({ ...minimal, currancy: 'EUR' }).success).toBe(false);
    expect(nativeRateSlotSchema.safeParse({ rate: '1', rateUnit: 1, rateIncrement: 1, connect_fee: '1' }).success).toBe(false);
  });
});

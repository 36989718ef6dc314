import { describe, expect, it } from 'vitest';
import { BillingError } from '../errors.ts';
import { compileTariff } from './compile-tariff.ts';
import { rateUsage } from './rate-usage.ts';
import type { RateSlot, RatingRequest, TariffPlan } from './tariff.types.ts';

const S = 1_000_000_000; // one second in nanoseconds
const slot = (connectFee: string, rate: string, rateUnit: number, rateIncrement: number, groupIntervalStart: number): RateSlot => ({
  connectFee,
  rate,
  rateUnit,
  rateIncrement,
  groupIntervalStart,
});
const dr = (destinationId: string, rateId: string, extra: Partial<TariffPlan['destinationRates'][string][number]> = {}) => [
  { destinationId, rateId, roundingMethod: 'up' as const, roundingDecimals: 4, maxCost: null, maxCostStrategy: null, ...extra },
];
const weekdays = { years: '*any' as const, months: '*any' as const, monthDays: '*any' as const, weekDays: [1, 2, 3, 4, 5] };

// A tariff written for these tests; every expectation below is computed by hand in its comment.
const plan: TariffPlan = {
  id: 'test',
  timezone: 'UTC',
  currency: 'EUR',
  destinations: {
    DST_UK: ['44'],
    DST_UK_MOB: ['447'],
    DST_VM: ['voicemail'],
    DST_US: ['1'],
    DST_X20: ['20'],
    DST_X2030: ['20', '30'],
    DST_THIRD: ['33'],
  },
  rates: {
    RT_STD: [slot('0.2', '1.2', 60 * S, 60 * S, 0), slot('0', '1.2', 60 * S, S, 60 * S)],
    RT_CHEAP: [slot('0.1', '0.01', S, S, 0)],
    RT_MOB: [slot('0', '0.3', 60 * S, S, 0)],
    RT_FLAT: [slot('0.1', '0', 0, S, 0)],
    RT_DATA: [slot('0', '1', 1024, 1024, 0)],
    RT_SMS: [slot('0', '0.1', 1, 1, 0)],
    RT_VM: [slot('0', '0', 60 * S, 60 * S, 0)],
    RT_THIRD: [slot('0', '1', 3 * S, S, 0)],
  },
  destinationRates: {
    DR_UK_STD: dr('DST_UK', 'RT_STD'),
    DR_UK_CHEAP: dr('DST_UK', 'RT_CHEAP'),
    DR_MOB: dr('DST_UK_MOB', 'RT_MOB'),
    DR_VM: dr('DST_VM', 'RT_VM'),
    DR_US_FLAT: dr('DST_US', 'RT_FLAT'),
    DR_X20: dr('DST_X20', 'RT_CHEAP'),
    DR_X2030: dr('DST_X2030', 'RT_STD'),
    DR_THIRD: dr('DST_THIRD', 'RT_THIRD', { roundingDecimals: 2 }),
    DR_CAP_FREE: dr('DST_UK', 'RT_STD', { maxCost: '1', maxCostStrategy: '*free' }),
    DR_CAP_DISC: dr('DST_UK', 'RT_STD', { maxCost: '1', maxCostStrategy: '*disconnect' }),
    DR_ANY_DATA: dr('*any', 'RT_DATA'),
    DR_ANY_SMS: dr('*any', 'RT_SMS'),
  },
  timings: {
    PEAK: { ...weekdays, startTime: '08:00:00', endTime: null },
    OFFPEAK_MORNING: { ...weekdays, startTime: '00:00:00', endTime: null },
    OFFPEAK_EVENING: { ...weekdays, startTime: '19:00:00', endTime: null },
    WEEKEND: { years: '*any', months: '*any', monthDays: '*any', weekDays: [6, 7], startTime: '00:00:00', endTime: null },
    NEW_YEAR: { years: '*any', months: [1], monthDays: [1], weekDays: '*any', startTime: '00:00:00', endTime: null },
  },
  ratingPlans: {
    RP_STD: [
      { destinationRateId: 'DR_UK_STD', timingId: 'PEAK', weight: 10 },
      { destinationRateId: 'DR_UK_CHEAP', timingId: 'OFFPEAK_MORNING', weight: 10 },
      { destinationRateId: 'DR_UK_CHEAP', timingId: 'OFFPEAK_EVENING', weight: 10 },
      { destinationRateId: 'DR_UK_CHEAP', timingId: 'WEEKEND', weight: 10 },
      { destinationRateId: 'DR_MOB', timingId: '*any', weight: 10 },
      { destinationRateId: 'DR_VM', timingId: '*any', weight: 10 },
      { destinationRateId: 'DR_X20', timingId: 'NEW_YEAR', weight: 20 },
      { destinationRateId: 'DR_X2030', timingId: '*any', weight: 10 },
      { destinationRateId: 'DR_THIRD', timingId: '*any', weight: 10 },
    ],
    RP_ALICE: [{ destinationRateId: 'DR_US_FLAT', timingId: '*any', weight: 10 }],
    RP_FLAT_UK: [{ destinationRateId: 'DR_UK_STD', timingId: '*any', weight: 10 }],
    RP_CAP_FREE: [{ destinationRateId: 'DR_CAP_FREE', timingId: '*any', weight: 10 }],
    RP_CAP_DISC: [{ destinationRateId: 'DR_CAP_DISC', timingId: '*any', weight: 10 }],
    RP_DATA: [{ destinationRateId: 'DR_ANY_DATA', timingId: '*any', weight: 10 }],
    RP_SMS: [{ destinationRateId: 'DR_ANY_SMS', timingId: '*any', weight: 10 }],
  },
  ratingProfiles: [
    { tenant: 't', category: 'call', subject: '*any', activationTime: Date.UTC(2020, 0, 1), ratingPlanId: 'RP_STD', fallbackSubjects: [] },
    { tenant: 't', category: 'call', subject: 'alice', activationTime: Date.UTC(2020, 0, 1), ratingPlanId: 'RP_ALICE', fallbackSubjects: ['*any'] },
    { tenant: 't', category: 'call', subject: 'strict', activationTime: Date.UTC(2020, 0, 1), ratingPlanId: 'RP_ALICE', fallbackSubjects: [] },
    { tenant: 't', category: 'call', subject: 'bob', activationTime: Date.UTC(2020, 0, 1), ratingPlanId: 'RP_ALICE', fallbackSubjects: [] },
    { tenant: 't', category: 'call', subject: 'bob', activationTime: Date.UTC(2024, 2, 1), ratingPlanId: 'RP_FLAT_UK', fallbackSubjects: [] },
    { tenant: 't', category: 'call', subject: '*segment:business', activationTime: Date.UTC(2020, 0, 1), ratingPlanId: 'RP_FLAT_UK', fallbackSubjects: [] },
    { tenant: 't', category: 'capfree', subject: '*any', activationTime: Date.UTC(2020, 0, 1), ratingPlanId: 'RP_CAP_FREE', fallbackSubjects: [] },
    { tenant: 't', category: 'capdisc', subject: '*any', activationTime: Date.UTC(2020, 0, 1), ratingPlanId: 'RP_CAP_DISC', fallbackSubjects: [] },
    { tenant: 't', category: 'data', subject: '*any', activationTime: Date.UTC(2020, 0, 1), ratingPlanId: 'RP_DATA', fallbackSubjects: [] },
    { tenant: 't', category: 'sms', subject: '*any', activationTime: Date.UTC(2020, 0, 1), ratingPlanId: 'RP_SMS', fallbackSubjects: [] },
  ],
};

const tariff = compileTariff(plan);
// 2024-03-04 is a Monday.
const at = (iso: string): number => Date.parse(iso);
const voice = (destination: string, answer: string, seconds: number, extra: Partial<RatingRequest> = {}): RatingRequest => ({
  tenant: 't',
  category: 'call',
  subject: 'someone',
  destination,
  answerTime: at(answer),
  usage: seconds * S,
  tor: 'voice',
  ...extra,
});

describe('rateUsage: CGRateS semantics, hand-computed', () => {
  it('prices a peak call across a GroupIntervalStart: first minute whole, then per second', () => {
    // 0.2 connect + 60s@1.2/min (1 x 60s increment = 1.2) + 30s@1.2/min per 1s (30 x 0.02 = 0.6) = 2.0
    const r = rateUsage(tariff, voice('441614960123', '2024-03-04T10:00:00Z', 90));
    expect(r.cost).toBe('2');
    expect(r.connectFee).toBe('0.2');
    expect(r.spans.map((s) => [s.slot, s.increments, s.incrementCost, s.cost])).toEqual([
      [0, 1, '1.2', '1.2'],
      [1, 30, '0.02', '0.6'],
    ]);
    expect(r.destinationId).toBe('DST_UK');
    expect(r.matchedPrefix).toBe('44');
  });

  it('charges a short call one whole increment', () => {
    // 30s rounds up to one 60s increment: 0.2 + 1.2 = 1.4
    const r = rateUsage(tariff, voice('441614960123', '2024-03-04T10:00:00Z', 30));
    expect(r.cost).toBe('1.4');
    expect(r.billedUsage).toBe(60 * S);
  });

  it('splits a call crossing 19:00 into peak and off-peak parts', () => {
    // 18:59-19:00 peak 1.2 + 19:00-19:01 off-peak 60 x 0.01 = 0.6, connect 0.2 from the first span: 2.0
    const r = rateUsage(tariff, voice('441614960123', '2024-03-04T18:59:00Z', 120));
    expect(r.cost).toBe('2');
    expect(r.spans.map((s) => [s.timingId, s.rateId, s.cost])).toEqual([
      ['PEAK', 'RT_STD', '1.2'],
      ['OFFPEAK_EVENING', 'RT_CHEAP', '0.6'],
    ]);
  });

  it('lets a rounded span swallow the part of the next span it overlaps', () => {
    // 18:59:30 peak 30s rounds to 60s, covering the whole call: 0.2 + 1.2 = 1.4, one span
    const r = rateUsage(tariff, voice('441614960123', '2024-03-04T18:59:30Z', 60));
    expect(r.cost).toBe('1.4');
    expect(r.spans).toHaveLength(1);
  });

  it('shortens the next span when a rounded span overlaps it in part', () => {
    // 07:59:30-08:00 off-peak 30 x 0.01 = 0.3 (connect 0.1); 08:00-08:00:30 peak rounds to 60s = 1.2: 1.6
    const r = rateUsage(tariff, voice('441614960123', '2024-03-04T07:59:30Z', 60));
    expect(r.cost).toBe('1.6');
    expect(r.connectFee).toBe('0.1');
    expect(r.billedUsage).toBe(90 * S);
  });

  it('splits at midnight and keeps the group interval counted from the answer', () => {
    // Sunday 23:59:30 weekend cheap 30s = 0.3 (connect 0.1); Monday 00:00 off-peak morning 60s = 0.6: 1.0
    const r = rateUsage(tariff, voice('441614960123', '2024-03-03T23:59:30Z', 90));
    expect(r.spans.map((s) => s.timingId)).toEqual(['WEEKEND', 'OFFPEAK_MORNING']);
    expect(r.cost).toBe('1');
  });

  it('prefers the longest matching prefix', () => {
    // 447... is mobile: 90s at 0.3/min per second = 0.45
    const r = rateUsage(tariff, voice('447700900123', '2024-03-04T10:00:00Z', 90));
    expect(r.destinationId).toBe('DST_UK_MOB');
    expect(r.cost).toBe('0.45');
  });

  it('matches non-numeric destinations such as voicemail', () => {
    const r = rateUsage(tariff, voice('voicemail', '2024-03-04T10:00:00Z', 45));
    expect(r.destinationId).toBe('DST_VM');
    expect(r.cost).toBe('0');
  });

  it('picks the higher-weight destination whose timing is active at the start', () => {
    // On 1 January DST_X20 (weight 20, NEW_YEAR) wins: 60 x 0.01 + 0.1 = 0.7; other days DST_X2030: 0.2 + 1.2 = 1.4
    expect(rateUsage(tariff, voice('2012345', '2024-01-01T10:00:00Z', 60)).cost).toBe('0.7');
    expect(rateUsage(tariff, voice('2012345', '2024-01-02T10:00:00Z', 60)).destinationId).toBe('DST_X2030');
    expect(rateUsage(tariff, voice('2012345', '2024-01-02T10:00:00Z', 60)).cost).toBe('1.4');
  });

  it('rounds each span at the general decimals, then the total with the destination rate', () => {
    // 10s at 1 per 3s: 3.333333 -> 3.33333; per increment 0.333333 -> 0.33333; x10 = 3.3333; *up 2 -> 3.34
    const r = rateUsage(tariff, voice('331234', '2024-03-04T10:00:00Z', 10));
    expect(r.spans[0]!.incrementCost).toBe('0.33333');
    expect(r.costBeforeRounding).toBe('3.3333');
    expect(r.cost).toBe('3.34');
    // With 2 general decimals: 3.33 -> 0.333 -> 0.33 x 10 = 3.3
    expect(rateUsage(compileTariff(plan, { generalRoundingDecimals: 2 }), voice('331234', '2024-03-04T10:00:00Z', 10)).cost).toBe('3.3');
  });

  it('falls back to the fallback subject when the subject plan has no matching destination', () => {
    const r = rateUsage(tariff, voice('441614960123', '2024-03-04T10:00:00Z', 90, { subject: 'alice' }));
    expect(r.cost).toBe('2');
    expect(r.profile.subject).toBe('*any');
    expect(r.profile.fallbackFrom).toBe('alice');
    // alice's own plan prices US calls: a flat 0.1 per call (rate 0, unit 0)
    expect(rateUsage(tariff, voice('12125550123', '2024-03-04T10:00:00Z', 300, { subject: 'alice' })).cost).toBe('0.1');
  });

  it('refuses a destination no plan prices with UNAUTHORIZED_DESTINATION', () => {
    const call = () => rateUsage(tariff, voice('441614960123', '2024-03-04T10:00:00Z', 60, { subject: 'strict' }));
    expect(call).toThrowError(BillingError);
    expect(call).toThrowError(/no rate for destination/);
    try {
      call();
    } catch (e) {
      expect((e as BillingError).code).toBe('UNAUTHORIZED_DESTINATION');
    }
  });

  it('uses the latest activation not after the answer time', () => {
    expect(rateUsage(tariff, voice('12125550123', '2024-02-15T10:00:00Z', 60, { subject: 'bob' })).profile.ratingPlanId).toBe('RP_ALICE');
    expect(rateUsage(tariff, voice('441614960123', '2024-03-02T10:00:00Z', 60, { subject: 'bob' })).profile.ratingPlanId).toBe('RP_FLAT_UK');
  });

  it('uses the segment profile for a subject without its own, before *any', () => {
    const r = rateUsage(tariff, voice('441614960123', '2024-03-02T10:00:00Z', 60, { segment: 'business' }));
    expect(r.profile.subject).toBe('*segment:business');
  });

  it('caps the cost with MaxCost *free and leaves it with *disconnect', () => {
    // 10 min: 0.2 + 1.2 + 540 x 0.02 = 12.2 uncapped
    expect(rateUsage(tariff, voice('441614960123', '2024-03-04T10:00:00Z', 600, { category: 'capfree' })).cost).toBe('1');
    const disc = rateUsage(tariff, voice('441614960123', '2024-03-04T10:00:00Z', 600, { category: 'capdisc' }));
    expect(disc.cost).toBe('12.2');
    expect(disc.maxCost).toEqual({ amount: '1', strategy: '*disconnect', applied: false });
  });

  it('rates data in 1024-byte increments and SMS per message against *any destinations', () => {
    // 5000 bytes -> 5 increments of 1024 -> 5120 x 1/1024 = 5
    const data = rateUsage(tariff, { tenant: 't', category: 'data', subject: 'x', destination: '*any', answerTime: at('2024-03-04T10:00:00Z'), usage: 5000, tor: 'data' });
    expect(data.cost).toBe('5');
    expect(data.billedUsage).toBe(5120);
    const sms = rateUsage(tariff, { tenant: 't', category: 'sms', subject: 'x', destination: '447700900123', answerTime: at('2024-03-04T10:00:00Z'), usage: 3, tor: 'sms' });
    expect(sms.cost).toBe('0.3');
  });

  it('costs nothing for zero usage (no connect fee), as CGRateS', () => {
    const r = rateUsage(tariff, voice('441614960123', '2024-03-04T10:00:00Z', 0));
    expect(r.cost).toBe('0');
    expect(r.spans).toEqual([]);
  });

  it('reports an unknown tenant/category as RATING_PLAN_NOT_FOUND', () => {
    expect(() => rateUsage(tariff, voice('44', '2024-03-04T10:00:00Z', 5, { category: 'nope' }))).toThrowError(/no rating profile/);
  });

  it('evaluates timings in the tariff time zone', () => {
    // 07:30 UTC on 1 July is 08:30 in London (BST): peak there, off-peak in UTC.
    const london = compileTariff({ ...plan, timezone: 'Europe/London' });
    expect(rateUsage(london, voice('441614960123', '2024-07-01T07:30:00Z', 60)).spans[0]!.timingId).toBe('PEAK');
    expect(rateUsage(tariff, voice('441614960123', '2024-07-01T07:30:00Z', 60)).spans[0]!.timingId).toBe('OFFPEAK_MORNING');
  });

  it('gives the same result when rating the same usage twice', () => {
    const req = voice('441614960123', '2024-03-04T18:59:00Z', 125);
    expect(rateUsage(tariff, req)).toEqual(rateUsage(tariff, req));
  });
});

import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { buildPopulation } from './build-population.ts';
import { Random } from './random.ts';

describe('buildPopulation', () => {
  const population = buildPopulation({ size: 5_000, seed: 3, days: 31 });
  const { subscribers, visitors, operatorSettings } = population;

  it('is deterministic for a seed and differs across seeds', () => {
    expect(buildPopulation({ size: 200, seed: 3 }).subscribers).toEqual(buildPopulation({ size: 200, seed: 3 }).subscribers);
    expect(buildPopulation({ size: 200, seed: 4 }).subscribers).not.toEqual(buildPopulation({ size: 200, seed: 3 }).subscribers);
  });

  it('hands out distinct MSISDNs and IMSIs', () => {
    expect(subscribers).toHaveLength(5_000);
    expect(new Set(subscribers.map((s) => s.msisdn)).size).toBe(5_000);
    const imsis = subscribers.flatMap((s) => (s.imsi ? [s.imsi] : []));
    expect(new Set(imsis).size).toBe(imsis.length);
  });

  it('gives every subscriber a number libphonenumber accepts as a GB mobile or fixed line', () => {
    for (const s of subscribers) {
      const n = parsePhoneNumberFromString(`+${s.msisdn}`);
      expect(n?.isValid(), s.msisdn).toBe(true);
      expect(n?.country).toBe('GB');
      expect(n?.getType()).toBe(s.line === 'mobile' ? 'MOBILE' : 'FIXED_LINE');
      if (s.line === 'fixed') expect(s.msisdn.startsWith('44203555')).toBe(true);
    }
  });

  it('puts mobile SIMs on the home network and leaves fixed lines without one', () => {
    for (const s of subscribers) {
      if (s.line === 'mobile') expect(s.imsi).toMatch(/^23415\d{10}$/);
      else {
        expect(s.imsi).toBeNull();
        expect(s.segment).toBe('business');
        expect(s.extension).toMatch(/^1\d{3}$/);
      }
    }
  });

  it('mixes usage levels, segments, fixed lines and travellers', () => {
    const share = (pred: (s: (typeof subscribers)[number]) => boolean): number => subscribers.filter(pred).length / subscribers.length;
    expect(share((s) => s.line === 'fixed')).toBeCloseTo(0.08, 2);
    expect(share((s) => s.segment === 'business')).toBeGreaterThan(0.2);
    expect(share((s) => s.usage === 'heavy')).toBeGreaterThan(0.1);
    expect(share((s) => s.usage === 'light')).toBeGreaterThan(0.4);
    expect(share((s) => s.trip !== null)).toBeGreaterThan(0.02);
    for (const s of subscribers) if (s.trip) expect(s.trip.lastDay).toBeLessThanOrEqual(30);
  });

  it('has foreign visitors with foreign SIMs', () => {
    expect(visitors.length).toBe(50);
    for (const v of visitors) {
      expect(parsePhoneNumberFromString(`+${v.msisdn}`)?.isValid()).toBe(true);
      expect(v.imsi?.startsWith(v.homeNetwork)).toBe(true);
      expect(v.homeNetwork).not.toBe('23415');
    }
  });

  it('describes operator settings under which every subscriber is on-net', () => {
    expect(operatorSettings.homeNetworks).toEqual(['23415']);
    expect(operatorSettings.trunkPrefixes).toEqual(['9']);
    for (const s of subscribers) expect(operatorSettings.onNetPrefixes.some((p) => s.msisdn.startsWith(p))).toBe(true);
  });

  it('picks heavy users more often than light ones', () => {
    const rng = new Random(1);
    const picks = { light: 0, medium: 0, heavy: 0 };
    for (let i = 0; i < 50_000; i++) picks[population.pickSubscriber(rng).usage]++;
    const perHead = (u: keyof typeof picks): number => picks[u] / subscribers.filter((s) => s.usage === u).length;
    expect(perHead('heavy') / perHead('light')).toBeGreaterThan(5);
  });

  it('refuses sizes it cannot number', () => {
    expect(() => buildPopulation({ size: 0, seed: 1 })).toThrow();
    expect(() => buildPopulation({ size: 500_000, seed: 1 })).toThrow(/exceeds/);
  });
});

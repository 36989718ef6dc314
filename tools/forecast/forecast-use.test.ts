import { describe, expect, it } from 'vitest';
import { forecastUse, straightLineUse, weekdayFactors, type UsageSeries } from './forecast-use.ts';
import { measureForecastError } from './measure-forecast-error.ts';

/** A 28-day period starting on a Monday: four whole weeks. */
const WEEKS4 = Array.from({ length: 28 }, (_, i) => (i % 7) + 1);
const series = (perWeekday: number[]): UsageSeries => ({ daily: WEEKS4.map((wd) => perWeekday[wd - 1]!), weekdays: WEEKS4 });
// Days scatter around the level (alternately half above and below it), with no weekday pattern.
const noisy = (level: number): UsageSeries => ({ daily: WEEKS4.map((_, i) => level * (i % 2 ? 0.5 : 1.5)), weekdays: WEEKS4 });

describe('straightLineUse', () => {
  it('spreads the use so far over the whole period, in whole units', () => {
    expect(straightLineUse(8, 3, 31)).toBe(83);
    expect(straightLineUse(0, 5, 30)).toBe(0);
    expect(straightLineUse(10, 0, 30)).toBe(0);
  });
});

describe('weekdayFactors', () => {
  it('is flat without history or without use', () => {
    expect(weekdayFactors([])).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(weekdayFactors([series([0, 0, 0, 0, 0, 0, 0])])).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('reads a weekday pattern, shrunk toward flat by the days it was seen on, averaging 1', () => {
    // Weekdays 12, weekends 2: mean 9.14…; Monday seen 4 times.
    const f = weekdayFactors([series([12, 12, 12, 12, 12, 2, 2])]);
    expect(f.reduce((a, b) => a + b, 0) / 7).toBeCloseTo(1, 12);
    expect(f[0]!).toBeGreaterThan(1);
    expect(f[5]!).toBeLessThan(0.7);
    expect(f[0]!).toBeLessThan(12 / (64 / 7));
    // Seen on twice as many days, the pattern is trusted more.
    const twice = weekdayFactors([series([12, 12, 12, 12, 12, 2, 2]), series([12, 12, 12, 12, 12, 2, 2])]);
    expect(twice[5]!).toBeLessThan(f[5]!);
  });
});

describe('forecastUse', () => {
  it('is the straight line when the line has no history', () => {
    const f = forecastUse({ weekdays: WEEKS4, soFar: [5, 0, 7], history: [] });
    expect(f).toMatchObject({ projected: 112, straightLine: 112, usedSoFar: 12, currentWeight: 1, historyPeriods: 0 });
  });

  it('fills the remaining days by their weekday: a business line quiet at weekends', () => {
    const history = [series([12, 12, 12, 12, 12, 2, 2]), series([12, 12, 12, 12, 12, 2, 2]), series([12, 12, 12, 12, 12, 2, 2])];
    // Monday to Friday so far, at the usual level.
    const f = forecastUse({ weekdays: WEEKS4, soFar: [12, 12, 12, 12, 12], history });
    const actual = 4 * (5 * 12 + 2 * 2);
    expect(f.straightLine).toBe(336);
    expect(Math.abs(f.projected - actual)).toBeLessThan(Math.abs(f.straightLine - actual) / 4);
  });

  it('leans on a steady history early in the period and on the period itself later', () => {
    const steady = [noisy(10), noisy(10), noisy(10)];
    // This period runs at twice the usual rate.
    const early = forecastUse({ weekdays: WEEKS4, soFar: Array(3).fill(20), history: steady });
    const late = forecastUse({ weekdays: WEEKS4, soFar: Array(21).fill(20), history: steady });
    expect(early.projected).toBeGreaterThan(280);
    expect(early.projected).toBeLessThan(early.straightLine);
    expect(late.currentWeight).toBeGreaterThan(early.currentWeight);
    // A history that varies from month to month is trusted less.
    const jumpy = [noisy(2), noisy(25), noisy(3)];
    const withJumpy = forecastUse({ weekdays: WEEKS4, soFar: Array(3).fill(20), history: jumpy });
    expect(withJumpy.currentWeight).toBeGreaterThan(early.currentWeight);
  });

  it('never projects less than is used, and on the last day projects what was used', () => {
    const history = [series([100, 100, 100, 100, 100, 100, 100])];
    expect(forecastUse({ weekdays: WEEKS4, soFar: [0, 0, 500], history }).projected).toBeGreaterThanOrEqual(500);
    const last = forecastUse({ weekdays: WEEKS4, soFar: Array(28).fill(3), history });
    expect(last.projected).toBe(84);
  });

  it('projects nothing for a line with no use and no history', () => {
    expect(forecastUse({ weekdays: WEEKS4, soFar: [0, 0, 0, 0], history: [] }).projected).toBe(0);
  });
});

describe('measureForecastError', () => {
  it('scores both methods against the actual totals, leaving out periods without use and without enough history', () => {
    const flat = series([4, 4, 4, 4, 4, 4, 4]);
    const bursty: UsageSeries = { daily: WEEKS4.map((_, i) => (i < 7 ? 40 : 0)), weekdays: WEEKS4 };
    const empty = series([0, 0, 0, 0, 0, 0, 0]);
    const [d7, d14] = measureForecastError([[flat, flat, flat, flat, bursty, empty]], { checkpoints: [7, 14] });
    // Periods 4 (flat: both exact) and 5 (bursty) are scored; 6 has no use.
    expect(d7!.series).toBe(2);
    expect(d14!.series).toBe(2);
    // Bursty: 280 used in the first week, nothing after; the straight line says 1120 at day 7 (300 % off).
    expect(d7!.straightLineMape).toBeCloseTo(150, 9);
    expect(d7!.forecastMape).toBeLessThan(d7!.straightLineMape);
  });
});

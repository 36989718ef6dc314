import { describe, expect, it } from 'vitest';
import { dec, ZERO } from '../../tools/money/index.ts';
import { measureCashflow } from './measure-cashflow.ts';

describe('measureCashflow', () => {
  it('back-tests on the generated payment history: each week beside what came in, the forecast far closer than the due-date baseline', () => {
    const s = measureCashflow({ accounts: 60 });
    expect(s.cutoffs).toHaveLength(6);
    expect(s.cutoffs.at(-1)).toBe('2025-10-01');
    for (const c of s.withBands.cutoffs) {
      expect(c.forecast).toHaveLength(13);
      // What the naive baseline expects within 13 weeks never exceeds what was open.
      expect(c.naive.reduce((t, x) => t.plus(x), ZERO).lessThanOrEqualTo(c.open)).toBe(true);
      expect(c.actual.reduce((t, x) => t.plus(x), ZERO).lessThanOrEqualTo(dec(c.open))).toBe(true);
    }
    for (const r of [s.withBands, s.withoutBands, s.withProfileBands]) {
      expect(r.forecast.weeklyWape).toBeLessThan(r.naive.weeklyWape / 2);
      expect(r.forecast.totalApe).toBeLessThan(r.naive.totalApe);
    }
  });
});

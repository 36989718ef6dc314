import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compactBreakdown, expandBreakdown, readCompactBreakdown } from './compact-breakdown.ts';
import { compileTariff } from './compile-tariff.ts';
import { importCgratesTariffPlan } from './import-cgrates-csv.ts';
import { loadNativeTariff } from './load-native-tariff.ts';
import { rateUsage } from './rate-usage.ts';
import { joinBreakdown, splitBreakdown } from './split-breakdown.ts';
import type { TariffPlan, TypeOfRecord } from './tariff.types.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const REFERENCE = resolve(HERE, '../../../shared/reference/cgrates/tutorial2');
const plans: Array<{ plan: TariffPlan; tenant: string; subjects: string[]; categories: string[]; destinations: string[] }> = [
  {
    plan: loadNativeTariff(readFileSync(resolve(HERE, '../../evals/datasets/demo-operator/tariff.yaml'), 'utf8')).plan,
    tenant: 'switchboard.local',
    subjects: ['447400100001'],
    categories: ['call', 'sms', 'data'],
    destinations: ['441614960123', '442079460123', '447390100001', '4474001000012', '44800123456', '4490612345', '150', '999', '12125550123', '33142345678', '8613800000000'],
  },
];
if (existsSync(REFERENCE)) {
  plans.push({
    plan: importCgratesTariffPlan(Object.fromEntries(readdirSync(REFERENCE).map((f) => [f, readFileSync(join(REFERENCE, f), 'utf8')])), { id: 'tutorial2' }).plan,
    tenant: 'cgrates.org',
    subjects: ['1001', '1005', 'RPF_SPECIAL_BLC'],
    categories: ['call', 'sms', 'data', 'reseller1'],
    destinations: ['1002', '1005', '2001', '3001', 'voicemail'],
  });
}

describe('compact breakdown', () => {
  it('property: expanding the stored form rebuilds the identical breakdown', () => {
    for (const { plan, tenant, subjects, categories, destinations } of plans) {
      const tariff = compileTariff(plan);
      let checked = 0;
      fc.assert(
        fc.property(
          fc.constantFrom(...subjects),
          fc.constantFrom(...categories),
          fc.constantFrom(...destinations),
          fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) }),
          fc.integer({ min: 1, max: 20_000 }),
          (subject, category, destination, answerTime, amount) => {
            const tor: TypeOfRecord = category === 'data' ? 'data' : category === 'sms' ? 'sms' : 'voice';
            const usage = tor === 'voice' ? amount * 1_000_000_000 : tor === 'sms' ? (amount % 5) + 1 : amount * 1000;
            let rated;
            try {
              rated = rateUsage(tariff, { tenant, category, subject, destination, answerTime, usage, tor });
            } catch {
              return; // unpriceable combinations are covered elsewhere
            }
            const stored = JSON.parse(JSON.stringify(compactBreakdown(rated)));
            expect(expandBreakdown(stored, plan)).toEqual(rated);
            // What compactBreakdown writes is what the reader accepts, unchanged.
            expect(readCompactBreakdown(stored)).toEqual(stored);
            expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(rated).length);
            // Split into the shared template and this event's numbers, it joins back to the same.
            const split = splitBreakdown(stored);
            expect(joinBreakdown(split.template, split.values, stored.c)).toEqual(stored);
            expect(split.values!.length).toBeLessThan(JSON.stringify(stored).length / 2);
            checked++;
          },
        ),
        { numRuns: 400 },
      );
      expect(checked).toBeGreaterThan(200);
    }
  });

  it('keeps a multiplier, a cost before rounding and several spans through the split', () => {
    const b = readCompactBreakdown({
      v: 1,
      c: '2.50',
      cur: 'GBP',
      p: ['t', 'call', '*any', '2024-01-01T00:00:00.000Z', 'RP', null],
      d: ['D', '44', 'DR'],
      cf: '0.1',
      cb: '2.4987',
      r: ['*up', 2, 4],
      m: ['5', '*free', false],
      u: [61_500_000_000, 62_000_000_000],
      s: [
        [1, 0, 60_000_000_000, 'RP', 'T1', 'DR', 'R1', 0, 1, '1', '1'],
        [2, 60_000_000_000, 2_000_000_000, 'RP', 'T2', 'DR', 'R2', 1, 2, '0.7', '1.4'],
      ],
      x: { factor: '1.5', rule: 'peak' },
    });
    const split = splitBreakdown(b);
    expect(joinBreakdown(split.template, split.values, '2.50')).toEqual(b);
    expect(splitBreakdown({ reason: 'no billable usage' })).toEqual({ template: '{"reason":"no billable usage"}', values: null });
    expect(joinBreakdown('{"reason":"no billable usage"}', null, '0')).toEqual({ reason: 'no billable usage' });
  });

  it('refuses a stored breakdown whose amounts are not decimals', () => {
    const bad = { v: 1, c: '1e3', cur: 'GBP', p: ['t', 'c', 's', 'a', 'r', null], d: ['d', 'p', 'dr'], cf: '0', cb: '0', r: ['*up', 2, 4], m: null, u: [1, 1], s: [] };
    expect(() => readCompactBreakdown(bad)).toThrow(/decimal/);
    expect(() => readCompactBreakdown({ ...bad, c: '1.00' })).not.toThrow();
  });
});

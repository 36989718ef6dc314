import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileTariff } from './compile-tariff.ts';
import { importCgratesTariffPlan } from './import-cgrates-csv.ts';
import { rateUsage } from './rate-usage.ts';
import type { RatingRequest, TypeOfRecord } from './tariff.types.ts';

// The real CGRateS tutorial plans live beside the repository (../shared), not in it.
const REFERENCE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/reference/cgrates');
const S = 1_000_000_000;

function load(folder: string) {
  const dir = join(REFERENCE, folder);
  const files = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  return compileTariff(importCgratesTariffPlan(files, { id: folder }).plan);
}

const req = (subject: string, destination: string, answer: string, usage: number, tor: TypeOfRecord = 'voice', category = 'call', tenant = 'cgrates.org'): RatingRequest => ({
  tenant,
  category,
  subject,
  destination,
  answerTime: Date.parse(answer),
  usage,
  tor,
});

describe.skipIf(!existsSync(REFERENCE))('CGRateS reference tariff plans rate as CGRateS does (hand-computed)', () => {
  it('tutorial: RT_20CNT with connect fee, first minute whole, then per second with double rounding', () => {
    const t = load('tutorial');
    // 30s: 0.4 connect + one 60s increment of 0.2 = 0.6
    expect(rateUsage(t, req('1001', '1002', '2024-01-01T10:00:00Z', 30 * S)).cost).toBe('0.6');
    // 90s: 0.4 + 0.2 + 30s at 0.1/min per second: 0.05 / 30 = 0.0016667 -> 0.00167 x 30 = 0.0501 -> 0.6501
    expect(rateUsage(t, req('1001', '1002', '2024-01-01T10:00:00Z', 90 * S)).cost).toBe('0.6501');
    // 65s: 5s -> 0.0083333 -> 0.00833 / 5 = 0.001666 -> 0.00167 x 5 = 0.00835; 0.60835 *up 4 -> 0.6084
    expect(rateUsage(t, req('1001', '1002', '2024-01-01T10:00:00Z', 65 * S)).cost).toBe('0.6084');
  });

  it('tutorial: MaxCost with *disconnect does not cap the price', () => {
    const t = load('tutorial');
    const r = rateUsage(t, req('1001', '1003', '2024-01-01T10:00:00Z', 20 * S));
    expect(r.cost).toBe('0.2');
    expect(rateUsage(t, req('1001', '1003', '2024-01-01T10:00:00Z', 60 * S)).cost).toBe('0.6');
  });

  it('tutorial: the activation in force at the answer time chooses the plan', () => {
    const t = load('tutorial');
    // Before 2014-01-14 subject 1001 is on RP_1002 (calls to 1001 only).
    expect(rateUsage(t, req('1001', '1001', '2012-06-01T10:00:00Z', 60 * S)).profile.ratingPlanId).toBe('RP_1002');
    expect(() => rateUsage(t, req('1001', '1002', '2012-06-01T10:00:00Z', 60 * S))).toThrow(/no rate for destination 1002/);
  });

  it('tutorial: unknown subjects use *any; a tenant without one has no plan', () => {
    const t = load('tutorial');
    expect(rateUsage(t, req('9999', '1002', '2024-01-01T10:00:00Z', 30 * S, 'voice', 'call', 'cgrates.com')).cost).toBe('0.6');
    expect(() => rateUsage(t, req('9999', '1002', '2024-01-01T10:00:00Z', 30 * S))).toThrow(/no rating profile/);
    expect(rateUsage(t, req('1001', '1002', '2024-01-01T10:00:00Z', 3, 'sms', 'sms')).cost).toBe('0.03');
  });

  it('tutorial2: peak and off-peak timings, and a call crossing 08:00', () => {
    const t = load('tutorial2');
    // Monday peak, RT_120C: 0.2 + 1.2 + 30 x 0.02 = 2.0
    expect(rateUsage(t, req('1005', '1002', '2024-03-04T10:00:00Z', 90 * S)).cost).toBe('2');
    // Monday 20:00 off-peak evening, RT_60C: 0.1 + 90 x 0.01 = 1.0
    expect(rateUsage(t, req('1005', '1002', '2024-03-04T20:00:00Z', 90 * S)).cost).toBe('1');
    // Saturday: off-peak weekend
    expect(rateUsage(t, req('1005', '1002', '2024-03-02T10:00:00Z', 90 * S)).spans[0]!.timingId).toBe('OFFPEAK_WEEKEND');
    // 07:59 for 120s: 60s off-peak (0.6, connect 0.1) + 60s peak at elapsed 60s, per-second slot: 1.2 -> 1.9
    const crossing = rateUsage(t, req('1005', '1002', '2024-03-04T07:59:00Z', 120 * S));
    expect(crossing.spans.map((s) => [s.timingId, s.rateId, s.slot, s.cost])).toEqual([
      ['OFFPEAK_MORNING', 'RT_60C', 0, '0.6'],
      ['PEAK', 'RT_120C', 1, '1.2'],
    ]);
    expect(crossing.cost).toBe('1.9');
  });

  it('tutorial2: fallback subject, shared prefixes and the NEW_YEAR weight', () => {
    const t = load('tutorial2');
    // 1001's own plan prices 1002 (RT_60C): 0.1 + 0.9 = 1.0
    expect(rateUsage(t, req('1001', '1002', '2024-03-04T10:00:00Z', 90 * S)).cost).toBe('1');
    // ...but not 2001: falls back to *any (RP_STANDARD), where prefix 20 is DST_20 and DST_2030
    const other = rateUsage(t, req('1001', '2001', '2024-03-04T10:00:00Z', 60 * S));
    expect([other.profile.fallbackFrom, other.destinationId, other.cost]).toEqual(['1001', 'DST_2030', '1.4']);
    // On 1 January DST_20 (NEW_YEAR, weight 20) wins: RT_60C 0.1 + 0.6 = 0.7
    const newYear = rateUsage(t, req('1001', '2001', '2024-01-01T10:00:00Z', 60 * S));
    expect([newYear.destinationId, newYear.cost]).toEqual(['DST_20', '0.7']);
    // 30 is the other prefix of DST_2030
    expect(rateUsage(t, req('1005', '3001', '2024-03-04T10:00:00Z', 60 * S)).destinationId).toBe('DST_2030');
  });

  it('tutorial2: voicemail, flat per-call rates, data and SMS', () => {
    const t = load('tutorial2');
    expect(rateUsage(t, req('1005', 'voicemail', '2024-03-04T10:00:00Z', 95 * S)).cost).toBe('0');
    // RT_10C_CN: rate 0 per unit 0, connect 0.1: a flat 0.1 per call
    expect(rateUsage(t, req('RPF_SPECIAL_BLC', '1002', '2024-03-04T10:00:00Z', 300 * S)).cost).toBe('0.1');
    expect(rateUsage(t, req('x', '1002', '2024-03-04T10:00:00Z', 300 * S, 'voice', 'reseller1')).cost).toBe('0.1');
    // 3000 bytes in 1024-byte increments: 3 x 1 = 3
    expect(rateUsage(t, req('x', '*any', '2024-03-04T10:00:00Z', 3000, 'data', 'data')).cost).toBe('3');
    // SMS: 1002 is the longer prefix (0.1 each); 1005 falls to DST_10 (0.2 each)
    expect(rateUsage(t, req('x', '1002', '2024-03-04T10:00:00Z', 2, 'sms', 'sms')).cost).toBe('0.2');
    expect(rateUsage(t, req('x', '1005', '2024-03-04T10:00:00Z', 2, 'sms', 'sms')).cost).toBe('0.4');
  });

  it('tutorial2: a destination no plan prices is UNAUTHORIZED_DESTINATION', () => {
    const t = load('tutorial2');
    expect(() => rateUsage(t, req('1005', '5001', '2024-03-04T10:00:00Z', 60 * S))).toThrow(/no rate for destination 5001/);
  });
});

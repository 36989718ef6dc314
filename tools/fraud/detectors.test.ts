import { describe, expect, it } from 'vitest';
import { createFraudStage } from './create-fraud-stage.ts';
import { defaultFraudThresholds, fraudThresholdsSchema } from './fraud-thresholds.ts';
import type { FraudEvent, FraudStateUpdate } from './fraud.types.ts';
import { longestSequentialRun, rangeOf } from './number-ranges.ts';
import { median, medianAbsoluteDeviation, robustScore } from './robust-stats.ts';
import { eventSeries, fraudEvent, irsfBurst } from './testing/fraud-events.ts';

const DAY = 86_400_000;
const MARCH = Date.parse('2025-03-01T00:00:00Z');

function run(events: FraudEvent[], thresholds = defaultFraudThresholds(), kept: FraudStateUpdate[] = []) {
  const stage = createFraudStage(thresholds, { timezone: 'Europe/London' });
  for (const e of events) stage.observe(e);
  const byKey = new Map(kept.map((s) => [`${s.scope}:${s.key}`, s.state]));
  return stage.finish((scope, key) => byKey.get(`${scope}:${key}`) ?? null);
}

describe('robust statistics and number ranges', () => {
  it('computes median, MAD and a floored robust score', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
    expect(robustScore(10, [0, 0, 0], 2)).toEqual({ median: 0, spread: 2, score: 5 });
    expect(rangeOf('2250707123456', 3)).toBe('2250707123');
    expect(longestSequentialRun(['882160001001', '882160001002', '882160001003', '447390112345', '882160001004'])).toBe(3);
  });

  it('fills every threshold with its default and refuses a bad one', () => {
    const t = fraudThresholdsSchema.parse({ irsf: { warningCalls: 8 } });
    expect(t.irsf).toMatchObject({ warningCalls: 8, criticalCalls: 12, windowMinutes: 60 });
    expect(t.spike.dataBytes).toBe(5_000_000_000);
    expect(fraudThresholdsSchema.safeParse({ irsf: { warningCalls: 0 } }).success).toBe(false);
    expect(fraudThresholdsSchema.safeParse({ irsf: { nope: 1 } }).success).toBe(false);
  });
});

describe('IRSF', () => {
  it('alerts on a burst of calls to a high-risk range, critical with night calls and sequential numbers', () => {
    const night = Date.parse('2025-03-10T01:00:00Z');
    const { alerts } = run(irsfBurst('447400100001', night, 8));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ detector: 'irsf', severity: 'critical', subject: '447400100001', subjectKind: 'subscriber' });
    expect(alerts[0]!.evidence.statistics).toMatchObject({ calls: 8, peakInWindow: 8, cost: '100', longestSequentialRun: 8, highRiskRange: 8 });
    expect(alerts[0]!.evidence.signals.join(' ')).toMatch(/at night.*sequential/);
  });

  it('stays quiet under the warning count, for ordinary international calls, and for calls spread over the day', () => {
    expect(run(irsfBurst('447400100001', MARCH + 10 * DAY, 4)).alerts).toEqual([]);
    const ordinary = eventSeries(30, MARCH + 10 * DAY, 120_000, () => ({ category: 'international', other: '33140000000', otherCountry: 'FR' }));
    expect(run(ordinary).alerts).toEqual([]);
    const spread = eventSeries(10, MARCH + 10 * DAY, 2 * 3_600_000, (i) => ({ category: 'premium_rate', other: `44909000${1000 + i * 37}` }));
    expect(run(spread).alerts).toEqual([]);
  });

  it('a warning by day, a line that was seen long before is not new', () => {
    const day = Date.parse('2025-03-20T14:00:00Z');
    const events = eventSeries(6, day, 300_000, (i) => ({ category: 'premium_rate', other: `44909${String(1_000_000 + i * 7919)}`, cost: '2' }));
    const kept = [{ scope: 'subscriber' as const, key: 'baseline:447400100001', state: { firstSeenDay: Math.floor(MARCH / DAY) - 60, days: {} } }];
    const { alerts } = run(events, defaultFraudThresholds(), kept);
    expect(alerts.map((a) => a.severity)).toEqual(['warning']);
    expect(alerts[0]!.evidence.statistics.lineAgeDays).toBe(79);
    expect(run(events).alerts[0]!.evidence.signals).toEqual(['line first seen 0 day(s) before (new line)']);
  });
});

describe('Wangiri', () => {
  it('alerts on a wave of one-ring calls from one range to many lines, critical once a line calls back', () => {
    const start = MARCH + 5 * DAY + 10 * 3_600_000;
    const wave = eventSeries(20, start, 60_000, (i) => ({
      direction: 'inbound',
      subscriber: `4474001${10_000 + i}`,
      category: 'international',
      other: `2250707123${100 + i}`,
      otherCountry: 'CI',
      answered: false,
      ringMs: 2000,
      usage: 0,
    }));
    const quiet = run(wave).alerts;
    expect(quiet).toEqual([expect.objectContaining({ detector: 'wangiri', severity: 'warning', subject: '2250707123', subjectKind: 'calling_range' })]);
    const back = fraudEvent({ subscriber: '447400110003', category: 'international', other: '2250707123103', otherCountry: 'CI', startMs: start + 3_600_000 });
    const [alert] = run([...wave, back]).alerts;
    expect(alert).toMatchObject({ severity: 'critical' });
    expect(alert!.evidence.statistics.callbacks).toBe(1);
    expect(alert!.evidence.events[0]).toBe(back.key);
  });

  it('ignores answered calls, long rings, and many calls to one line', () => {
    const start = MARCH + 5 * DAY;
    const oneLine = eventSeries(30, start, 60_000, (i) => ({ direction: 'inbound', category: 'international', other: `2250707123${100 + i}`, answered: false, ringMs: 2000, usage: 0 }));
    const longRing = eventSeries(30, start, 60_000, (i) => ({
      direction: 'inbound',
      subscriber: `4474001${10_000 + i}`,
      category: 'international',
      other: `2250707123${100 + i}`,
      answered: false,
      ringMs: 30_000,
      usage: 0,
    }));
    expect(run([...oneLine, ...longRing]).alerts).toEqual([]);
  });
});

describe('SIM box', () => {
  const simbox = (subscriber: string, seconds: (i: number) => number) =>
    eventSeries(60, MARCH + 3 * DAY + 8 * 3_600_000, 600_000, (i) => ({ subscriber, other: `4473901${10_000 + i}`, usage: seconds(i) * 1000 }));

  it('alerts on a line calling many distinct off-net numbers with regular lengths and no SMS or data', () => {
    const { alerts } = run(simbox('447400100009', (i) => 100 + (i % 40)));
    expect(alerts).toEqual([expect.objectContaining({ detector: 'simbox', subject: '447400100009' })]);
    // Destinations are counted from the day's sixth call on.
    expect(alerts[0]!.evidence.statistics).toMatchObject({ calls: 60, distinctDestinations: 55, smsOrDataEvents: 0 });
  });

  it('not a line that also sends SMS, nor one whose call lengths vary as people talk, nor one that used data within four weeks', () => {
    const sms = fraudEvent({ subscriber: '447400100009', service: 'sms', usage: 1, startMs: MARCH });
    expect(run([...simbox('447400100009', (i) => 100 + (i % 40)), sms]).alerts).toEqual([]);
    expect(run(simbox('447400100010', (i) => [10, 40, 90, 300, 1200][i % 5]!)).alerts).toEqual([]);
    const kept = [{ scope: 'subscriber' as const, key: 'services:447400100011', state: { lastSmsOrDataDay: Math.floor(MARCH / DAY) - 3 } }];
    expect(
      run(
        simbox('447400100011', (i) => 100 + (i % 40)),
        defaultFraudThresholds(),
        kept,
      ).alerts,
    ).toEqual([]);
  });
});

describe('spikes against the line’s own baseline', () => {
  const history = (subscriber: string, days: number, minutesPerDay: number) =>
    Array.from({ length: days }, (_, d) => eventSeries(5, MARCH + d * DAY + 10 * 3_600_000, 600_000, () => ({ subscriber, usage: (minutesPerDay / 5) * 60_000 }))).flat();

  it('alerts on a day far above the median of the days before, and keeps the daily totals as state', () => {
    const spike = eventSeries(30, MARCH + 14 * DAY + 9 * 3_600_000, 900_000, () => ({ subscriber: '447400100020', usage: 14 * 60_000 }));
    const { alerts, states } = run([...history('447400100020', 14, 20), ...spike]);
    expect(alerts).toEqual([expect.objectContaining({ detector: 'spike', severity: 'warning', subject: '447400100020' })]);
    expect(alerts[0]!.evidence.statistics).toMatchObject({ metric: 'voice', value: 420, baselineMedian: 20, historyDays: 14 });
    const kept = states.find((s) => s.key === 'baseline:447400100020')!.state as { firstSeenDay: number; days: Record<string, number[]> };
    expect(Object.keys(kept.days)).toHaveLength(15);
  });

  it('judges a day against the baseline kept by earlier runs, and not a line with no history yet', () => {
    const earlier = run(history('447400100021', 14, 20)).states;
    const spike = eventSeries(30, MARCH + 14 * DAY + 9 * 3_600_000, 900_000, () => ({ subscriber: '447400100021', usage: 14 * 60_000 }));
    expect(run(spike, defaultFraudThresholds(), earlier).alerts).toHaveLength(1);
    expect(run(spike).alerts).toEqual([]);
  });

  it('a heavy line’s busy day within its usual spread is not a spike', () => {
    const busy = eventSeries(30, MARCH + 14 * DAY + 9 * 3_600_000, 900_000, () => ({ subscriber: '447400100022', usage: 12 * 60_000 }));
    expect(run([...history('447400100022', 14, 320), ...busy]).alerts).toEqual([]);
  });
});

describe('revenue anomalies', () => {
  const days = (from: number, to: number, cost: string) =>
    Array.from({ length: to - from }, (_, k) =>
      eventSeries(12, MARCH + (from + k) * DAY + 10 * 3_600_000, 600_000, () => ({ category: 'international', otherCountry: 'DE', other: '4930123456', usage: 120_000, cost })),
    ).flat();

  it('alerts when a destination’s cost per minute jumps from its history (a tariff error), once for the run of days', () => {
    const { alerts } = run([...days(0, 10, '0.50'), ...days(10, 14, '3.40')]);
    expect(alerts).toEqual([expect.objectContaining({ detector: 'revenue', subject: 'international:DE', subjectKind: 'destination', severity: 'critical' })]);
    expect(alerts[0]!.evidence.statistics).toMatchObject({ costPerMinute: 1.7, historyMedian: 0.25, days: 4 });
  });

  it('stays quiet for steady prices and for days with too few calls', () => {
    expect(run(days(0, 14, '0.50')).alerts).toEqual([]);
    const few = eventSeries(3, MARCH + 12 * DAY, 600_000, () => ({ category: 'international', otherCountry: 'DE', other: '4930123456', usage: 120_000, cost: '9' }));
    expect(run([...days(0, 10, '0.50'), ...few]).alerts).toEqual([]);
  });
});

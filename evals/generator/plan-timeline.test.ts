import { describe, expect, it } from 'vitest';
import { localParts } from '../../tools/time/index.ts';
import { iterateStartTimes, planTimeline } from './plan-timeline.ts';
import { Random } from './random.ts';

describe('planTimeline', () => {
  it('assigns exactly the requested rows, for any count', () => {
    for (const rows of [0, 1, 7, 999, 123_457]) {
      const t = planTimeline(rows, '2025-03-01', 31, 'Europe/London');
      expect(t.counts.reduce((a, b) => a + b, 0)).toBe(rows);
    }
  });

  it('covers local midnight to local midnight, with 23- and 25-hour DST days', () => {
    const spring = planTimeline(100, '2025-03-30', 1, 'Europe/London');
    expect(spring.startMs).toBe(Date.UTC(2025, 2, 30, 0));
    expect(spring.endMs - spring.startMs).toBe(23 * 3_600_000);
    const autumn = planTimeline(100, '2025-10-26', 1, 'Europe/London');
    expect(autumn.startMs).toBe(Date.UTC(2025, 9, 25, 23));
    expect(autumn.endMs - autumn.startMs).toBe(25 * 3_600_000);
    const ny = planTimeline(100, '2025-07-01', 2, 'America/New_York');
    expect(ny.startMs).toBe(Date.UTC(2025, 6, 1, 4));
  });

  it('follows busy hours and lighter weekends in local time', () => {
    const tz = 'Europe/London';
    const t = planTimeline(1_000_000, '2025-06-02', 14, tz); // two full weeks, BST
    const byHour = new Array<number>(24).fill(0);
    let weekday = 0;
    let weekend = 0;
    t.counts.forEach((n, i) => {
      const p = localParts(t.startMs + i * 3_600_000, tz);
      byHour[Math.floor(p.msOfDay / 3_600_000)]! += n;
      if (p.weekday >= 6) weekend += n;
      else weekday += n;
    });
    expect(byHour[11]! / byHour[3]!).toBeGreaterThan(20);
    expect(byHour[18]!).toBeGreaterThan(byHour[14]!);
    expect(byHour[11]!).toBeGreaterThan(byHour[13]!);
    expect(weekend / 4 / (weekday / 10)).toBeLessThan(0.7);
  });
});

describe('iterateStartTimes', () => {
  it('yields sorted whole-second instants inside the period, as many as planned', () => {
    const t = planTimeline(20_000, '2025-03-28', 4, 'Europe/London');
    const starts = [...iterateStartTimes(t, new Random(1))];
    expect(starts).toHaveLength(20_000);
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i]!;
      expect(s % 1000).toBe(0);
      expect(s).toBeGreaterThanOrEqual(t.startMs);
      expect(s).toBeLessThan(t.endMs);
      if (i > 0) expect(s).toBeGreaterThanOrEqual(starts[i - 1]!);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { UsageFigureGroup } from '../rating/summarize-usage-figures.ts';
import { usageTrends } from './usage-trends.ts';

const group = (bucket: number, events: number, minutes: number, cost: string): UsageFigureGroup => ({
  bucket,
  service: 'voice',
  category: 'mobile',
  status: 'rated',
  currency: 'GBP',
  cost,
  events,
  usage: String(events * minutes * 60_000),
});

describe('usageTrends', () => {
  it('builds each category from the buckets (an empty one counts zero), forecasts it and weighs the back-tests', () => {
    const buckets = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
    // 10, 20, 30, 40, 50, 60 calls of 2 minutes at 0.25: a straight line, which Holt follows exactly.
    const groups = buckets.map((_, i) => group(i, 10 * (i + 1), 2, '0.25'));
    const t = usageTrends({ buckets, future: ['2025-07', '2025-08'], season: 12, currency: 'GBP', groups });
    expect(t.categories).toHaveLength(1);
    const c = t.categories[0]!;
    expect(c.key).toBe('voice mobile');
    expect(c.history.map((h) => [h.bucket, h.events, h.quantity, h.rated])).toEqual(buckets.map((b, i) => [b, 10 * (i + 1), `${20 * (i + 1)}.00`, String((10 * (i + 1)) / 4)]));
    expect(c.forecast).toEqual([
      { bucket: '2025-07', quantity: '140.00', rated: '17.50' },
      { bucket: '2025-08', quantity: '160.00', rated: '20.00' },
    ]);
    expect([c.quantityModel.method, c.ratedModel.method, t.ratedMape, t.quantityMape]).toEqual(['holt', 'holt', '0.0', '0.0']);
    expect(t.total.history).toEqual(['2.50', '5.00', '7.50', '10.00', '12.50', '15.00']);
    expect(t.total.forecast).toEqual(['17.50', '20.00']);
  });

  it('counts a bucket without usage as zero and has no back-test on a short history', () => {
    const t = usageTrends({ buckets: ['2025-02', '2025-03'], future: ['2025-04'], season: 12, currency: 'GBP', groups: [group(1, 3, 1, '0.10')] });
    expect(t.categories[0]!.history.map((h) => h.quantity)).toEqual(['0', '3.00']);
    expect([t.categories[0]!.forecast[0]!.rated, t.ratedMape]).toEqual(['0.30', null]);
  });
});

import { describe, expect, it } from 'vitest';
import { generateUsageMonths } from './generate-usage-months.ts';

const opts = { seed: 3, lines: 200, firstMonth: '2025-01', months: 4 };

describe('generateUsageMonths', () => {
  const lines = generateUsageMonths(opts);

  it('is deterministic for a seed, and calendar months long with their weekdays', () => {
    expect(generateUsageMonths(opts)).toEqual(lines);
    expect(generateUsageMonths({ ...opts, seed: 4 })).not.toEqual(lines);
    const [jan, feb] = lines[0]!.months;
    expect([jan!.label, jan!.daily.voice.length, feb!.daily.sms.length]).toEqual(['2025-01', 31, 28]);
    // 1 January 2025 was a Wednesday.
    expect(jan!.weekdays.slice(0, 7)).toEqual([3, 4, 5, 6, 7, 1, 2]);
  });

  it('gives business lines quiet weekends and consumers busier weekend data', () => {
    const mean = (segment: string, service: 'voice' | 'data', weekend: boolean) => {
      let total = 0;
      let days = 0;
      for (const l of lines.filter((x) => x.segment === segment)) {
        for (const m of l.months) {
          m.weekdays.forEach((wd, i) => {
            if (wd >= 6 !== weekend) return;
            total += m.daily[service][i]!;
            days += 1;
          });
        }
      }
      return total / days;
    };
    expect(mean('business', 'voice', true)).toBeLessThan(0.6 * mean('business', 'voice', false));
    expect(mean('consumer', 'data', true)).toBeGreaterThan(mean('consumer', 'data', false));
  });

  it('keeps each line near its own level from month to month, in whole seconds and messages', () => {
    const totals = lines.map((l) => l.months.map((m) => m.daily.voice.reduce((a, b) => a + b, 0)));
    // Heavier lines stay heavier: month 1 and month 2 totals are strongly related across lines.
    const [a, b] = [totals.map((t) => t[0]!), totals.map((t) => t[1]!)];
    const ma = a.reduce((x, y) => x + y, 0) / a.length;
    const mb = b.reduce((x, y) => x + y, 0) / b.length;
    const cov = a.reduce((s, x, i) => s + (x - ma) * (b[i]! - mb), 0);
    const corr = cov / Math.sqrt(a.reduce((s, x) => s + (x - ma) ** 2, 0) * b.reduce((s, y) => s + (y - mb) ** 2, 0));
    expect(corr).toBeGreaterThan(0.6);
    expect(lines.every((l) => l.months.every((m) => m.daily.voice.every((ms) => ms % 1000 === 0) && m.daily.sms.every(Number.isInteger)))).toBe(true);
  });
});

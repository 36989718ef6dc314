import { describe, expect, it } from 'vitest';
import { formatForecastMarkdown, formatForecastTable, measureForecasts } from './measure-forecasts.ts';

describe('the forecast section of npm run eval', () => {
  const section = measureForecasts();

  it('is the same on every run (fixed seed)', () => {
    const again = measureForecasts();
    expect(again.all).toEqual(section.all);
    expect(again.byService).toEqual(section.byService);
  });

  it('scores every line, kind of use and month with three months before it, at days 7, 14 and 21', () => {
    expect(section.all.map((c) => c.day)).toEqual([7, 14, 21]);
    // 400 lines x 3 kinds x 5 months (April to August), less those with no use (fixed lines have no data).
    expect(section.all[0]!.series).toBe(section.byService.voice[0]!.series + section.byService.sms[0]!.series + section.byService.data[0]!.series);
    expect(section.byService.voice[0]!.series).toBe(2000);
    expect(section.months).toBe('2025-01 to 2025-08');
  });

  it('beats the straight line on the generated months at each checkpoint', () => {
    for (const c of section.all) expect(c.forecastMape, `day ${c.day}`).toBeLessThan(c.straightLineMape);
  });

  it('prints a table and a Markdown section', () => {
    const table = formatForecastTable(section);
    expect(table.split('\n')[1]).toMatch(/^use\s+at\s+series\s+forecast MAPE\s+straight-line MAPE\s+forecast closer$/);
    expect(table).toMatch(/all\s+day 7\s+\d+\s+\d+\.\d %\s+\d+\.\d %/);
    expect(formatForecastMarkdown(section)).toContain('| all | day 14 |');
  });
});

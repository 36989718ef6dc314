import { describe, expect, it } from 'vitest';
import { forecastSeries } from './forecast-series.ts';

const opts = { horizon: 3, season: 12, decimals: 2 };

describe('forecastSeries', () => {
  it("follows a straight line exactly with Holt's trend, which back-tests with no error", () => {
    const f = forecastSeries(['10', '20', '30', '40', '50', '60'], opts);
    expect(f.method).toBe('holt');
    expect(f.forecast).toEqual(['70.00', '80.00', '90.00']);
    expect(f.backtest).toEqual({ mape: '0.0', points: 4, origins: 4 });
    // The last value misses each step by 10: 10/30, 10/40, 10/50, 10/60 -> 23.75 %
    expect(f.candidates).toEqual([
      { method: 'naive', mape: '23.8' },
      { method: 'holt', mape: '0.0' },
    ]);
  });

  it('repeats a weekly pattern with the seasonal naive method', () => {
    const week = ['5', '9', '9', '9', '9', '9', '3'];
    const f = forecastSeries([...week, ...week, ...week], { horizon: 7, season: 7, decimals: 0 });
    expect(f.method).toBe('seasonal_naive');
    expect(f.forecast).toEqual(week);
    expect(f.backtest?.mape).toBe('0.0');
  });

  it('has no back-test for a short history and repeats the last value', () => {
    expect(forecastSeries(['100.50', '120'], opts)).toEqual({ method: 'naive', forecast: ['120.00', '120.00', '120.00'], backtest: null, candidates: [] });
    expect(forecastSeries([], opts).forecast).toEqual(['0.00', '0.00', '0.00']);
  });

  it('never forecasts below zero and leaves zero actuals out of the error', () => {
    const f = forecastSeries(['50', '40', '30', '20', '10', '0'], opts);
    expect(f.method).toBe('holt');
    expect(f.forecast).toEqual(['0.00', '0.00', '0.00']);
    expect(f.backtest?.points).toBe(3);
  });

  it('works in exact decimals: a third is not a float', () => {
    const f = forecastSeries(['0.1', '0.2', '0.3', '0.4', '0.5'], { ...opts, decimals: 4 });
    expect(f.forecast).toEqual(['0.6000', '0.7000', '0.8000']);
  });
});

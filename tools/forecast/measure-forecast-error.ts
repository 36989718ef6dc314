import { forecastUse, type UsageSeries } from './forecast-use.ts';

/** The checkpoints the issue asks for: days of the period elapsed when the forecast is made. */
export const FORECAST_CHECKPOINTS = [7, 14, 21] as const;
/** Earlier periods a forecast reads (the same number the application loads). */
export const FORECAST_HISTORY_PERIODS = 3;

/** Mean absolute percentage error of one method at one checkpoint, over every series with some use. */
export interface CheckpointError {
  day: number;
  /** Series (line, kind of use, period) scored: those with a non-zero actual total. */
  series: number;
  /** Percent, e.g. 12.3 for 12.3 %. */
  forecastMape: number;
  straightLineMape: number;
  /** Series where the forecast was closer than the straight line (ties counted for neither). */
  forecastCloser: number;
}

/**
 * Scores the forecast and the straight line on complete periods: for every series (oldest period
 * first) with at least `historyPeriods` periods before it, each method projects the total from the
 * first `day` days and the periods before; the absolute error over the actual total is averaged.
 * Series whose actual total is 0 have no percentage error and are left out.
 */
export function measureForecastError(seriesSets: ReadonlyArray<readonly UsageSeries[]>, opts: { checkpoints?: readonly number[]; historyPeriods?: number } = {}): CheckpointError[] {
  const checkpoints = opts.checkpoints ?? FORECAST_CHECKPOINTS;
  const historyPeriods = opts.historyPeriods ?? FORECAST_HISTORY_PERIODS;
  return checkpoints.map((day) => {
    let n = 0;
    let forecastSum = 0;
    let lineSum = 0;
    let closer = 0;
    for (const periods of seriesSets) {
      for (let m = historyPeriods; m < periods.length; m++) {
        const period = periods[m]!;
        const actual = period.daily.reduce((s, x) => s + x, 0);
        if (actual <= 0 || day >= period.daily.length) continue;
        const f = forecastUse({ weekdays: period.weekdays, soFar: period.daily.slice(0, day), history: periods.slice(m - historyPeriods, m) });
        const ef = Math.abs(f.projected - actual) / actual;
        const el = Math.abs(f.straightLine - actual) / actual;
        n += 1;
        forecastSum += ef;
        lineSum += el;
        if (ef < el) closer += 1;
      }
    }
    return { day, series: n, forecastMape: n ? (100 * forecastSum) / n : 0, straightLineMape: n ? (100 * lineSum) / n : 0, forecastCloser: closer };
  });
}

/** A percentage as the report prints it (one decimal). */
export function formatPercent(x: number): string {
  return `${x.toFixed(1)} %`;
}

import { FORECAST_SERVICES, generateUsageMonths, type ForecastService } from '../generator/index.ts';
import { FORECAST_CHECKPOINTS, FORECAST_HISTORY_PERIODS, formatPercent, measureForecastError, type CheckpointError, type UsageSeries } from '../../tools/forecast/index.ts';

/** The generated months the forecast is scored on: fixed, so every run and machine gets the same figures. */
export const FORECAST_EVAL = { seed: 14, lines: 400, firstMonth: '2025-01', months: 8 } as const;

/** The forecast section of the eval report: MAPE of the forecast and of the straight line at days 7, 14 and 21. */
export interface ForecastSection {
  seed: number;
  lines: number;
  months: string;
  historyPeriods: number;
  all: CheckpointError[];
  byService: Record<ForecastService, CheckpointError[]>;
  durationMs: number;
}

/**
 * Scores tools/forecast against the straight line on generated months (evals/generator:
 * per-line levels and weekday patterns, drift, shifts, quiet and busy spells): every month with
 * FORECAST_HISTORY_PERIODS months before it, every line, voice, SMS and data.
 */
export function measureForecasts(options: { seed?: number; lines?: number } = {}): ForecastSection {
  const started = Date.now();
  const seed = options.seed ?? FORECAST_EVAL.seed;
  const lineCount = options.lines ?? FORECAST_EVAL.lines;
  const lines = generateUsageMonths({ seed, lines: lineCount, firstMonth: FORECAST_EVAL.firstMonth, months: FORECAST_EVAL.months });
  const setsOf = (service: ForecastService): UsageSeries[][] => lines.map((l) => l.months.map((m) => ({ daily: m.daily[service], weekdays: m.weekdays })));
  const byService = Object.fromEntries(FORECAST_SERVICES.map((s) => [s, measureForecastError(setsOf(s))])) as Record<ForecastService, CheckpointError[]>;
  const last = lines[0]?.months.at(-1)?.label ?? FORECAST_EVAL.firstMonth;
  return {
    seed,
    lines: lineCount,
    months: `${FORECAST_EVAL.firstMonth} to ${last}`,
    historyPeriods: FORECAST_HISTORY_PERIODS,
    all: measureForecastError(FORECAST_SERVICES.flatMap(setsOf)),
    byService,
    durationMs: Date.now() - started,
  };
}

/** The section's rows: one per checkpoint and service, all services first. */
function rows(f: ForecastSection): string[][] {
  const row = (what: string, c: CheckpointError) => [what, `day ${c.day}`, String(c.series), formatPercent(c.forecastMape), formatPercent(c.straightLineMape), `${c.forecastCloser}/${c.series}`];
  return [...f.all.map((c) => row('all', c)), ...FORECAST_SERVICES.flatMap((s) => f.byService[s].map((c) => row(s, c)))];
}

const HEADER = ['use', 'at', 'series', 'forecast MAPE', 'straight-line MAPE', 'forecast closer'];

/** A caption saying what was measured. */
function caption(f: ForecastSection): string {
  return `Forecast error on generated months (seed ${f.seed}, ${f.lines} lines, ${f.months}; each month scored with the ${f.historyPeriods} before it; days ${FORECAST_CHECKPOINTS.join(', ')}):`;
}

/** The section as a plain-text table for the terminal. */
export function formatForecastTable(f: ForecastSection): string {
  const body = rows(f);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [caption(f), line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** The section as Markdown. */
export function formatForecastMarkdown(f: ForecastSection): string {
  return [
    '## Forecast error (tools/forecast against the straight line)',
    '',
    caption(f),
    '',
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => ' --- ').join('|')}|`,
    ...rows(f).map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

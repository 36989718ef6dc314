import { backtestCashflow, type BacktestResult } from '../../tools/cashflow/index.ts';
import { addDays } from '../../tools/time/index.ts';
import { generatePaymentHistory } from '../generator/index.ts';
import { estimateBands } from './estimate-bands.ts';
import { fromPaymentHistory, profileBands } from './from-payment-history.ts';

/** The generated history the cash-flow forecast is scored on: fixed, so every run gets the same figures. */
export const CASHFLOW_EVAL = { seed: 15, accounts: 400, firstMonth: '2024-01', months: 24, cutoffs: 6, everyWeeks: 5, weeks: 13 } as const;

/** The cash-flow section of the eval report: the back-test with bands unknown and with history bands, and the naive baseline. */
export interface CashflowSection {
  seed: number;
  accounts: number;
  months: string;
  cutoffs: string[];
  weeks: number;
  withoutBands: BacktestResult;
  withBands: BacktestResult;
  /** With the generator's hidden profiles as bands: what a perfect risk score would give (an upper bound). */
  withProfileBands: BacktestResult;
  durationMs: number;
}

/**
 * Back-tests tools/cashflow on a generated payment history (evals/generator/generate-payment-history.ts:
 * prompt, late, chronic and defaulting accounts, part payments, returns, chargebacks, disputes):
 * cut-offs every 5 weeks, the last one 13 weeks before the history ends, each forecast learned
 * from what was known by its cut-off.
 */
export function measureCashflow(options: { seed?: number; accounts?: number } = {}): CashflowSection {
  const started = Date.now();
  const seed = options.seed ?? CASHFLOW_EVAL.seed;
  const accounts = options.accounts ?? CASHFLOW_EVAL.accounts;
  const generated = generatePaymentHistory({ seed, accounts, firstMonth: CASHFLOW_EVAL.firstMonth, months: CASHFLOW_EVAL.months });
  const history = fromPaymentHistory(generated);
  const profiles = profileBands(generated);
  const last = addDays(history.end, -7 * CASHFLOW_EVAL.weeks);
  const cutoffs = Array.from({ length: CASHFLOW_EVAL.cutoffs }, (_, i) => addDays(last, -7 * CASHFLOW_EVAL.everyWeeks * (CASHFLOW_EVAL.cutoffs - 1 - i)));
  const base = { documents: history.documents, allocations: history.allocations, cutoffs, weeks: CASHFLOW_EVAL.weeks };
  return {
    seed,
    accounts,
    months: `${CASHFLOW_EVAL.firstMonth} to ${history.end}`,
    cutoffs,
    weeks: CASHFLOW_EVAL.weeks,
    withoutBands: backtestCashflow(base),
    withBands: backtestCashflow({ ...base, bands: (cutoff) => estimateBands(history.documents, history.allocations, cutoff) }),
    withProfileBands: backtestCashflow({ ...base, bands: () => profiles }),
    durationMs: Date.now() - started,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The section as a plain-text table for the terminal (and the Markdown report). */
export function formatCashflowTable(s: CashflowSection): string {
  const rows: string[][] = [
    ['forecast, true profiles as bands', ...errs(s.withProfileBands.forecast)],
    ['forecast, history bands', ...errs(s.withBands.forecast)],
    ['forecast, bands unknown', ...errs(s.withoutBands.forecast)],
    ['naive (paid on due date)', ...errs(s.withBands.naive)],
  ];
  const header = ['method', 'weekly WAPE', 'weekly MAPE', '13-week total APE', 'total bias'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    `Cash-flow back-test (seed ${s.seed}, ${s.accounts} accounts, ${s.months}; ${s.cutoffs.length} cut-offs ${s.cutoffs[0]} to ${s.cutoffs.at(-1)}, ${s.weeks} weeks each):`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

function errs(e: BacktestResult['forecast']): string[] {
  return [pct(e.weeklyWape), pct(e.weeklyMape), pct(e.totalApe), `${e.totalBias >= 0 ? '+' : ''}${pct(e.totalBias)}`];
}

import type { Command } from 'commander';
import type { z } from 'zod';
import { forecastTenantCashflow } from '../../app/cashflow/forecast-cashflow.ts';
import { runOperation } from '../../app/operation.ts';
import { describeHistory } from '../../tools/cashflow/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { dec } from '../../tools/money/index.ts';
import { checkDate } from '../../tools/time/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

type Forecast = z.output<typeof forecastTenantCashflow.output>;

const BUCKET_WORDS: Record<string, string> = { current: 'not yet due', days_1_30: '1-30 days', days_31_60: '31-60 days', days_61_90: '61-90 days', days_over_90: 'over 90 days' };

/** The forecast in words and tables: per currency the weeks, later / doubtful, the buckets and the accounts to chase. */
export function formatCashflow(f: Forecast): string {
  const history = describeHistory(f.history);
  if (f.currencies.length === 0) return [`Cash-flow forecast on ${f.asOf}: no open invoices, so no receipts are expected.`, history].join('\n');
  return [
    `Cash-flow forecast on ${f.asOf}, ${f.weeks} weeks. ${history}`,
    ...f.currencies.flatMap((c) => [
      '',
      `${c.currency}: ${c.summary}`,
      table(
        c.weeks.map((w) => ({ week: w.week, from: w.from, to: w.to, expected: w.expected, fromPlans: w.fromPlans })),
        ['week', 'from', 'to', 'expected', 'fromPlans'],
      ),
      `Next ${f.weeks} weeks: ${c.expected} ${c.currency}; later / doubtful: ${c.later} ${c.currency}${!dec(c.creditApplied).isZero() ? `; covered by credit balances: ${c.creditApplied}` : ''}.`,
      'By age:',
      table(
        c.byBucket.map((b) => ({ bucket: BUCKET_WORDS[b.bucket] ?? b.bucket, open: b.open, expected: b.expected, later: b.later })),
        ['bucket', 'open', 'expected', 'later'],
      ),
      c.actions.length ? `Accounts to chase first (cash within ${f.actionWeeks} weeks):` : 'No overdue account to chase.',
      ...c.actions.map((a) => `  ${a.rank}. ${a.accountId}: +${a.expectedGain} ${c.currency}: ${a.reason}`),
    ]),
  ].join('\n');
}

/** `switchboard cashflow [--weeks 13] [--json]`. */
export function registerCashflow(program: Command): void {
  program
    .command('cashflow')
    .description('expected receipts per week from open invoices (learned collection curves by age and risk), what is later or doubtful, and the accounts to chase first')
    .option('--weeks <n>', 'weeks ahead, 1 to 13', '13')
    .option('--actions <n>', 'how many accounts to chase to list', '10')
    .option('--today <date>', 'the day the forecast is made on (default: today)')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { weeks: string; actions: string; today?: string; as?: string }>();
        const today = opts.today ? checkDate(opts.today) : undefined;
        if (!/^\d{1,2}$/.test(opts.weeks)) throw new BillingError('INVALID_INPUT', `--weeks is a whole number from 1 to 13, not ${opts.weeks}`);
        // The same operation as the API's GET /cashflow, the console's Cash flow page and the collections agent's cashflow_forecast tool.
        const out = await withStore(opts, (store) => runOperation(forecastTenantCashflow, cliContext(store, opts.as, today), { weeks: opts.weeks, actions: opts.actions }));
        printResult(opts, out, formatCashflow);
      }),
    );
}

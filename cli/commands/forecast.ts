import type { Command } from 'commander';
import { showForecast } from '../../app/forecast/show-forecast.ts';
import { runOperation } from '../../app/operation.ts';
import type { AccountForecast } from '../../tools/forecast/index.ts';
import { checkDate } from '../../tools/time/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

/** The forecast in words and a table: one row per line and allowance. */
function formatForecast(f: AccountForecast & { notRated: number }): string {
  const rows = f.lines.flatMap((l) =>
    l.allowances.map((a) => ({
      msisdn: l.msisdn,
      allowance: a.allowanceId,
      unit: a.unit,
      included: a.included,
      used: a.used,
      forecast: a.projectedUse,
      straightLine: a.straightLineUse,
      over: a.projectedToExceed ? 'yes' : 'no',
      extraCharge: a.extraCharge ?? '',
    })),
  );
  const suggestions = f.lines.flatMap((l) =>
    l.suggestion
      ? [
          `Line ${l.msisdn}: on ${l.suggestion.planName} (${l.suggestion.planId}) the period would cost ${l.suggestion.alternativeAmount} instead of ${l.suggestion.currentAmount} (${f.currency}, before tax).`,
        ]
      : [],
  );
  return [
    `Forecast for account ${f.accountId}, period ${f.period.label} (${f.period.from} to ${f.period.lastDay}), day ${f.period.daysElapsed} of ${f.period.daysTotal}: ${f.method.basis}.`,
    rows.length ? table(rows, ['msisdn', 'allowance', 'unit', 'included', 'used', 'forecast', 'straightLine', 'over', 'extraCharge']) : 'No allowances on the account this period.',
    `Usage charges so far ${f.usageCharges} ${f.currency}, projected ${f.projectedUsageCharges} ${f.currency} (before tax).`,
    ...suggestions,
    ...(f.notRated ? [`${f.notRated} usage events of the period are not rated yet and are left out.`] : []),
  ].join('\n');
}

/** `switchboard forecast --account ID`. */
export function registerForecast(program: Command): void {
  program
    .command('forecast')
    .description("an account's projected use to the period end per line and allowance (weekday pattern and history, beside the straight line), with extra charges and cheaper plans")
    .requiredOption('--account <id>', 'the account')
    .option('--today <date>', 'the day the forecast is made on (default: today)')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { account: string; today?: string; as?: string }>();
        const today = opts.today ? checkDate(opts.today) : undefined;
        // The same operation as the API's GET /accounts/{id}/forecast and the rater's forecast_usage tool.
        const out = await withStore(opts, (store) => runOperation(showForecast, cliContext(store, opts.as, today), { accountId: opts.account }));
        printResult(opts, out, formatForecast);
      }),
    );
}

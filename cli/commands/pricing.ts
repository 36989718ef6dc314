import type { Command } from 'commander';
import { basename } from 'node:path';
import { runOperation } from '../../app/operation.ts';
import { showPricingWhatIf, showUsageTrends, type PricingWhatIf } from '../../app/pricing/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, parseIntOption, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';
import { checkPeriod } from './bill.ts';
import { readTextFile } from './catalog.ts';
import { tariffImportFromPath } from './tariffs.ts';

const REVENUE_COLUMNS = ['key', 'before', 'after', 'change', 'changePercent'];
const MOVER_COLUMNS = ['accountId', 'customerName', 'segment', 'before', 'after', 'change', 'changePercent'];

/** The what-if report in words and tables: every figure as the operation computed it. */
export function formatPricingWhatIf(o: PricingWhatIf): string {
  const failures = Object.entries(o.events.failures)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    `Pricing what-if for ${o.period} (${o.currency}, net of tax): tariff ${o.tariff}, catalog ${o.catalog}`,
    `Billed ${o.total.before}, with the proposal ${o.total.after}: change ${o.total.change}${o.total.changePercent === null ? '' : ` (${o.total.changePercent}%)`}; ${o.changedAccounts} of ${o.accounts} accounts change`,
    `Events priced again: ${o.events.repriced}${o.events.failed ? `, ${o.events.failed} not priced (${failures})` : ''}; took ${o.ms.total} ms (rating ${o.ms.rating} ms, charging ${o.ms.charging} ms)`,
    ...(o.skipped.noInvoice ? [`${o.skipped.noInvoice} accounts have no invoice for ${o.period} (billed 0.00)`] : []),
    ...(o.skipped.otherCurrency ? [`${o.skipped.otherCurrency} accounts in another currency left out`] : []),
    ...o.skipped.failed.map((f) => `  could not charge ${f.accountId}: [${f.code}] ${f.message}`),
    ...o.notes.map((n) => `  note: ${n}`),
    '',
    'By category:',
    table(o.byCategory, REVENUE_COLUMNS),
    '',
    'By segment:',
    table(o.bySegment, REVENUE_COLUMNS),
    '',
    'By plan:',
    table(o.byPlan, REVENUE_COLUMNS),
    '',
    'Largest increases:',
    table(o.increases, MOVER_COLUMNS),
    '',
    'Largest decreases:',
    table(o.decreases, MOVER_COLUMNS),
  ].join('\n');
}

/** `switchboard pricing whatif|trends`. */
export function registerPricing(program: Command): void {
  const pricing = program.command('pricing').description('pricing what-ifs (a past month under a proposed tariff or catalog) and usage trends');
  pricing
    .command('whatif')
    .description('re-price a past month under a proposed tariff or catalog, in memory: revenue before and after, the customers most affected')
    .requiredOption('--period <YYYY-MM>', 'the billing month to re-price')
    .option('--tariff <path>', 'the proposed tariff: a native JSON/YAML file or a CGRateS folder (never imported)')
    .option('--catalog <path>', 'the proposed catalog file, YAML or JSON (never imported)')
    .option('--top <n>', 'how many of the most affected customers to list each way', '10')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { period?: string; tariff?: string; catalog?: string; top?: string; as?: string }>();
        const input = {
          period: checkPeriod(opts.period),
          ...(opts.tariff ? { tariff: tariffImportFromPath(opts.tariff, {}) } : {}),
          ...(opts.catalog ? { catalog: { text: readTextFile(opts.catalog), fileName: basename(opts.catalog) } } : {}),
          top: parseIntOption('top', opts.top, 1),
        };
        const out = await withStore(opts, (store) => runOperation(showPricingWhatIf, cliContext(store, opts.as), input));
        printResult(opts, out, formatPricingWhatIf);
      }),
    );
  pricing
    .command('trends')
    .description('usage and rated amount by category per month (or day), forecast a few buckets ahead, with the back-test error')
    .option('--bucket <month|day>', 'monthly or daily totals', 'month')
    .option('--horizon <n>', 'buckets to forecast', '3')
    .option('--history <n>', 'buckets of history (default 24 months or 56 days)')
    .option('--until <YYYY-MM|YYYY-MM-DD>', 'the last bucket of history (default: the latest finished one with usage)')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { bucket?: string; horizon?: string; history?: string; until?: string; as?: string }>();
        const input = { bucket: opts.bucket, horizon: parseIntOption('horizon', opts.horizon, 1), history: parseIntOption('history', opts.history, 1), until: opts.until };
        const out = await withStore(opts, (store) => runOperation(showUsageTrends, cliContext(store, opts.as), input));
        printResult(opts, out, (o) =>
          [
            `Usage trends by ${o.bucket}, ${o.buckets[0] ?? '-'} to ${o.buckets[o.buckets.length - 1] ?? '-'}, forecast ${o.future.join(', ')} (${o.currency}, rated usage before allowances)`,
            ...(o.note ? [o.note] : []),
            `Back-test (rolling origin, one ${o.bucket} ahead): rated amount MAPE ${o.ratedMape == null ? 'n/a' : `${o.ratedMape}%`}, usage MAPE ${o.quantityMape == null ? 'n/a' : `${o.quantityMape}%`}; total rated ${o.total.model.method} MAPE ${o.total.model.backtest?.mape == null ? 'n/a' : `${o.total.model.backtest?.mape}%`}`,
            `Total rated: last ${o.total.history[o.total.history.length - 1] ?? '0.00'}, forecast ${o.total.forecast.join(', ')}`,
            '',
            table(
              o.categories.map((c) => ({
                category: c.key,
                unit: c.unit,
                last: c.history[c.history.length - 1]?.quantity ?? '0',
                forecast: c.forecast.map((f) => f.quantity).join(' '),
                method: c.quantityModel.method,
                mape: c.quantityModel.backtest?.mape ?? '',
                lastRated: c.history[c.history.length - 1]?.rated ?? '0',
                ratedForecast: c.forecast.map((f) => f.rated).join(' '),
                ratedMethod: c.ratedModel.method,
                ratedMape: c.ratedModel.backtest?.mape ?? '',
              })),
              ['category', 'unit', 'last', 'forecast', 'method', 'mape', 'lastRated', 'ratedForecast', 'ratedMethod', 'ratedMape'],
            ),
          ].join('\n'),
        );
      }),
    );
}

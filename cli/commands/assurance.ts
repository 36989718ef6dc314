import type { Command } from 'commander';
import { reportAssurance } from '../../app/assurance/report-assurance.ts';
import { runOperation } from '../../app/operation.ts';
import { formatAssuranceReport } from '../../tools/assurance/format-assurance-report.ts';
import { billingMonthSchema, parseOrThrow } from '../../tools/schemas/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, parseIntOption, printResult } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

/** `switchboard assurance report --period YYYY-MM`: the revenue-assurance reconciliation (docs/assurance.md). */
export function registerAssurance(program: Command): void {
  const a = program.command('assurance').description('revenue assurance: the reconciliation of a billing month from the switch to the bank, every gap by cause and its money');
  a.command('report')
    .description('records read, accepted, rated, charged; invoices billed, issued, paid; every gap between them with its items, and whether they add up')
    .requiredOption('--period <YYYY-MM>', 'the billing month')
    .option('--items <n>', 'items listed per gap (all are counted; --json lists up to this many too)', '5')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { period: string; items: string; as?: string }>();
        const period = parseOrThrow(billingMonthSchema, opts.period, '--period');
        const items = parseIntOption('items', opts.items, 0)!;
        // The same operation as the API's GET /assurance?period= and the collections agent's assurance_report tool.
        const out = await withStore(opts, (store) => runOperation(reportAssurance, cliContext(store, opts.as), { period, limit: Math.min(items, 1000) }));
        printResult(opts, out, (r) => formatAssuranceReport(r, { items }));
      }),
    );
}

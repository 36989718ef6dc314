import type { Command } from 'commander';
import { runOperation } from '../../app/operation.ts';
import { rerateBillingPeriod } from '../../app/rerate/rerate-billing-period.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { setExitCode } from '../io.ts';
import { cliContext } from '../operation-context.ts';
import { action, parseIntOption, printResult } from '../output.ts';
import { checkPeriod } from './bill.ts';

/** `switchboard rerate`. */
export function registerRerate(program: Command): void {
  program
    .command('rerate')
    .description('re-rate a period after a tariff correction: per-event changes logged; issued invoices corrected by credit or debit notes, unissued ones billed again')
    .requiredOption('--period <YYYY-MM>', 'the billing month')
    .option('--account <id...>', 'only these accounts')
    .option('--tariff <name>', 'tariff plan (default: the most recently imported)')
    .option('--general-rounding-decimals <n>', 'decimals of per-span rounding', '5')
    .option('--issue-date <date>', 'issue date of the notes (default: today)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { period?: string; account?: string[]; tariff?: string; generalRoundingDecimals?: string; issueDate?: string }>();
        const input = {
          period: checkPeriod(opts.period),
          accountIds: opts.account,
          tariff: opts.tariff,
          generalRoundingDecimals: parseIntOption('general-rounding-decimals', opts.generalRoundingDecimals),
          issueDate: opts.issueDate,
        };
        const result = await withStore(opts, (store) => runOperation(rerateBillingPeriod, cliContext(store), input));
        printResult(opts, result, (r) =>
          [
            `Re-rated ${r.period} (run ${r.runId}): ${r.events.considered} events, ${r.events.repriced} changed price, ${r.events.changed} now priced by another tariff version or status`,
            `${r.notes.length} correction notes issued, ${r.rebilled.length} unissued invoices billed again, ${r.failed.length} failed`,
            ...r.notes.map((n) => `  ${n.kind.replace('_', ' ')} ${n.number} for ${n.accountId}: ${n.total} (corrects ${n.corrects})`),
            ...r.failed.map((f) => `  ${f.accountId}: [${f.code}] ${f.message}`),
          ].join('\n'),
        );
        if (result.failed.length) setExitCode(result.failed.some((f) => f.code === 'INTERNAL') ? 1 : 2);
      }),
    );
}

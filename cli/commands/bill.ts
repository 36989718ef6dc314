import type { Command } from 'commander';
import { billPeriod, getOperatorSettings, listAccountIds } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { addMonths, checkDate } from '../../tools/time/index.ts';
import { progressEnabled, withStore, type GlobalOptions } from '../context.ts';
import { createProgress } from '../progress.ts';
import { action, printResult } from '../output.ts';

/** Refuses anything but a billing month YYYY-MM. */
export function checkPeriod(period: string | undefined): string {
  if (!period || !/^\d{4}-\d{2}$/.test(period)) throw new BillingError('INVALID_INPUT', `--period must be a month YYYY-MM, got "${period ?? ''}"`);
  addMonths(period, 0);
  return period;
}

/** `switchboard bill`. */
export function registerBill(program: Command): void {
  program
    .command('bill')
    .description('bill a period: one invoice per account (issued, or held for a person when flagged); running it again creates nothing')
    .requiredOption('--period <YYYY-MM>', 'the billing month')
    .option('--account <id...>', 'only these accounts')
    .option('--issue-date <date>', 'issue date of the invoices (default: the day after the period)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { period?: string; account?: string[]; issueDate?: string }>();
        const period = checkPeriod(opts.period);
        if (opts.issueDate) checkDate(opts.issueDate);
        const result = await withStore(opts, (store) => {
          const { timezone } = getOperatorSettings(store);
          const bar = createProgress('bill', listAccountIds(store, opts.account).length, progressEnabled(opts));
          try {
            return billPeriod(store, { period, timezone, accountIds: opts.account, issueDate: opts.issueDate, onProgress: (n) => bar.update(n) });
          } finally {
            bar.stop();
          }
        });
        const out = {
          period: result.period,
          created: result.created.length,
          issued: result.created.filter((c) => c.status === 'issued').length,
          held: result.held.length,
          alreadyPresent: result.alreadyPresent.length,
          failed: result.failed,
          invoices: result.created,
        };
        printResult(opts, out, (o) =>
          [
            `Billed ${o.period}: ${o.created} invoices created (${o.issued} issued, ${o.held} held for review), ${o.alreadyPresent} already present, ${o.failed.length} failed`,
            ...o.failed.slice(0, 20).map((f) => `  ${f.accountId}: [${f.code}] ${f.message}`),
          ].join('\n'),
        );
        if (result.failed.length) process.exitCode = result.failed.some((f) => f.code === 'INTERNAL') ? 1 : 2;
      }),
    );
}

import type { Command } from 'commander';
import { whatIfAccount } from '../../app/whatif/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { action, printResult, table } from '../output.ts';
import { checkPeriod } from './bill.ts';

/** `switchboard whatif`. */
export function registerWhatIf(program: Command): void {
  program
    .command('whatif')
    .description('what each line of an account would have paid in a period on every other plan (exact, before tax)')
    .requiredOption('--account <id>', 'the account')
    .requiredOption('--period <YYYY-MM>', 'the billing month')
    .option('--plan <id>', 'only this plan')
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { account: string; period?: string; plan?: string }>();
        const period = checkPeriod(opts.period);
        const out = await withStore(opts, (store) => whatIfAccount(store, opts.account, period, opts.plan));
        printResult(
          opts,
          out,
          (o) =>
            `What-if for account ${o.account}, ${o.period} (${o.currency}, before tax):\n${table(o.scenarios as Array<Record<string, unknown>>, ['msisdn', 'currentPlanId', 'planId', 'currentAmount', 'alternativeAmount', 'saving', 'note'])}`,
        );
      }),
    );
}

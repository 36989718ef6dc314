import type { Command } from 'commander';
import { runOperation } from '../../app/operation.ts';
import { showWhatIf } from '../../app/whatif/show-what-if.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
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
        const input = { accountId: opts.account, period: checkPeriod(opts.period), planId: opts.plan };
        const out = await withStore(opts, (store) => runOperation(showWhatIf, cliContext(store), input));
        printResult(
          opts,
          out,
          (o) =>
            `What-if for account ${o.account}, ${o.period} (${o.currency}, before tax):\n${table(o.scenarios as Array<Record<string, unknown>>, ['msisdn', 'currentPlanId', 'planId', 'currentAmount', 'alternativeAmount', 'saving', 'note'])}`,
        );
      }),
    );
}

import type { Command } from 'commander';
import { getBillingSettings, getOperatorSettings, loadBillingInput } from '../../db/index.ts';
import { whatIf } from '../../tools/charging/index.ts';
import { chargeInputFor } from '../../tools/invoice/bill-account.ts';
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
        const out = await withStore(opts, (store) => {
          const input = chargeInputFor(loadBillingInput(store, opts.account, period, getOperatorSettings(store).timezone, getBillingSettings(store)));
          const scenarios = [];
          for (const sub of input.subscriptions) {
            for (const plan of input.catalog.plans) {
              if (opts.plan ? plan.id !== opts.plan : sub.plans.some((p) => p.planId === plan.id)) continue;
              if (!opts.plan && plan.segments.length && !plan.segments.includes(input.customer.segment)) continue;
              try {
                scenarios.push({ ...whatIf(input, sub.id, plan.id), msisdn: sub.msisdn, note: null as string | null });
              } catch (err) {
                scenarios.push({ subscriptionId: sub.id, msisdn: sub.msisdn, planId: plan.id, planName: plan.name, note: err instanceof Error ? err.message : String(err) });
              }
            }
          }
          return { account: opts.account, period, currency: input.account.currency, scenarios };
        });
        printResult(opts, out, (o) => `What-if for account ${o.account}, ${o.period} (${o.currency}, before tax):\n${table(o.scenarios as Array<Record<string, unknown>>, ['msisdn', 'currentPlanId', 'planId', 'currentAmount', 'alternativeAmount', 'saving', 'note'])}`);
      }),
    );
}

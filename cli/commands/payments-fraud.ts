import type { Command } from 'commander';
import { proposeAccountRefund, scanPaymentFraudOp } from '../../app/payments-fraud/index.ts';
import { runOperation } from '../../app/operation.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, parseIntOption, printResult } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';
import { describeProposal } from './approvals.ts';

type Opts = GlobalOptions & { as?: string };

/**
 * `switchboard payments refund|scan-fraud` (docs/payment-fraud.md), added to the `payments`
 * command (the payments import's import|list|match|unmatched live beside them).
 */
export function addPaymentFraudCommands(payments: Command): void {
  payments
    .command('refund <account>')
    .description("propose refunding the account's credit balance (or --amount of it) to an IBAN; another person approves, nothing is paid now")
    .option('--amount <amount>', 'how much of the credit balance (all of it when not given)')
    .requiredOption('--iban <iban>', 'the IBAN to pay it to')
    .option('--name <holder>', "the destination account holder (the customer's name when not given)")
    .requiredOption('--reason <text>', 'why (kept in the audit log)')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (account: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { amount?: string; iban: string; name?: string; reason: string }>();
        const input = { accountId: account, iban: opts.iban, reason: opts.reason, ...(opts.amount ? { amount: opts.amount } : {}), ...(opts.name ? { holderName: opts.name } : {}) };
        const out = await withStore(opts, (store) => runOperation(proposeAccountRefund, cliContext(store, opts.as), input));
        printResult(opts, out, (r) =>
          [
            `${r.existing ? 'Already proposed' : 'Proposed'}: ${describeProposal(r.proposal)}`,
            ...(r.alertId ? [`Fraud alert ${r.alertId} raised on the destination (switchboard alerts show ${r.alertId}).`] : []),
            `An approver (not you) runs: switchboard approvals approve ${r.proposal.id} --as <approver> --reason "…"`,
          ].join('\n'),
        );
      }),
    );
  payments
    .command('scan-fraud')
    .description('run the payment-fraud detectors over recent payments (or the history around one import) and store what they find as alerts')
    .option('--import <id>', 'only what this import took part in')
    .option('--days <n>', 'how many days of payments back (without --import)', '180')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { import?: string; days: string }>();
        const input = { days: parseIntOption('days', opts.days, 1), ...(opts.import ? { importId: parseIntOption('import', opts.import, 1) } : {}) };
        const out = await withStore(opts, (store) => runOperation(scanPaymentFraudOp, cliContext(store, opts.as), input));
        printResult(
          opts,
          out,
          (r) =>
            `Scanned ${r.payments} payments and ${r.refunds} refund requests: ${r.alerts.length} new alert(s)${
              r.alerts.length
                ? ` (${Object.entries(r.byDetector)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(', ')}; switchboard alerts list --detector <detector>)`
                : ''
            }.`,
        );
      }),
    );
}

/** Registers the payment-fraud commands under `payments`, creating that command when nothing else has. */
export function registerPaymentsFraud(program: Command): void {
  const payments = program.commands.find((c) => c.name() === 'payments') ?? program.command('payments').description('payments: refunds of credit balances (proposals) and payment-fraud scans');
  addPaymentFraudCommands(payments);
}

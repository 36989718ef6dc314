import type { Command } from 'commander';
import { basename } from 'node:path';
import { runOperation } from '../../app/operation.ts';
import { importPaymentFile, listPayments, listUnmatchedPayments, matchPayment, showPayment, type ImportResult } from '../../app/payments/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { IMPORT_FORMATS, PAYMENT_STATES, type ImportFormat, type PaymentState } from '../../tools/payments/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, choiceOption, parseIntOption, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';
import { readTextFile } from './catalog.ts';
import { registerPaymentsFraud } from './payments-fraud.ts';

type Opts = GlobalOptions & { as?: string };
const COLUMNS = ['id', 'state', 'kind', 'bookingDate', 'amount', 'currency', 'accountId', 'matchMethod', 'payerName', 'remittance'];

function paymentId(id: string): number {
  if (!/^\d{1,12}$/.test(id) || Number(id) < 1) throw new BillingError('INVALID_INPUT', `a payment id is a whole number >= 1 (from \`switchboard payments list\`), got "${id}"`);
  return Number(id);
}

/** The counts of an import as a person reads them; they add up to the entries read. */
export function importSummary(r: ImportResult): string {
  const credit = Object.entries(r.credit).map(([c, v]) => `${v} ${c}`);
  return [
    `Import ${r.importId} (${r.format}${r.repeatOf ? `, the same file as import ${r.repeatOf}` : ''}): ${r.statements.length ? `${r.statements.length} statement(s) ${r.statements.map((s) => s.id).join(', ')}, ` : ''}${r.read} entries read`,
    `  matched ${r.matched} (reference ${r.byMethod.creditor_reference}, invoice number ${r.byMethod.invoice_number}, amount and payer ${r.byMethod.amount_payer}), partly matched ${r.partlyMatched}, unmatched ${r.unmatched}, duplicate ${r.duplicate}, returned ${r.returned}`,
    ...(r.paid.length ? [`  paid in full: ${r.paid.join(', ')}`] : []),
    ...(r.reopened.length ? [`  reopened: ${r.reopened.join(', ')}`] : []),
    ...(r.feeNotes.length ? [`  returned-payment fees: ${r.feeNotes.join(', ')}`] : []),
    ...(credit.length ? [`  account credit from overpayments: ${credit.join(', ')}`] : []),
    ...(r.unmatched ? ['  `switchboard payments unmatched` lists what waits for a person'] : []),
  ].join('\n');
}

/** `switchboard payments import|list|unmatched|show|match` (docs/payments.md). */
export function registerPayments(program: Command): void {
  const p = program
    .command('payments')
    .description('payments in: import bank statements (camt.053/054) and processor CSV, list, unmatched, show, match by hand; refunds of credit balances (proposals) and payment-fraud scans');
  p.command('import <file>')
    .description('import a camt.053 statement, a camt.054 notification or a processor CSV; every entry ends matched, partly matched, unmatched, duplicate or returned')
    .addOption(choiceOption('--format <format>', `${IMPORT_FORMATS.join(', ')} (default: read from the file)`, IMPORT_FORMATS))
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (file: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { format?: ImportFormat }>();
        const content = readTextFile(file);
        const out = await withStore(opts, (store) => runOperation(importPaymentFile, cliContext(store, opts.as), { content, format: opts.format, fileName: basename(file) }));
        printResult(opts, out, importSummary);
      }),
    );
  p.command('list')
    .description('payment entries, newest first, with the count in each state')
    .addOption(choiceOption('--state <state>', PAYMENT_STATES.join(', '), PAYMENT_STATES))
    .option('--account <id>', 'only payments matched to this account')
    .option('--import <id>', 'only entries of this import')
    .option('--limit <n>', 'at most this many', '100')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { state?: PaymentState; account?: string; import?: string; limit: string }>();
        const input = { state: opts.state, accountId: opts.account, importId: parseIntOption('import', opts.import, 1), limit: parseIntOption('limit', opts.limit, 1) };
        const out = await withStore(opts, (store) => runOperation(listPayments, cliContext(store, opts.as), input));
        printResult(opts, out, (r) =>
          [
            r.payments.length ? table(r.payments, COLUMNS) : 'No payments.',
            Object.entries(r.counts)
              .map(([s, n]) => `${s.replace('_', ' ')} ${n}`)
              .join(', '),
          ].join('\n'),
        );
      }),
    );
  p.command('unmatched')
    .description('payments waiting for a person to match them, oldest first')
    .option('--limit <n>', 'at most this many', '100')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { limit: string }>();
        const out = await withStore(opts, (store) => runOperation(listUnmatchedPayments, cliContext(store, opts.as), { limit: parseIntOption('limit', opts.limit, 1) }));
        printResult(opts, out, (r) => (r.payments.length ? `${table(r.payments, COLUMNS)}\n${r.total} unmatched` : 'No unmatched payments.'));
      }),
    );
  p.command('show <id>')
    .description('one payment: what it settled, what became credit, where it came from')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts>();
        const out = await withStore(opts, (store) => runOperation(showPayment, cliContext(store, opts.as), { id: paymentId(id) }));
        printResult(opts, out, (r) =>
          [
            `Payment ${r.payment.id}: ${r.payment.kind} ${r.payment.amount} ${r.payment.currency} on ${r.payment.bookingDate}, ${r.payment.state}${r.payment.accountId ? ` to ${r.payment.accountId}` : ''}${r.payment.matchMethod ? ` (${r.payment.matchMethod}${r.payment.matchedBy ? ` by ${r.payment.matchedBy}` : ''})` : ''}`,
            `  payer ${r.payment.payerName ?? '-'} ${r.payment.payerIban ?? ''}; reference ${r.payment.creditorReference ?? '-'}; remittance ${JSON.stringify(r.payment.remittance ?? '')}`,
            ...(r.import ? [`  from import ${r.import.id} (${r.import.format}${r.import.fileName ? ` ${r.import.fileName}` : ''}), entry ${r.payment.entryNo} ${r.payment.entryKey}`] : []),
            ...r.allocations.map((a) => `  ${a.kind} ${a.amount} to ${a.invoiceNumber ?? a.invoiceId}`),
            ...r.credit.map((c) => `  credit ${c.reason} ${c.amount}`),
            ...(r.payment.returnedBy ? [`  sent back by entry ${r.payment.returnedBy}`] : []),
            ...(r.payment.returnOf ? [`  sends back payment ${r.payment.returnOf}${r.payment.returnReason ? ` (${r.payment.returnReason})` : ''}`] : []),
            ...(r.payment.duplicateOf ? [`  duplicate of ${r.payment.duplicateOf}`] : []),
          ].join('\n'),
        );
      }),
    );
  p.command('match <paymentId>')
    .description('match an unmatched payment by hand to an account (and invoices of it, settled first); the rest goes to its other open invoices oldest first, any excess becomes credit')
    .requiredOption('--account <id>', 'the account the money is for')
    .option('--invoice <number...>', 'invoices of that account to settle first')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { account: string; invoice?: string[] }>();
        const out = await withStore(opts, (store) => runOperation(matchPayment, cliContext(store, opts.as), { id: paymentId(id), accountId: opts.account, invoices: opts.invoice ?? [] }));
        printResult(opts, out, (r) =>
          [
            `Payment ${r.payment.id} ${r.payment.state} to ${r.payment.accountId} by ${r.payment.matchedBy}`,
            ...r.allocations.map((a) => `  ${a.amount} to invoice ${a.invoiceId}${a.settles ? ' (paid in full)' : ''}`),
            ...(r.credit !== '0.00' && r.credit !== '0' ? [`  ${r.credit} became account credit`] : []),
          ].join('\n'),
        );
      }),
    );
  // Refunds and payment-fraud scans are subcommands of the same command (docs/payment-fraud.md).
  registerPaymentsFraud(program);
}

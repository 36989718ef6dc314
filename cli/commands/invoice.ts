import type { Command } from 'commander';
import { runOperation } from '../../app/index.ts';
import { listInvoices, markInvoicePaid, markOverdueInvoices, renderInvoicePdf, renderInvoiceUbl, showInvoice } from '../../app/invoices/index.ts';
import { cliContext } from '../operation-context.ts';
import { proposeInvoiceRelease, proposeInvoiceVoid } from '../../app/proposals/propose-release.ts';
import { AS_OPTION } from './acting-user.ts';
import { describeProposal } from './approvals.ts';
import { checkDate } from '../../tools/time/index.ts';
import { invoiceStatusSchema, type InvoiceDocument } from '../../tools/invoice/invoice.types.ts';
import { messageTextsFor, phraseMessage } from '../../tools/invoice/messages/index.ts';
import { INVOICE_LAYOUTS, type InvoiceLayout } from '../../tools/catalog/account.types.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { checkOutputFile, writeOutputData } from '../output-file.ts';
import { action, choiceOption, parseIntOption, printResult, table } from '../output.ts';

/** A short human rendering of an invoice: header, lines, taxes, totals, personalised messages. */
export function describeInvoice(d: InvoiceDocument): string {
  const title = d.kind === 'invoice' ? 'Invoice' : d.kind === 'credit_note' ? 'Credit note' : 'Debit note';
  return [
    `${title} ${d.number ?? '(not numbered)'} — ${d.status}${d.holdReasons.length ? ` (${d.holdReasons.map((h) => h.code).join(', ')})` : ''}`,
    `  ${d.buyer.name} (account ${d.buyer.accountId}), period ${d.period.from} to ${d.period.to}${d.issueDate ? `, issued ${d.issueDate}, due ${d.dueDate}` : ''}`,
    ...(d.correcting ? [`  corrects ${d.correcting.number}: ${d.correcting.reason}`] : []),
    table(
      d.lines.map((l) => ({ section: l.section, line: l.msisdn ?? '', description: l.description, amount: l.amount })),
      ['section', 'line', 'description', 'amount'],
    ),
    ...d.taxes.map((t) => `  ${t.name} (${t.ratePercent ? `${t.ratePercent}% of ${t.base}` : `${t.base} lines x ${t.feePerLine}`}): ${t.amount}`),
    ...d.taxNotes.map((n) => `  ${n.text}`),
    `  Subtotal ${d.subtotal}  Taxes ${d.taxTotal}  Total ${d.total} ${d.currency}`,
    ...(d.messages.length ? [`  ${messageTextsFor(d.language).heading}:`, ...d.messages.map((m) => `  - ${phraseMessage(m, d.language)}`)] : []),
  ].join('\n');
}

/** `switchboard invoice show|list`. */
export function registerInvoice(program: Command): void {
  const invoice = program.command('invoice').description('show and list invoices, credit and debit notes');
  invoice
    .command('show <number>')
    .description('an invoice by number (or id for held ones): text, JSON, PDF or EN 16931 UBL')
    .option('--pdf <file>', 'write the PDF here')
    .option('--ubl <file>', 'write the EN 16931 UBL XML here')
    .addOption(choiceOption('--layout <layout>', `the PDF in this layout instead of the account's (${INVOICE_LAYOUTS.join(', ')})`, [...INVOICE_LAYOUTS]))
    .option('--language <tag>', "the PDF in this language instead of the invoice's (en, de, fr…)")
    .option('--json', 'machine-readable output (the invoice document)')
    .option(...AS_OPTION)
    .action(
      action(async (number: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { pdf?: string; ubl?: string; as?: string; layout?: InvoiceLayout; language?: string }>();
        // Output paths are checked before the invoice is read or rendered.
        if (opts.pdf) checkOutputFile('--pdf', opts.pdf);
        if (opts.ubl) checkOutputFile('--ubl', opts.ubl);
        const written: string[] = [];
        // The same operations the API and the agents use: the document and where it stands today,
        // and the PDF and UBL renderings (loaded only when a file is asked for).
        const shown = await withStore(opts, async (store) => {
          const ctx = cliContext(store, opts.as);
          const out = await runOperation(showInvoice, ctx, { number });
          const pdf = opts.pdf ? await runOperation(renderInvoicePdf, ctx, { number, layout: opts.layout, language: opts.language }) : null;
          const ubl = opts.ubl ? await runOperation(renderInvoiceUbl, ctx, { number }) : null;
          return { ...out, pdf, ubl };
        });
        const stored = { id: shown.id, document: shown.document };
        const settlement = shown.settlement;
        const today = new Date().toISOString().slice(0, 10);
        if (opts.pdf && shown.pdf) {
          await writeOutputData('--pdf', opts.pdf, shown.pdf.content);
          written.push(opts.pdf);
        }
        if (opts.ubl && shown.ubl) {
          await writeOutputData('--ubl', opts.ubl, shown.ubl.xml);
          written.push(opts.ubl);
        }
        printResult(opts, { id: stored.id, ...stored.document, written }, (o) =>
          [describeInvoice(stored.document), ...(settlement ? [`  Standing on ${today}: ${settlement.sentence}`] : []), ...o.written.map((w) => `Wrote ${w}`)].join('\n'),
        );
      }),
    );
  for (const [name, propose, what] of [
    ['release <id>', proposeInvoiceRelease, 'propose issuing a held invoice after review; it takes its number once an approver (not you) approves'],
    ['void <number>', proposeInvoiceVoid, 'propose voiding an invoice (a held one, or an issued one in error); it is voided once an approver (not you) approves'],
  ] as const) {
    invoice
      .command(name)
      .description(what)
      .requiredOption('--reason <text>', 'why')
      .option(...AS_OPTION)
      .option('--json', 'machine-readable output')
      .action(
        action(async (ref: string, _o: unknown, cmd: Command) => {
          const opts = cmd.optsWithGlobals<GlobalOptions & { reason: string; as?: string }>();
          const out = await withStore(opts, (store) => runOperation(propose, cliContext(store, opts.as), { number: ref, reason: opts.reason }));
          printResult(
            opts,
            out.proposal,
            (p) => `${out.existing ? 'Already proposed' : 'Proposed'}: ${describeProposal(p)}\nAn approver runs: switchboard approvals approve ${p.id} --as <approver> --reason "…"`,
          );
        }),
      );
  }
  invoice
    .command('pay <number>')
    .description('record that an invoice is paid')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (number: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { as?: string }>();
        const out = await withStore(opts, (store) => runOperation(markInvoicePaid, cliContext(store, opts.as), { number }));
        printResult(opts, { id: out.id, number: out.number, status: out.status }, (o) => `Invoice ${o.number ?? o.id} is now ${o.status}`);
      }),
    );
  invoice
    .command('mark-overdue')
    .description('mark issued invoices past their due date as overdue')
    .option('--today <date>', 'the date to compare due dates with (default: today)')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { today?: string; as?: string }>();
        const today = opts.today ? checkDate(opts.today) : undefined;
        const { overdue } = await withStore(opts, (store) => runOperation(markOverdueInvoices, cliContext(store, opts.as, today), {}));
        printResult(opts, { overdue }, (o) => `${o.overdue} invoices marked overdue`);
      }),
    );
  invoice
    .command('list')
    .description('invoices and notes, newest first')
    .option('--account <id>', 'one account')
    .option('--period <YYYY-MM>', 'one period')
    .addOption(choiceOption('--status <status>', invoiceStatusSchema.options.join(', '), invoiceStatusSchema.options))
    .option('--limit <n>', 'at most this many', '50')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { account?: string; period?: string; status?: string; limit?: string; as?: string }>();
        const input = { accountId: opts.account, period: opts.period, status: opts.status, limit: parseIntOption('limit', opts.limit, 1) };
        const { invoices: rows } = await withStore(opts, (store) => runOperation(listInvoices, cliContext(store, opts.as), input));
        printResult(opts, rows, (r) => table(r, ['id', 'number', 'kind', 'accountId', 'period', 'status', 'total', 'currency']));
      }),
    );
}

import type { Command } from 'commander';
import { basename } from 'node:path';
import { runOperation } from '../../app/index.ts';
import { listAccounts, setInvoicePreferences, showAccount } from '../../app/accounts/index.ts';
import { catalogInEffect, importAccounts, listCatalogVersions } from '../../db/index.ts';
import { INVOICE_DETAIL_LEVELS, INVOICE_LAYOUTS, loadAccounts } from '../../tools/catalog/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { checkDate } from '../../tools/time/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, choiceOption, parseIntOption, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';
import { readTextFile } from './catalog.ts';

/** `switchboard accounts import|list|show|preferences`. */
export function registerAccounts(program: Command): void {
  const accounts = program.command('accounts').description('customers, accounts and subscriptions');
  accounts
    .command('import <file>')
    .description('import customers, accounts and subscriptions (JSON, or CSV with one row per subscription)')
    .option('--format <format>', 'json or csv (default: by content)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (file: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { format?: string }>();
        if (opts.format && opts.format !== 'json' && opts.format !== 'csv') throw new BillingError('UNSUPPORTED_FORMAT', `unknown accounts format "${opts.format}" (json or csv)`);
        const text = readTextFile(file);
        const out = await withStore(opts, (store) => {
          // Plans and charges are checked against the newest catalog when there is one.
          const versions = listCatalogVersions(store);
          const catalog = versions.length ? catalogInEffect(store, '9999-12-31').catalog : null;
          const parsed = loadAccounts(text, { fileName: basename(file), format: opts.format as 'json' | 'csv' | undefined, catalog });
          return importAccounts(store, parsed);
        });
        printResult(opts, out, (o) => `Imported ${o.customers} customers, ${o.accounts} accounts, ${o.subscriptions} subscriptions`);
      }),
    );
  accounts
    .command('show <accountId>')
    .description('an account with its customer, subscriptions and standing (balance with any credit, open invoices)')
    .option('--today <date>', 'the date the standing is taken on (default: today)')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (accountId: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { today?: string; as?: string }>();
        const today = opts.today ? checkDate(opts.today) : undefined;
        // The same operation as the API; its standing is the one the collections agent reads.
        const b = await withStore(opts, (store) => runOperation(showAccount, cliContext(store, opts.as, today), { accountId }));
        printResult(opts, b, (x) =>
          [
            `Account ${x.account.id} (${x.customer.name}, ${x.customer.segment}), ${x.account.currency}, cycle day ${x.account.billingCycleDay}, taxed in ${x.account.taxJurisdiction.country}${x.account.vatId ? `, VAT id ${x.account.vatId}` : ''}`,
            table(
              x.subscriptions.map((s) => ({ id: s.id, msisdn: s.msisdn, plans: s.plans.map((p) => `${p.planId} from ${p.from}`).join(', '), end: s.endDate, status: s.status })),
              ['id', 'msisdn', 'plans', 'end', 'status'],
            ),
            `Standing: ${x.standing.summary}`,
            ...(x.standing.rows.length ? [table(x.standing.rows, ['number', 'kind', 'status', 'dueDate', 'daysPastDue', 'total', 'credited', 'open'])] : []),
          ].join('\n'),
        );
      }),
    );
  accounts
    .command('list')
    .description('accounts in id order, with their customer and how many lines each has')
    .option('--limit <n>', 'at most this many', '100')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { limit?: string; as?: string }>();
        const out = await withStore(opts, (store) => runOperation(listAccounts, cliContext(store, opts.as), { limit: parseIntOption('limit', opts.limit, 1) }));
        printResult(opts, out.accounts, (r) => table(r, ['id', 'customerId', 'customerName', 'segment', 'currency', 'billingCycleDay', 'lines']));
      }),
    );
  accounts
    .command('preferences <accountId>')
    .description("set how the account's invoices are printed: layout, detail, paper or e-mail, large print, language (only what is given changes)")
    .addOption(choiceOption('--layout <layout>', `auto (by segment and line count), ${INVOICE_LAYOUTS.join(', ')}`, ['auto', ...INVOICE_LAYOUTS]))
    .addOption(choiceOption('--detail <level>', `${INVOICE_DETAIL_LEVELS.join(', ')} (per_call adds the itemised call annex)`, [...INVOICE_DETAIL_LEVELS]))
    .addOption(choiceOption('--delivery <how>', 'email or paper', ['email', 'paper']))
    .option('--large-print', 'larger type and spacing')
    .option('--no-large-print', 'normal type')
    .option('--language <tag>', 'the language of the next invoices (en, de, fr, es…)')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (accountId: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { layout?: string; detail?: string; delivery?: string; largePrint?: boolean; language?: string; as?: string }>();
        // Commander sets largePrint only when one of the two flags is given.
        const given = cmd.getOptionValueSource('largePrint') === 'cli' ? { largePrint: opts.largePrint } : {};
        const input = { accountId, layout: opts.layout, detail: opts.detail, delivery: opts.delivery, language: opts.language, ...given };
        const out = await withStore(opts, (store) => runOperation(setInvoicePreferences, cliContext(store, opts.as), input));
        printResult(opts, out, (o) => {
          const p = o.invoicePreferences;
          return `Account ${o.accountId}: invoices in the ${p.layout} layout, ${p.detail} detail, by ${p.delivery}${p.largePrint ? ', large print' : ''}, in ${o.language}`;
        });
      }),
    );
}

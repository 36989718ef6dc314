import type { Command } from 'commander';
import { basename } from 'node:path';
import { accountTenant, catalogInEffect, getAccountBundle, importAccounts, listCatalogVersions } from '../../db/index.ts';
import { accountCollections } from '../../app/proposals/propose-collections.ts';
import { loadAccounts } from '../../tools/catalog/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { checkDate } from '../../tools/time/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { action, printResult, table } from '../output.ts';
import { readTextFile } from './catalog.ts';

/** `switchboard accounts import|show`. */
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
    .option('--json', 'machine-readable output')
    .action(
      action(async (accountId: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { today?: string }>();
        const today = opts.today ? checkDate(opts.today) : new Date().toISOString().slice(0, 10);
        // The same standing the collections agent reads (accountCollections).
        const b = await withStore(opts, (store) => ({ ...getAccountBundle(store, accountId), standing: accountCollections(store, accountTenant(store, accountId)!, accountId, today).standing }));
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
}

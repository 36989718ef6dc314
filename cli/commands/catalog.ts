import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { runOperation } from '../../app/index.ts';
import { importCatalog, listCatalogVersions } from '../../app/catalog/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { AS_OPTION } from './acting-user.ts';
import { action, printResult, table } from '../output.ts';

/** Reads a file or fails with FILE_NOT_FOUND naming it. */
export function readTextFile(path: string): string {
  try {
    return readFileSync(resolve(path), 'utf8');
  } catch {
    throw new BillingError('FILE_NOT_FOUND', `no such file: ${path}`);
  }
}

/** `switchboard catalog import|list`. */
export function registerCatalog(program: Command): void {
  const catalog = program.command('catalog').description('import and list product catalogs (plans, promotions, discounts, one-time charges)');
  catalog
    .command('import <file>')
    .description('import a catalog (YAML or JSON) as a new effective-dated version')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (file: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { as?: string }>();
        const input = { text: readTextFile(file), fileName: basename(file) };
        // The same operation as POST /api/v1/catalog (admins of the operator).
        const out = await withStore(opts, (store) => runOperation(importCatalog, cliContext(store, opts.as), input));
        printResult(opts, out, (o) =>
          [
            `${o.created ? 'Imported' : 'Already imported'} catalog ${o.name} version ${o.version}, effective from ${o.effectiveFrom}`,
            `  ${Object.entries(o.counts)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
          ].join('\n'),
        );
      }),
    );
  catalog
    .command('list')
    .description('list imported catalog versions')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { as?: string }>();
        const { versions: rows } = await withStore(opts, (store) => runOperation(listCatalogVersions, cliContext(store, opts.as), {}));
        printResult(opts, rows, (r) => table(r, ['id', 'name', 'version', 'effectiveFrom', 'importedAt']));
      }),
    );
}

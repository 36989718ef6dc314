import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { listCatalogVersions, saveCatalogVersion } from '../../db/index.ts';
import { loadCatalog } from '../../tools/catalog/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { withStore, type GlobalOptions } from '../context.ts';
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
    .option('--json', 'machine-readable output')
    .action(
      action(async (file: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions>();
        const parsed = loadCatalog(readTextFile(file), basename(file));
        const saved = await withStore(opts, (store) => saveCatalogVersion(store, parsed));
        const out = {
          ...saved,
          effectiveFrom: parsed.effectiveFrom,
          counts: {
            plans: parsed.plans.length,
            promotions: parsed.promotions.length,
            discounts: parsed.discounts.length,
            oneTimeCharges: parsed.oneTimeCharges.length,
            rateMultipliers: parsed.rateMultipliers.length,
          },
        };
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
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions>();
        const rows = await withStore(opts, (store) => listCatalogVersions(store));
        printResult(opts, rows, (r) => table(r, ['id', 'name', 'version', 'effectiveFrom', 'importedAt']));
      }),
    );
}

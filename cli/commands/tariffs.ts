import type { Command } from 'commander';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { runOperation } from '../../app/index.ts';
import { importTariff, importTariffText, listTariffs, tariffImportSchema, type TariffImport } from '../../app/tariffs/index.ts';
import type { Store } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { parseOrThrow, timeZoneSchema } from '../../tools/schemas/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { AS_OPTION } from './acting-user.ts';
import { action, printResult, table } from '../output.ts';

interface ImportOptions extends GlobalOptions {
  format?: string;
  id?: string;
  timezone?: string;
  currency?: string;
  effectiveFrom?: string;
}

/**
 * The CSV files of a CGRateS tariff folder, by name. A broken link or an unreadable file is named
 * in a user error rather than failing as an internal one; sub-folders are skipped.
 */
function readTariffFolder(full: string, shown: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const f of readdirSync(full)) {
    const file = join(full, f);
    try {
      if (!statSync(file).isFile()) continue;
      out.push([f, readFileSync(file, 'utf8')]);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'a broken link (its target does not exist)' : code === 'EACCES' || code === 'EPERM' ? 'not readable (permission denied)' : (err as Error).message;
      throw new BillingError('INVALID_TARIFF', `cannot read ${join(shown, f)} in the tariff folder: ${why}`, { file }, { cause: err });
    }
  }
  return out;
}

/**
 * Reads a tariff from disk (a CGRateS folder or a native file) into the import operation's input:
 * the operation gets the text, never the path (kept only as the version's source label).
 */
export function tariffImportFromPath(path: string, opts: ImportOptions): TariffImport {
  const full = resolve(path);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    throw new BillingError('FILE_NOT_FOUND', `no such file or folder: ${path}`);
  }
  const format = opts.format ?? (stat.isDirectory() ? 'cgrates' : 'native');
  // Named by its option before any file is read (the operation would name the field).
  if (opts.timezone) parseOrThrow(timeZoneSchema, opts.timezone, '--timezone');
  const common = { ...(opts.effectiveFrom ? { effectiveFrom: opts.effectiveFrom } : {}), source: full };
  let input: unknown;
  if (format === 'cgrates') {
    if (!stat.isDirectory()) throw new BillingError('INVALID_INPUT', `--format cgrates needs a folder of CSV files, got a file: ${path}`);
    const files = Object.fromEntries(readTariffFolder(full, path));
    input = { format, files, id: opts.id ?? basename(full), timezone: opts.timezone, currency: opts.currency, ...common };
  } else if (format === 'native') {
    if (stat.isDirectory()) throw new BillingError('INVALID_INPUT', `--format native needs a JSON or YAML file, got a folder: ${path}`);
    input = { format, text: readFileSync(full, 'utf8'), fileName: basename(full), ...(opts.id ? { id: opts.id } : {}), ...common };
  } else {
    throw new BillingError('UNSUPPORTED_FORMAT', `unknown tariff format "${format}" (cgrates or native)`);
  }
  return parseOrThrow(tariffImportSchema, input);
}

/** Imports a tariff file or folder straight into a store (test and bench set-up; the command goes through the operation). */
export function importTariffFromPath(path: string, opts: ImportOptions, store: Store) {
  return importTariffText(store, tariffImportFromPath(path, opts));
}

/** `switchboard tariffs import|list`. */
export function registerTariffs(program: Command): void {
  const tariffs = program.command('tariffs').description('import and list tariff plans');
  tariffs
    .command('import <path>')
    .description('import a CGRateS tariff-plan folder or a native JSON/YAML tariff as a new version')
    .option('--format <format>', 'cgrates (a folder of CSV files) or native (a JSON/YAML file)')
    .option('--id <name>', 'tariff plan name (default: the folder name, or the native file id)')
    .option('--timezone <tz>', 'IANA zone timings are evaluated in (default UTC)')
    .option('--currency <code>', 'currency of the costs (default EUR)')
    .option('--effective-from <iso>', 'when this version takes effect')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (path: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<ImportOptions & { as?: string }>();
        const input = tariffImportFromPath(path, opts);
        // The same operation as POST /api/v1/tariffs (admins of the operator).
        const out = await withStore(opts, (store) => runOperation(importTariff, cliContext(store, opts.as), input));
        printResult(opts, out, (o) =>
          [
            `${o.created ? 'Imported' : 'Already imported'} tariff ${o.name} version ${o.version} (${o.format}), effective from ${o.effectiveFrom}`,
            `  ${Object.entries(o.counts)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
            ...o.messages.map((m) => `  note: ${m}`),
          ].join('\n'),
        );
      }),
    );
  tariffs
    .command('list')
    .description('list imported tariff versions')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { as?: string }>();
        const { tariffs: rows } = await withStore(opts, (store) => runOperation(listTariffs, cliContext(store, opts.as), {}));
        printResult(opts, rows, (r) => table(r, ['id', 'name', 'version', 'effectiveFrom', 'sourceFormat', 'importedAt']));
      }),
    );
}

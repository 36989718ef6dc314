import type { Command } from 'commander';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { listTariffVersions, saveTariffVersion } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { checkRatePrecision, importCgratesTariffPlan, loadNativeTariff } from '../../tools/rating/index.ts';
import { parseOrThrow, timeZoneSchema } from '../../tools/schemas/index.ts';
import { parseInstant } from '../../tools/time/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
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

/** Reads a tariff from disk (a CGRateS folder or a native file) and stores it as a version. */
export function importTariffFromPath(path: string, opts: ImportOptions, store: Parameters<typeof saveTariffVersion>[0]) {
  const full = resolve(path);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    throw new BillingError('FILE_NOT_FOUND', `no such file or folder: ${path}`);
  }
  const format = opts.format ?? (stat.isDirectory() ? 'cgrates' : 'native');
  if (opts.timezone) parseOrThrow(timeZoneSchema, opts.timezone, '--timezone');
  let result;
  let effectiveFrom: number | null = opts.effectiveFrom ? parseInstant(opts.effectiveFrom) : null;
  if (format === 'cgrates') {
    if (!stat.isDirectory()) throw new BillingError('INVALID_INPUT', `--format cgrates needs a folder of CSV files, got a file: ${path}`);
    const files = Object.fromEntries(readTariffFolder(full, path));
    result = importCgratesTariffPlan(files, { id: opts.id ?? basename(full), timezone: opts.timezone, currency: opts.currency });
  } else if (format === 'native') {
    if (stat.isDirectory()) throw new BillingError('INVALID_INPUT', `--format native needs a JSON or YAML file, got a folder: ${path}`);
    const loaded = loadNativeTariff(readFileSync(full, 'utf8'), { fileName: basename(full) });
    result = { plan: { ...loaded.plan, ...(opts.id ? { id: opts.id } : {}) }, messages: loaded.messages };
    effectiveFrom = effectiveFrom ?? loaded.effectiveFrom;
  } else {
    throw new BillingError('UNSUPPORTED_FORMAT', `unknown tariff format "${format}" (cgrates or native)`);
  }
  const saved = saveTariffVersion(store, { plan: result.plan, effectiveFrom, sourceFormat: format, sourcePath: full });
  const p = result.plan;
  return {
    ...saved,
    format,
    effectiveFrom: new Date(effectiveFrom ?? 0).toISOString(),
    counts: {
      destinations: Object.keys(p.destinations).length,
      rates: Object.keys(p.rates).length,
      destinationRates: Object.keys(p.destinationRates).length,
      timings: Object.keys(p.timings).length,
      ratingPlans: Object.keys(p.ratingPlans).length,
      ratingProfiles: p.ratingProfiles.length,
    },
    messages: [...result.messages, ...checkRatePrecision(p)],
  };
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
    .option('--json', 'machine-readable output')
    .action(
      action(async (path: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<ImportOptions>();
        const out = await withStore(opts, (store) => importTariffFromPath(path, opts, store));
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
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions>();
        const rows = await withStore(opts, (store) => listTariffVersions(store));
        printResult(opts, rows, (r) => table(r, ['id', 'name', 'version', 'effectiveFrom', 'sourceFormat', 'importedAt']));
      }),
    );
}

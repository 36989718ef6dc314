import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { runOperation } from '../../app/operation.ts';
import { diffTaxPack, importTaxPack, listTaxPacks, previewTaxPack, proposeTaxPackAdoption } from '../../app/tax/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, parseIntOption, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

type Opts = GlobalOptions & { as?: string };

function readPackFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new BillingError('INVALID_INPUT', `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** `switchboard tax import|list|diff|preview|adopt`: versions of the tax and regulatory packs (docs/taxes.md, "Rule updates"). */
export function registerTax(program: Command): void {
  const t = program.command('tax').description('tax and regulatory pack versions: import one, list, diff in words, preview its impact, propose its adoption');
  t.command('import <file>')
    .description('import a pack version file (JSON with its effective date and sources); it waits until its adoption is approved')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (file: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts>();
        const text = readPackFile(file);
        const out = await withStore(opts, (store) => runOperation(importTaxPack, cliContext(store, opts.as), { text, fileName: basename(file) }));
        printResult(opts, out, (r) =>
          [
            `${r.version.packId} ${r.version.version} ${r.created ? 'imported' : 'was already imported'} (${r.version.status}), effective from ${r.version.effectiveFrom}; in force now: ${r.inForce}.`,
            ...(r.changes.length ? ['Against the version in force:', ...r.changes.map((c) => `  ${c.words}`)] : ['No change against the version in force.']),
          ].join('\n'),
        );
      }),
    );
  t.command('list')
    .description('the packs bills use now and every imported version with its status')
    .option('--pack <id>', 'only this pack')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { pack?: string }>();
        const out = await withStore(opts, (store) => runOperation(listTaxPacks, cliContext(store, opts.as), { packId: opts.pack }));
        printResult(opts, out, (r) =>
          [
            'In force:',
            table(r.inForce, ['packId', 'version', 'name']),
            r.versions.length ? `Imported versions:\n${table(r.versions, ['packId', 'version', 'effectiveFrom', 'status', 'importedBy', 'summary'])}` : 'No imported versions.',
          ].join('\n'),
        );
      }),
    );
  t.command('diff <pack> <version>')
    .description('what a version changes, in words, against the version in force (or --against another)')
    .option('--against <version>', 'compare with this imported version instead')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (pack: string, version: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { against?: string }>();
        const out = await withStore(opts, (store) => runOperation(diffTaxPack, cliContext(store, opts.as), { packId: pack, version, against: opts.against }));
        printResult(opts, out, (r) =>
          [
            `${r.packId}: ${r.from} -> ${r.to} (effective from ${r.effectiveFrom})`,
            ...(r.changes.length ? r.changes.map((c) => `  ${c.words}${c.source ? `\n    source: ${c.source}` : ''}`) : ['  no change']),
          ].join('\n'),
        );
      }),
    );
  t.command('preview <pack> <version>')
    .description(
      'the last billed period billed again in memory under the version, as on its effective date: what changes, by jurisdiction and customer type, and what would fail compliance (nothing is stored)',
    )
    .option('--period <YYYY-MM>', 'another billed period')
    .option('--keep <n>', 'how many changed invoices to list', '20')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (pack: string, version: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { period?: string; keep: string }>();
        const input = { packId: pack, version, period: opts.period, keep: parseIntOption('keep', opts.keep, 1) };
        const out = await withStore(opts, (store) => runOperation(previewTaxPack, cliContext(store, opts.as), input));
        printResult(opts, out, (r) =>
          [
            r.summary,
            table(r.groups, ['jurisdiction', 'segment', 'currency', 'invoices', 'changed', 'before', 'after', 'difference']),
            ...(r.examples.length ? ['Invoices that change or would fail:', table(r.examples, ['invoice', 'accountId', 'jurisdiction', 'before', 'after', 'difference'])] : []),
            ...r.examples.flatMap((e) => e.failing.map((f) => `  ${e.invoice}: ${f}`)),
          ].join('\n'),
        );
      }),
    );
  t.command('adopt <pack> <version>')
    .description('propose adopting a version (an approver decides: switchboard approvals approve <id>); bills from its effective date use it')
    .requiredOption('--reason <text>', 'why, e.g. the law that changes the rate')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (pack: string, version: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { reason: string }>();
        const out = await withStore(opts, (store) => runOperation(proposeTaxPackAdoption, cliContext(store, opts.as), { packId: pack, version, reason: opts.reason }));
        printResult(
          opts,
          out,
          (r) => `Proposal ${r.proposal.id}${r.existing ? ' (already open)' : ''}: ${r.proposal.summary}\nIt waits for an approver: switchboard approvals approve ${r.proposal.id} --reason ...`,
        );
      }),
    );
}

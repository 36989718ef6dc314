import type { Command } from 'commander';
import { runOperation } from '../../app/index.ts';
import { listQuarantined, replayQuarantined } from '../../app/quarantine/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { withFlagNames } from '../operation-flags.ts';
import { action, choiceOption, parseIntOption, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

/** `switchboard quarantine list|replay`. */
export function registerQuarantine(program: Command): void {
  const quarantine = program.command('quarantine').description('records that could not be read, kept with a reason');
  quarantine
    .command('list')
    .addOption(choiceOption('--status <status>', 'open | replayed | all', ['open', 'replayed', 'all'], 'open'))
    .option('--batch <id>', 'only this ingestion batch')
    .option('--limit <n>', 'how many', '100')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { status?: string; batch?: string; limit?: string; as?: string }>();
        const input = { status: opts.status, batchId: parseIntOption('batch', opts.batch), limit: parseIntOption('limit', opts.limit, 1) };
        const { rows, total } = await withStore(opts, (store) =>
          withFlagNames({ batchId: '--batch', limit: '--limit', status: '--status' }, () => runOperation(listQuarantined, cliContext(store, opts.as), input)),
        );
        const status = opts.status === 'all' ? undefined : opts.status;
        printResult(opts, rows, (r) =>
          [
            table(
              r.map((x) => ({ ...x, raw: x.raw.length > 60 ? `${x.raw.slice(0, 57)}...` : x.raw })),
              ['id', 'batchId', 'lineNo', 'reason', 'status', 'message', 'raw'],
            ),
            `${total} records${status ? ` ${status}` : ''} in all; ${r.length} shown`,
          ].join('\n'),
        );
      }),
    );
  quarantine
    .command('replay')
    .description('re-read open quarantined records; with --id and --raw, replace the line with a corrected one first')
    .option('--id <id>', 'only this record')
    .option('--raw <text>', 'corrected line (needs --id)')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { id?: string; raw?: string; as?: string }>();
        const input = { id: parseIntOption('id', opts.id, 1), raw: opts.raw };
        const out = await withStore(opts, (store) => withFlagNames({ id: '--id', raw: '--raw' }, () => runOperation(replayQuarantined, cliContext(store, opts.as), input)));
        printResult(opts, out, (o) =>
          [`Replayed ${o.replayed}; ${o.stillQuarantined} still quarantined`, ...o.results.map((r) => `  #${r.id}: ${r.outcome}${r.reason ? ` (${r.reason}: ${r.message})` : ''}`)].join('\n'),
        );
      }),
    );
}

import type { Command } from 'commander';
import { runOperation } from '../../app/index.ts';
import { listBatches } from '../../app/ingest/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { withFlagNames } from '../operation-flags.ts';
import { action, parseIntOption, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

/** `switchboard batches list`. */
export function registerBatches(program: Command): void {
  const batches = program.command('batches').description('ingestion runs: one per file, with its state and counts');
  batches
    .command('list')
    .description('ingestion batches, oldest first; a batch whose process is gone shows as interrupted, with what it committed')
    .option('--limit <n>', 'only the last n')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { limit?: string; as?: string }>();
        const input = { limit: parseIntOption('limit', opts.limit, 1) };
        const { batches: rows } = await withStore(opts, (store) => withFlagNames({ limit: '--limit' }, () => runOperation(listBatches, cliContext(store, opts.as), input)));
        printResult(opts, rows, (r) =>
          table(
            r.map((b) => ({
              id: b.id,
              state: b.state,
              file: b.file,
              source: b.source,
              started: b.startedAt,
              events: b.committed.events,
              quarantined: b.committed.quarantined,
              duplicates: b.committed.duplicates,
              note: b.state === 'interrupted' ? (b.resumedBy ? `resumed by batch ${b.resumedBy}` : 'ingest the file again to resume it') : b.state === 'running' ? 'still writing' : (b.error ?? ''),
            })),
            ['id', 'state', 'events', 'quarantined', 'duplicates', 'started', 'source', 'file', 'note'],
          ),
        );
      }),
    );
}

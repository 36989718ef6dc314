import type { Command } from 'commander';
import { runOperation } from '../../app/index.ts';
import { listUsageEvents, showUsageEvent } from '../../app/usage/index.ts';
import { directionSchema, USAGE_STATUSES } from '../../tools/cdr/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, choiceOption, parseIntOption, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

/** `switchboard usage list|show`. */
export function registerUsage(program: Command): void {
  const usage = program.command('usage').description('inspect usage events');
  usage
    .command('list')
    .description('list usage events, newest first')
    .option('--limit <n>', 'how many', '50')
    .addOption(choiceOption('--status <status>', USAGE_STATUSES.join(' | '), USAGE_STATUSES))
    .option('--batch <id>', 'only this ingestion batch')
    .addOption(choiceOption('--direction <direction>', directionSchema.options.join(' | '), directionSchema.options))
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { limit?: string; status?: string; batch?: string; direction?: string; as?: string }>();
        const input = { limit: parseIntOption('limit', opts.limit, 1), status: opts.status, batchId: parseIntOption('batch', opts.batch), direction: opts.direction };
        // The same operation as the API's GET /usage-events (the first page: the CLI shows no cursor).
        const { events: rows } = await withStore(opts, (store) => runOperation(listUsageEvents, cliContext(store, opts.as), input));
        printResult(opts, rows, (r) => table(r, ['id', 'sourceId', 'service', 'direction', 'subscriber', 'destination', 'category', 'roaming', 'usage', 'status', 'cost']));
      }),
    );
  usage
    .command('show <id>')
    .description('one event with its rating breakdown')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { as?: string }>();
        // The same operation (and words) as the rater agent and the API; --json keeps the whole breakdown.
        const { rating: _steps, ...event } = await withStore(opts, (store) => runOperation(showUsageEvent, cliContext(store, opts.as), { eventId: parseIntOption('id', id) }));
        printResult(opts, event, (e) =>
          [
            `Event #${e.id} (${e.sourceId}, batch ${e.batchId} line ${e.lineNo}): ${e.service} ${e.direction} ${e.direction === 'inbound' ? `to ${e.subscriber} from ${e.otherParty}` : `from ${e.subscriber} to ${e.otherParty}`} at ${e.startTime}, category ${e.category}${e.roaming !== 'none' ? `, roaming ${e.roaming}` : ''}, status ${e.status}`,
            `Direction ${e.direction}: ${e.directionRule ?? 'decided before direction rules were recorded (read as the switch wrote it)'}`,
            e.cost !== null ? `Rated cost ${e.cost} ${e.currency} with tariff version ${e.tariffVersionId}` : `Not rated${e.ratingError ? `: ${JSON.stringify(e.ratingError)}` : ''}`,
            ...(e.explanation ? [e.explanation] : []),
            `Fields: ${Object.entries(e.attributes)
              .map(([k, v]) => `${k}=${v}`)
              .join(' ')}`,
          ].join('\n'),
        );
      }),
    );
}

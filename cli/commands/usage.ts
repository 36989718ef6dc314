import type { Command } from 'commander';
import { getUsageEvent, listUsageEvents } from '../../db/index.ts';
import { directionSchema } from '../../tools/cdr/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { explainEventRating } from '../../tools/rating/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { action, choiceOption, parseIntOption, printResult, table } from '../output.ts';

/** The states a usage event can be in. */
const USAGE_STATUSES = ['unrated', 'rated', 'unclassified', 'rating_failed'] as const;

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
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { limit?: string; status?: string; batch?: string; direction?: string }>();
        const rows = await withStore(opts, (store) =>
          listUsageEvents(store, { limit: parseIntOption('limit', opts.limit, 1), status: opts.status, batchId: parseIntOption('batch', opts.batch), direction: opts.direction }),
        );
        printResult(opts, rows, (r) => table(r, ['id', 'sourceId', 'service', 'direction', 'subscriber', 'destination', 'category', 'roaming', 'usage', 'status', 'cost']));
      }),
    );
  usage
    .command('show <id>')
    .description('one event with its rating breakdown')
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions>();
        const event = await withStore(opts, (store) => getUsageEvent(store, parseIntOption('id', id)!));
        if (!event) throw new BillingError('NOT_FOUND', `no usage event ${id}`);
        // The same words the rater agent gives (explainEventRating); --json keeps the whole breakdown.
        const explanation = explainEventRating(event)?.text ?? null;
        printResult(opts, { ...event, explanation }, (e) =>
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

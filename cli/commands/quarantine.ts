import type { Command } from 'commander';
import { countQuarantine, createDbSink, findEventIdByKey, getOperatorSettings, listQuarantine, markReplayed, openQuarantineWithBatch, updateQuarantined, type Store } from '../../db/index.ts';
import { createParser, idempotencyKey, plausibilityWindow, type CdrFormat, type CdrParser, type PlausibilityWindow } from '../../tools/cdr/index.ts';
import { createRecordClassifier, directionRulesFor, type DirectionRules } from '../../tools/classify/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { action, choiceOption, parseIntOption, printResult, table } from '../output.ts';

/**
 * Re-reads open quarantined records (optionally one, with corrected text) with the parser settings
 * of the batch they came from. A record that now parses is accepted (or found already present);
 * one that still fails stays in quarantine with its current reason.
 */
export function replayQuarantine(store: Store, opts: { id?: number; raw?: string }) {
  const settings = getOperatorSettings(store);
  const classifier = createRecordClassifier();
  const parsers = new Map<string, CdrParser>();
  const results: Array<{ id: number; outcome: 'accepted' | 'duplicate' | 'still_quarantined'; eventId?: number; reason?: string; message?: string }> = [];
  for (const row of openQuarantineWithBatch(store, opts.id)) {
    const q = row.q;
    const raw = opts.raw ?? q.raw;
    let parser = parsers.get(row.parserOptions + row.format);
    if (!parser) {
      const { header, plausibility, direction, ...options } = JSON.parse(row.parserOptions) as {
        header?: string;
        timezone: string;
        columns?: string[];
        plausibility?: PlausibilityWindow;
        direction?: DirectionRules;
      };
      // Batches from before plausibility checks are checked as of their start, with today's limits;
      // batches from before direction rules get today's rules (their lines were all read as outbound).
      const window = plausibility ?? plausibilityWindow(Date.parse(row.startedAt), settings);
      parser = createParser(row.format as CdrFormat, { ...options, plausibility: window, direction: direction ?? directionRulesFor(settings) });
      if (header) parser.parseLine(header, 0); // teaches a generic CSV parser its columns
      parsers.set(row.parserOptions + row.format, parser);
    }
    const outcome = parser.parseLine(raw, q.lineNo);
    if (outcome.kind !== 'record') {
      const reason = outcome.kind === 'quarantine' ? outcome.reason : 'MISSING_FIELD';
      const message = outcome.kind === 'quarantine' ? outcome.message : 'the line holds no record';
      updateQuarantined(store, q.id, { raw, reason, message });
      results.push({ id: q.id, outcome: 'still_quarantined', reason, message });
      continue;
    }
    const idemKey = idempotencyKey(row.sourceName, outcome.record, raw);
    const classification = classifier(outcome.record, settings);
    const sink = createDbSink(store, q.batchId, settings.tenant);
    const written = sink.writeChunk([{ idemKey, lineNo: q.lineNo, record: outcome.record, classification, rating: null }], []);
    sink.finish?.();
    const isNew = !(written instanceof Promise) && written.acceptedNew[0] === true;
    const eventId = findEventIdByKey(store, idemKey) ?? null;
    markReplayed(store, q.id, eventId);
    results.push({ id: q.id, outcome: isNew ? 'accepted' : 'duplicate', ...(eventId ? { eventId } : {}) });
  }
  return {
    replayed: results.filter((r) => r.outcome !== 'still_quarantined').length,
    stillQuarantined: results.filter((r) => r.outcome === 'still_quarantined').length,
    results,
  };
}

/** `switchboard quarantine list|replay`. */
export function registerQuarantine(program: Command): void {
  const quarantine = program.command('quarantine').description('records that could not be read, kept with a reason');
  quarantine
    .command('list')
    .addOption(choiceOption('--status <status>', 'open | replayed | all', ['open', 'replayed', 'all'], 'open'))
    .option('--batch <id>', 'only this ingestion batch')
    .option('--limit <n>', 'how many', '100')
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { status?: string; batch?: string; limit?: string }>();
        const filter = { status: opts.status === 'all' ? undefined : opts.status, batchId: parseIntOption('batch', opts.batch) };
        const { rows, total } = await withStore(opts, (store) => ({
          rows: listQuarantine(store, { ...filter, limit: parseIntOption('limit', opts.limit, 1) }),
          total: countQuarantine(store, filter),
        }));
        printResult(opts, rows, (r) =>
          [
            table(
              r.map((x) => ({ ...x, raw: x.raw.length > 60 ? `${x.raw.slice(0, 57)}...` : x.raw })),
              ['id', 'batchId', 'lineNo', 'reason', 'status', 'message', 'raw'],
            ),
            `${total} records${filter.status ? ` ${filter.status}` : ''} in all; ${r.length} shown`,
          ].join('\n'),
        );
      }),
    );
  quarantine
    .command('replay')
    .description('re-read open quarantined records; with --id and --raw, replace the line with a corrected one first')
    .option('--id <id>', 'only this record')
    .option('--raw <text>', 'corrected line (needs --id)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { id?: string; raw?: string }>();
        const id = parseIntOption('id', opts.id, 1);
        if (opts.raw !== undefined && id === undefined) {
          throw new BillingError('INVALID_INPUT', '--raw needs --id: a corrected line replaces one record');
        }
        const out = await withStore(opts, (store) => replayQuarantine(store, { id, raw: opts.raw }));
        printResult(opts, out, (o) =>
          [`Replayed ${o.replayed}; ${o.stillQuarantined} still quarantined`, ...o.results.map((r) => `  #${r.id}: ${r.outcome}${r.reason ? ` (${r.reason}: ${r.message})` : ''}`)].join('\n'),
        );
      }),
    );
}

import { z } from 'zod';
import { createDbSink, findEventIdByKey, getOperatorSettings, markReplayed, openQuarantineWithBatch, tenantOpenQuarantine, updateQuarantined, type Store } from '../../db/index.ts';
import { createParser, idempotencyKey, plausibilityWindow, showNul, type CdrFormat, type CdrParser, type PlausibilityWindow } from '../../tools/cdr/index.ts';
import { createRecordClassifier, directionRulesFor, type DirectionRules } from '../../tools/classify/index.ts';
import { assertOwnsIngestion } from '../ingest/ingestion-owner.ts';
import { defineOperation } from '../operation.ts';

const resultSchema = z.object({
  id: z.number().int(),
  outcome: z.enum(['accepted', 'duplicate', 'still_quarantined']),
  eventId: z.number().int().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
});

/** What a replay did: how many records left quarantine, how many stay, and each one's outcome. */
export const replayReportSchema = z.object({ replayed: z.number().int(), stillQuarantined: z.number().int(), results: z.array(resultSchema) });

type ReplayReport = z.infer<typeof replayReportSchema>;

/** Re-reads the given open quarantined records (their batch's parser settings); `raw` replaces the line first. */
function replayRows(store: Store, rows: ReturnType<typeof openQuarantineWithBatch>, correctedRaw: string | undefined): ReplayReport {
  const settings = getOperatorSettings(store);
  const classifier = createRecordClassifier();
  const parsers = new Map<string, CdrParser>();
  const results: ReplayReport['results'] = [];
  for (const row of rows) {
    const q = row.q;
    const raw = correctedRaw ?? q.raw;
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
    // A stored NUL line shows its NULs as U+2400, so it is not the line as read: only a corrected line replays it.
    if (raw.includes('\u0000') || (correctedRaw === undefined && q.reason === 'CONTROL_CHARACTER')) {
      const message = correctedRaw === undefined ? 'the line held a NUL character (shown as \u2400): give the corrected line' : 'the corrected line holds a NUL character (U+0000)';
      updateQuarantined(store, q.id, { raw: showNul(raw), reason: 'CONTROL_CHARACTER', message });
      results.push({ id: q.id, outcome: 'still_quarantined', reason: 'CONTROL_CHARACTER', message });
      continue;
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

/**
 * Re-reads open quarantined records (optionally one, with corrected text) with the parser settings
 * of the batch they came from. A record that now parses is accepted (or found already present);
 * one that still fails stays in quarantine with its current reason.
 */
export function replayQuarantine(store: Store, opts: { id?: number; raw?: string }): ReplayReport {
  return replayRows(store, openQuarantineWithBatch(store, opts.id), opts.raw);
}

/** What a replay takes: one record (with, optionally, its corrected line) or every open one. */
export const replayRequestSchema = z
  .object({
    id: z.number().int().min(1).optional().describe('only this quarantined record'),
    raw: z.string().min(1).optional().describe('the corrected line (needs id): it replaces the record before it is read again'),
  })
  .strict()
  .refine((r) => r.raw === undefined || r.id !== undefined, { path: ['raw'], message: 'a corrected line replaces one record: give its id' });

/** Re-reads open quarantined records; with an id and a corrected line, replaces that line first. */
export const replayQuarantined = defineOperation({
  name: 'quarantine.replay',
  summary: 'Replay quarantined records',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: replayRequestSchema,
  output: replayReportSchema,
  handler: (ctx, { id, raw }) => {
    // Another tenant's id is NOT_FOUND (it sees no quarantine); replaying "all" is refused to it.
    const rows = tenantOpenQuarantine(ctx.scope, id);
    if (id === undefined) assertOwnsIngestion(ctx.scope);
    return replayRows(ctx.store, rows, raw);
  },
});

import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDbSink, createWorkerSink, finishBatch, openBatch, getOperatorSettings, loadTariffVersions, currentRateMultipliers, ratingPartyLookup, type Store } from '../../db/index.ts';
import {
  createParser,
  findInvalidUtf8,
  ingestLines,
  plausibilityWindow,
  readLineBatches,
  readLines,
  TEXT_ENCODINGS,
  type CdrFormat,
  type IngestCounts,
  type TextEncodingName,
} from '../../tools/cdr/index.ts';
import { createRecordClassifier, directionRulesFor, operatorSettingsSchema, type OperatorSettings } from '../../tools/classify/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { createEventRater, createTariffBook } from '../../tools/rating/index.ts';
import { parseOrThrow, timeZoneSchema, zodToBillingError } from '../../tools/schemas/index.ts';
import { loadConfig } from '../../config/index.ts';
import { watchLifeline } from '../child-lifeline.mjs';
import { progressEnabled, withStore, type GlobalOptions } from '../context.ts';
import { createProgress } from '../progress.ts';
import { action, choiceOption, printResult } from '../output.ts';

const FORMATS = ['asterisk', 'freeswitch', 'csv', 'jsonl'] as const;

export interface IngestFileOptions {
  format: string;
  homeCountry?: string;
  timezone?: string;
  source?: string;
  columns?: string;
  rate?: boolean;
  tariff?: string;
  /** The file's text encoding; UTF-8 (the default) is checked before anything is stored. */
  encoding?: TextEncodingName;
  /** Where inserts run: on a writer thread (the second core) or inline; default: a thread for files over 4 MB. */
  writer?: 'thread' | 'inline';
  /** The instant of ingest (epoch ms) the plausibility window is measured from; default: the clock. */
  now?: number;
  onProgress?: (bytes: number, counts: IngestCounts) => void;
}

/** The operator settings for one run: stored settings with this run's overrides. */
export function effectiveSettings(store: Store, overrides: { homeCountry?: string; timezone?: string }): OperatorSettings {
  const stored = getOperatorSettings(store);
  if (overrides.timezone) parseOrThrow(timeZoneSchema, overrides.timezone, '--timezone');
  const merged = operatorSettingsSchema.safeParse({
    ...stored,
    ...(overrides.homeCountry ? { homeCountry: overrides.homeCountry } : {}),
    ...(overrides.timezone ? { timezone: overrides.timezone } : {}),
  });
  if (!merged.success) throw zodToBillingError(merged.error);
  return merged.data;
}

/** The first line of a file that is neither blank nor a comment (a CSV header), read from its first 64 KiB. */
async function firstDataLine(path: string, encoding: TextEncodingName): Promise<string | null> {
  for await (const line of readLines(createReadStream(path, { end: 65_535 }), { encoding })) {
    if (!line.tooLong && line.text.trim() !== '' && !line.text.startsWith('#')) return line.text;
  }
  return null;
}

/** Ingests one CDR file into the store: every line accepted, duplicate or quarantined; returns the counts. */
export async function ingestFile(store: Store, path: string, opts: IngestFileOptions) {
  if (!(FORMATS as readonly string[]).includes(opts.format)) {
    throw new BillingError('UNSUPPORTED_FORMAT', `unknown CDR format "${opts.format}" (one of ${FORMATS.join(', ')})`);
  }
  const format = opts.format as CdrFormat;
  const full = resolve(path);
  let size: number;
  try {
    const stat = statSync(full);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new BillingError('FILE_NOT_FOUND', `no such file: ${path}`);
  }
  const encoding = opts.encoding ?? 'utf-8';
  if (!(TEXT_ENCODINGS as readonly string[]).includes(encoding)) throw new BillingError('INVALID_INPUT', `unknown encoding "${encoding}" (one of ${TEXT_ENCODINGS.join(', ')})`);
  const settings = effectiveSettings(store, opts);
  // A file that is not UTF-8 would have its other bytes replaced by U+FFFD (names garbled, silently):
  // one reading pass first, so such a file is refused before anything of it is stored.
  if (encoding === 'utf-8') {
    const bad = await findInvalidUtf8(createReadStream(full, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>);
    if (bad) {
      throw new BillingError(
        'INVALID_INPUT',
        `${path} is not UTF-8 (byte 0x${bad.bytes.slice(0, 2)} at offset ${bad.offset}, line ${bad.line}); nothing was stored. If it is Latin-1 or Windows-1252, say so: --encoding latin1 or --encoding windows-1252`,
        { ...bad },
      );
    }
  }
  const columns = opts.columns ? opts.columns.split(',').map((c) => c.trim()) : undefined;
  // The window is part of the batch's parser options, so quarantine replay checks a line exactly
  // as its ingest did (the same "now"), however much later it runs.
  const plausibility = plausibilityWindow(opts.now ?? Date.now(), settings);
  // Direction rules too: a replay decides who the subscriber is as this ingest did.
  const parserOptions = { timezone: settings.timezone, ...(columns ? { columns } : {}), plausibility, direction: directionRulesFor(settings) };
  const parser = createParser(format, parserOptions);
  // A generic CSV parser learns its columns from the header; the batch keeps it so a quarantined
  // line can be re-read on its own later (quarantine replay).
  const header = format === 'csv' ? await firstDataLine(full, encoding) : null;
  const sourceName = opts.source ?? format;
  const classifier = createRecordClassifier();
  const rater = opts.rate
    ? createEventRater(createTariffBook(loadTariffVersions(store, opts.tariff)), currentRateMultipliers(store), settings.timezone, ratingPartyLookup(store, settings.timezone))
    : null;

  const hash = createHash('sha256');
  let bytes = 0;
  async function* tapped(): AsyncGenerator<Buffer> {
    // 64 KiB reads: a chunk (and the text its lines are sliced from) stays alive while its lines
    // are processed; at 1 MiB that outlived young-generation collections, and promoted buffers and
    // strings waited for a full collection (~40 MB more peak RSS, same speed: docs/benchmarks.md).
    for await (const chunk of createReadStream(full, { highWaterMark: 64 * 1024 })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  // The batch holds a lease while this process lives: killed, it shows as interrupted, and the
  // next ingest of the file resumes it (db/open-batch.ts).
  const { batchId, lease, resumes } = openBatch(store, { sourceName, format, path: full, parserOptions: { ...parserOptions, ...(header ? { header } : {}) } });
  let counts: IngestCounts | undefined;
  try {
    const threaded = (opts.writer ?? (size > 4 * 1024 * 1024 ? 'thread' : 'inline')) === 'thread' && store.path !== ':memory:';
    const sink = threaded ? createWorkerSink(store.path, batchId, settings.tenant) : createDbSink(store, batchId, settings.tenant);
    counts = await ingestLines(readLineBatches(tapped(), { encoding }), parser, sink, {
      sourceName,
      classify: (record) => classifier(record, settings),
      ...(rater ? { rate: (record, classification) => rater(record, classification, settings.tenant) } : {}),
      onProgress: (c) => opts.onProgress?.(bytes, c),
    });
  } catch (err) {
    finishBatch(store, batchId, { read: 0, accepted: 0, duplicates: 0, quarantined: 0 }, { error: (err as Error).message });
    lease.release();
    throw err;
  }
  const sha = hash.digest('hex');
  finishBatch(store, batchId, counts, { fileSha256: sha });
  lease.release();
  return { batchId, file: full, format, sourceName, sha256: sha, resumes, ...counts };
}

/** `switchboard ingest <file>`. */
export function registerIngest(program: Command): void {
  program
    .command('ingest <file>')
    .description('ingest a CDR file: parse, classify, store (every line accepted, duplicate or quarantined)')
    .requiredOption('--format <format>', FORMATS.join(' | '))
    .option('--home-country <cc>', 'override the home country for this run (ISO 3166 alpha-2)')
    .option('--timezone <tz>', "override the switch's time zone for this run (IANA)")
    .option('--source <name>', 'name of the switch (idempotency keys are per source; default: the format)')
    .option('--columns <list>', 'FreeSWITCH custom template: comma-separated variable names')
    .addOption(choiceOption('--encoding <name>', `the file's text encoding: ${TEXT_ENCODINGS.join(', ')} (default utf-8, checked before anything is stored)`, TEXT_ENCODINGS))
    .option('--rate', 'rate accepted records as they are ingested')
    .option('--tariff <name>', 'tariff plan for --rate (default: the most recently imported)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (file: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & IngestFileOptions>();
        // Run by the launcher in a child of its own (bin/switchboard.js): end when the launcher ends.
        watchLifeline(loadConfig().lifelineFd);
        let size = 0;
        try {
          size = statSync(file).size;
        } catch {
          /* reported by ingestFile */
        }
        const bar = createProgress('ingest', size, progressEnabled(opts));
        const result = await withStore(opts, (store) =>
          ingestFile(store, file, { ...opts, onProgress: (bytes, c) => bar.update(bytes, `${c.accepted} accepted, ${c.quarantined} quarantined`) }),
        ).finally(() => bar.stop());
        printResult(opts, result, (r) =>
          [
            `Ingested ${r.file} (batch ${r.batchId}, ${r.format})`,
            ...(r.resumes
              ? [
                  `  resumes interrupted batch ${r.resumes.batchId} (started ${r.resumes.startedAt}): the ${r.resumes.events} events and ${r.resumes.quarantined} quarantined lines it committed count as duplicates here`,
                ]
              : []),
            `  read ${r.read} = accepted ${r.accepted} + duplicates ${r.duplicates} + quarantined ${r.quarantined}   (skipped ${r.skipped} blank/header lines)`,
            ...(Object.keys(r.quarantineReasons).length
              ? [
                  `  quarantine reasons: ${Object.entries(r.quarantineReasons)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(', ')}`,
                ]
              : []),
            `  statuses: ${
              Object.entries(r.statuses)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ') || 'none'
            }`,
          ].join('\n'),
        );
      }),
    );
}

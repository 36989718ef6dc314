import { createHash } from 'node:crypto';
import { createDbSink, createWorkerSink, currentRateMultipliers, finishBatch, loadTariffVersions, openBatch, ratingPartyLookup, type ResumedBatch, type Store } from '../../db/index.ts';
import {
  createParser,
  createUtf8Check,
  findInvalidUtf8,
  ingestLines,
  plausibilityWindow,
  readLineBatches,
  readLines,
  TEXT_ENCODINGS,
  type CdrFormat,
  type IngestCounts,
  type InvalidUtf8,
  type TextEncodingName,
} from '../../tools/cdr/index.ts';
import { createRecordClassifier, directionRulesFor } from '../../tools/classify/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { createEventRater, createTariffBook } from '../../tools/rating/index.ts';
import { ingestFraudStage } from '../alerts/ingest-fraud-stage.ts';
import type { CdrContent } from './cdr-content.ts';
import { effectiveSettings } from './effective-settings.ts';

/** The CDR formats Switchboard reads. */
export const CDR_FORMATS = ['asterisk', 'freeswitch', 'csv', 'jsonl'] as const;

/** How one ingest runs: the format, the source's name, this run's overrides. */
export interface IngestOptions {
  format: string;
  homeCountry?: string;
  timezone?: string;
  source?: string;
  /** FreeSWITCH custom template: comma-separated variable names. */
  columns?: string;
  rate?: boolean;
  tariff?: string;
  /** The text encoding; UTF-8 (the default) is checked before anything is stored when the bytes can be read twice. */
  encoding?: TextEncodingName;
  /** Where inserts run: on a writer thread (the second core) or inline; default: a thread for content over 4 MB or of unknown size. */
  writer?: 'thread' | 'inline';
  /** The instant of ingest (epoch ms) the plausibility window is measured from; default: the clock. */
  now?: number;
  /** Run the fraud detectors as a stage of this ingest (default true; docs/fraud.md). */
  detect?: boolean;
  onProgress?: (bytes: number, counts: IngestCounts) => void;
}

/** What an ingest did: the batch, what was read (file path, or null for a stream), and every line's fate. */
export type IngestReport = { batchId: number; file: string | null; format: CdrFormat; sourceName: string; sha256: string; resumes: ResumedBatch | null; alerts: number[] } & IngestCounts;

/** Refuses a format Switchboard does not read. */
export function checkCdrFormat(format: string): CdrFormat {
  if (!(CDR_FORMATS as readonly string[]).includes(format)) throw new BillingError('UNSUPPORTED_FORMAT', `unknown CDR format "${format}" (one of ${CDR_FORMATS.join(', ')})`);
  return format as CdrFormat;
}

const HEADER_WINDOW = 64 * 1024;

/** The refusal of bytes that are not UTF-8; `partly` when a one-shot stream had stored lines before them. */
function notUtf8(content: CdrContent, bad: InvalidUtf8, partly: boolean): BillingError {
  const where = `${content.label} is not UTF-8 (byte 0x${bad.bytes.slice(0, 2)} at offset ${bad.offset}, line ${bad.line})`;
  const say = content.reopenable ? '--encoding latin1 or --encoding windows-1252' : 'encoding=latin1 or encoding=windows-1252';
  return new BillingError(
    'INVALID_INPUT',
    `${where}; ${partly ? `the lines before line ${bad.line} were stored (sent again, they are found as duplicates), nothing from it on` : 'nothing was stored'}. If it is Latin-1 or Windows-1252, say so: ${say}`,
    { ...bad },
  );
}

/**
 * A one-shot stream that failed while it was read (the client went away, the connection broke):
 * the sender's problem, not ours. A file's read error stays what it was.
 */
function brokeOff(content: CdrContent, bytes: number, err: unknown): unknown {
  if (content.reopenable) return err;
  const why = err instanceof Error ? err.message : String(err);
  return new BillingError('INVALID_INPUT', `${content.label} broke off after ${bytes} bytes (${why}); the lines stored before it are found as duplicates when it is sent again`, undefined, {
    cause: err,
  });
}

/** The first line that is neither blank nor a comment (a CSV header), read from the first 64 KiB. */
async function firstDataLine(prefix: Buffer, encoding: TextEncodingName): Promise<string | null> {
  for await (const line of readLines(
    (async function* () {
      yield prefix;
    })(),
    { encoding },
  )) {
    if (!line.tooLong && line.text.trim() !== '' && !line.text.startsWith('#')) return line.text;
  }
  return null;
}

/**
 * Reads the first 64 KiB of a stream (for the CSV header) and hands back the stream whole again:
 * those chunks first, then the rest, so the bytes are read once and never held beyond the window.
 */
async function peek(source: AsyncIterable<Buffer>): Promise<{ prefix: Buffer; stream: AsyncGenerator<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < HEADER_WINDOW) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  const stream = (async function* () {
    try {
      yield* head;
      if (done) return;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    } finally {
      await it.return?.();
    }
  })();
  return { prefix: Buffer.concat(head).subarray(0, HEADER_WINDOW), stream };
}

/**
 * Ingests CDR bytes into the store: every line accepted, duplicate or quarantined; returns the
 * counts. The bytes are read as they stream (hashed on the way); a file is checked for UTF-8 in
 * a first pass, a one-shot stream as it goes.
 */
export async function ingestContent(store: Store, content: CdrContent, opts: IngestOptions): Promise<IngestReport> {
  const format = checkCdrFormat(opts.format);
  const encoding = opts.encoding ?? 'utf-8';
  if (!(TEXT_ENCODINGS as readonly string[]).includes(encoding)) throw new BillingError('INVALID_INPUT', `unknown encoding "${encoding}" (one of ${TEXT_ENCODINGS.join(', ')})`);
  const settings = effectiveSettings(store, opts);
  // Bytes that are not UTF-8 would be replaced by U+FFFD (names garbled, silently). A file is read
  // once first, so such a file is refused before anything of it is stored; a stream read once is
  // checked as it goes and stops at the first bad byte (what came before it is stored).
  if (encoding === 'utf-8' && content.reopenable) {
    const bad = await findInvalidUtf8(
      (async function* () {
        for await (const c of content.open()) yield toBuffer(c);
      })(),
    );
    if (bad) throw notUtf8(content, bad, false);
  }
  const inline = encoding === 'utf-8' && !content.reopenable ? createUtf8Check() : null;
  const columns = opts.columns ? opts.columns.split(',').map((c) => c.trim()) : undefined;
  // The window is part of the batch's parser options, so quarantine replay checks a line exactly
  // as its ingest did (the same "now"), however much later it runs.
  const plausibility = plausibilityWindow(opts.now ?? Date.now(), settings);
  // Direction rules too: a replay decides who the subscriber is as this ingest did.
  const parserOptions = { timezone: settings.timezone, ...(columns ? { columns } : {}), plausibility, direction: directionRulesFor(settings) };
  const parser = createParser(format, parserOptions);
  const sourceName = opts.source ?? format;
  const classifier = createRecordClassifier();
  const rater = opts.rate
    ? createEventRater(createTariffBook(loadTariffVersions(store, opts.tariff)), currentRateMultipliers(store), settings.timezone, ratingPartyLookup(store, settings.timezone))
    : null;

  const hash = createHash('sha256');
  let bytes = 0;
  let stored = false;
  async function* tapped(): AsyncGenerator<Buffer> {
    const source = content.open()[Symbol.asyncIterator]();
    try {
      for (;;) {
        let next: IteratorResult<Uint8Array>;
        try {
          next = await source.next();
        } catch (err) {
          throw brokeOff(content, bytes, err);
        }
        if (next.done) break;
        const chunk = toBuffer(next.value);
        const bad = inline?.push(chunk);
        if (bad) throw notUtf8(content, bad, stored);
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    } finally {
      await source.return?.();
    }
    const bad = inline?.end();
    if (bad) throw notUtf8(content, bad, stored);
  }
  const { prefix, stream } = await peek(tapped());
  // A generic CSV parser learns its columns from the header; the batch keeps it so a quarantined
  // line can be re-read on its own later (quarantine replay).
  const header = format === 'csv' ? await firstDataLine(prefix, encoding) : null;
  // The batch holds a lease while this process lives: killed, it shows as interrupted, and the
  // next ingest of the file resumes it (db/open-batch.ts).
  const { batchId, lease, resumes } = openBatch(store, { sourceName, format, path: content.path ?? null, parserOptions: { ...parserOptions, ...(header ? { header } : {}) } });
  let counts: IngestCounts | undefined;
  stored = true;
  const fraud = opts.detect === false ? null : ingestFraudStage(store, settings.tenant, settings.timezone);
  try {
    const big = content.size === undefined || content.size > 4 * 1024 * 1024;
    const threaded = (opts.writer ?? (big ? 'thread' : 'inline')) === 'thread' && store.path !== ':memory:' && store.dialect === 'sqlite';
    const sink = threaded ? createWorkerSink(store.path, batchId, settings.tenant) : createDbSink(store, batchId, settings.tenant);
    counts = await ingestLines(readLineBatches(stream, { encoding }), parser, sink, {
      sourceName,
      classify: (record) => classifier(record, settings),
      ...(rater ? { rate: (record, classification) => rater(record, classification, settings.tenant) } : {}),
      ...(fraud ? { observer: fraud.observer } : {}),
      onProgress: (c) => opts.onProgress?.(bytes, c),
    });
  } catch (err) {
    finishBatch(store, batchId, { read: 0, accepted: 0, duplicates: 0, quarantined: 0 }, { error: (err as Error).message });
    lease.release();
    throw err;
  }
  const sha = hash.digest('hex');
  let alerts: number[] = [];
  try {
    alerts = fraud ? fraud.finish(batchId) : [];
  } finally {
    finishBatch(store, batchId, counts, { fileSha256: sha });
    lease.release();
  }
  return { batchId, file: content.path ?? null, format, sourceName, sha256: sha, resumes, alerts, ...counts };
}

function toBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

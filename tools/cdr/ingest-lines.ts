import { createHash } from 'node:crypto';
import { awaitsCategory, type Classification } from '../classify/classification.types.ts';
import type { RatingOutcome } from '../rating/rate-event.ts';
import type { AcceptedRecord, IngestSink, QuarantinedRecord } from './ingest-sink.types.ts';
import type { PhysicalLine } from './read-lines.ts';
import type { CdrParser, QuarantineReason, UsageRecord } from './usage-record.types.ts';

/** How every record of one run ended; `read = accepted + duplicates + quarantined`, always. */
export interface IngestCounts {
  read: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
  /** Blank, comment and header lines: not records. */
  skipped: number;
  quarantineReasons: Partial<Record<QuarantineReason, number>>;
  /** Accepted records by status (unrated, rated, unclassified, rating_failed). */
  statuses: Record<string, number>;
}

export interface IngestOptions {
  /** Namespace of the source's ids in idempotency keys (a switch name; defaults to the format). */
  sourceName: string;
  classify: (record: UsageRecord) => Classification;
  /** Rates each accepted record inline; omit to leave records for `switchboard rate`. */
  rate?: (record: UsageRecord, classification: Classification) => RatingOutcome;
  chunkSize?: number;
  onProgress?: (counts: IngestCounts) => void;
  /**
   * A stage that sees each record the store took as new, once (fraud detection): `pick` copies what
   * it needs out of the record when the chunk is handed over, `take` gets it once the store says the
   * record was new, so a duplicate (a file ingested twice) is never seen twice.
   */
  observer?: RecordObserver;
}

/** See IngestOptions.observer. */
export interface RecordObserver<T = unknown> {
  pick(accepted: AcceptedRecord): T;
  take(picked: T): void;
}

const MAX_IN_FLIGHT = 4;

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** The idempotency key of a record: the switch's own id where it has one, else a hash of its line. */
export function idempotencyKey(sourceName: string, record: UsageRecord, rawLine: string): string {
  return record.sourceId ? `${sourceName}:${record.sourceId}` : `${sourceName}:line:${sha1(rawLine)}`;
}

/** A line with each NUL (U+0000) replaced by the visible SYMBOL FOR NULL (U+2400), for storing and showing. */
export function showNul(text: string): string {
  return text.indexOf('\u0000') === -1 ? text : text.replaceAll('\u0000', '\u2400');
}

/** The dedup key of a quarantined line: the same bad line from the same source is kept once. */
export function quarantineKey(sourceName: string, rawLine: string): string {
  return `${sourceName}:q:${sha1(rawLine)}`;
}

/**
 * Streams lines (one by one or in batches) through parse -> classify -> (rate) -> store. Each record ends in exactly one
 * state; a bad record is quarantined on its own and never stops the file; a parser or classifier
 * fault on one line is contained to that line.
 */
export async function ingestLines(lines: AsyncIterable<PhysicalLine | readonly PhysicalLine[]>, parser: CdrParser, sink: IngestSink, options: IngestOptions): Promise<IngestCounts> {
  // Small chunks keep records short-lived: a record still waiting in a chunk when V8 collects its
  // young generation is copied, then promoted to the old one as garbage. 100 records cut collection
  // time about threefold against 500 (docs/benchmarks.md); how often the sink commits is its own business.
  const chunkSize = options.chunkSize ?? 100;
  const counts: IngestCounts = { read: 0, accepted: 0, duplicates: 0, quarantined: 0, skipped: 0, quarantineReasons: {}, statuses: {} };
  let accepted: AcceptedRecord[] = [];
  let quarantined: QuarantinedRecord[] = [];

  const quarantine = (line: PhysicalLine, reason: QuarantineReason, message: string) => {
    // The key hashes the line as read; the stored text shows a NUL as U+2400 (PostgreSQL's text
    // cannot hold U+0000), which also covers the kept prefix of an over-long line.
    quarantined.push({ dedupKey: quarantineKey(options.sourceName, line.text), lineNo: line.lineNo, raw: showNul(line.text), reason, message: showNul(message) });
  };

  // A sink may store asynchronously (a writer thread): up to MAX_IN_FLIGHT chunks are written while
  // the next ones are parsed; results are counted as they come back, in any order.
  const inFlight: Array<Promise<void>> = [];
  // Hands the pending chunk to the sink. A plain function on purpose: only what counting needs
  // (statuses, reasons) outlives it; an async frame, or records held until the writer answers,
  // would survive young-generation collections and pile up as old-generation garbage.
  const startWrite = (): Promise<void> => {
    const a = accepted;
    const q = quarantined;
    accepted = [];
    quarantined = [];
    const statuses = a.map((rec) => (rec.rating ? rec.rating.status : awaitsCategory(rec.record.direction, rec.classification.category) ? 'unclassified' : 'unrated'));
    const reasons = q.map((rec) => rec.reason);
    const observer = options.observer;
    const picked = observer ? a.map((rec) => observer.pick(rec)) : null;
    return Promise.resolve(sink.writeChunk(a, q)).then((result) => {
      statuses.forEach((status, i) => {
        if (result.acceptedNew[i]) {
          if (picked) observer!.take(picked[i]);
          counts.accepted++;
          counts.statuses[status] = (counts.statuses[status] ?? 0) + 1;
        } else counts.duplicates++;
      });
      reasons.forEach((reason, i) => {
        if (result.quarantinedNew[i]) {
          counts.quarantined++;
          counts.quarantineReasons[reason] = (counts.quarantineReasons[reason] ?? 0) + 1;
        } else counts.duplicates++;
      });
      options.onProgress?.(counts);
    });
  };
  const flush = async () => {
    if (accepted.length === 0 && quarantined.length === 0) return;
    const written = startWrite();
    written.catch(() => {}); // observed below; this only prevents an unhandled-rejection report
    inFlight.push(written);
    if (inFlight.length >= MAX_IN_FLIGHT) await inFlight.shift();
  };

  const take = (line: PhysicalLine) => {
    if (line.tooLong) {
      counts.read++;
      quarantine(line, 'LINE_TOO_LONG', `line ${line.lineNo} is longer than 64 KiB`);
      return;
    }
    if (line.text.indexOf('\u0000') !== -1) {
      counts.read++;
      quarantine(line, 'CONTROL_CHARACTER', `line ${line.lineNo} holds a NUL character (U+0000, shown as \u2400): a binary or corrupted file?`);
      return;
    }
    let outcome;
    try {
      outcome = parser.parseLine(line.text, line.lineNo);
    } catch (err) {
      outcome = { kind: 'quarantine' as const, reason: 'INVALID_VALUE' as const, message: `parser fault: ${(err as Error).message}` };
    }
    if (outcome.kind === 'skip') {
      counts.skipped++;
      return;
    }
    counts.read++;
    if (outcome.kind === 'quarantine') {
      quarantine(line, outcome.reason, outcome.message);
      return;
    }
    const record = outcome.record;
    let classification: Classification;
    try {
      classification = options.classify(record);
    } catch (err) {
      classification = { category: 'unclassified', roaming: 'none', destination: null, destinationCountry: null, reason: `classifier fault: ${(err as Error).message}` };
    }
    const rating = options.rate ? options.rate(record, classification) : null;
    accepted.push({ idemKey: idempotencyKey(options.sourceName, record, line.text), lineNo: line.lineNo, record, classification, rating });
  };

  try {
    // Batches of lines (readLineBatches) are looped synchronously: an async step per line costs
    // more than parsing it.
    for await (const item of lines) {
      for (const line of Array.isArray(item) ? (item as readonly PhysicalLine[]) : [item as PhysicalLine]) {
        take(line);
        if (accepted.length + quarantined.length >= chunkSize) await flush();
      }
    }
    await flush();
    for (const written of inFlight.splice(0)) await written;
    await sink.finish?.();
  } catch (err) {
    await Promise.allSettled(inFlight);
    await sink.abort?.();
    throw err;
  }
  return counts;
}

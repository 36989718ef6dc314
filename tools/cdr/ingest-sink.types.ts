import type { Classification } from '../classify/classification.types.ts';
import type { RatingOutcome } from '../rating/rate-event.ts';
import type { QuarantineReason, UsageRecord } from './usage-record.types.ts';

/** A record that parsed: its idempotency key, where it came from, how it was classified and (maybe) rated. */
export interface AcceptedRecord {
  idemKey: string;
  lineNo: number;
  record: UsageRecord;
  classification: Classification;
  /** null when rating is left for `switchboard rate`. */
  rating: RatingOutcome | null;
}

/** A line that did not parse, kept verbatim. */
export interface QuarantinedRecord {
  dedupKey: string;
  lineNo: number;
  raw: string;
  reason: QuarantineReason;
  message: string;
}

/** Which of a chunk's records were new (true) and which were already stored (false: duplicates). */
export interface ChunkResult {
  acceptedNew: boolean[];
  quarantinedNew: boolean[];
}

/**
 * Where the ingest pipeline stores its output. The pipeline is pure domain code; db/ implements
 * this with transactions committed every N records, so a crash loses at most the uncommitted
 * records, which a re-run then ingests (committed ones come back as duplicates, never doubles).
 */
export interface IngestSink {
  writeChunk(accepted: AcceptedRecord[], quarantined: QuarantinedRecord[]): ChunkResult | Promise<ChunkResult>;
  /** Makes everything written durable (the end of a run). */
  finish?(): void | Promise<void>;
  /** Drops what is not yet durable (a run that failed). */
  abort?(): void | Promise<void>;
}

// Types of ingest-writer.worker.mjs (plain JavaScript so the writer thread needs no TypeScript loader).
import type Database from 'better-sqlite3';
import type { ChunkResult, QuarantinedRecord } from '../tools/cdr/ingest-sink.types.ts';

/** The SQL of the ingest writer, derived from the drizzle schema by ingest-store.ts. */
export interface WriterStatements {
  /** Binds every usage_events column but id, in order; ON CONFLICT (idem_key) DO NOTHING. */
  insertEvent: string;
  /** Binds batch_id, line_no, dedup_key, raw, reason, message, created_at; returns the id only when new. */
  insertQuarantine: string;
  /** Binds batch_id, line_no, idem_key, created_at. */
  insertDuplicate: string;
  /** Binds id, value; ON CONFLICT (id) DO NOTHING. */
  insertDictionary: string;
  /** Binds id; selects the stored value. */
  findDictionary: string;
  /** Binds first_event_id (kept when already set), last_event_id, batch id. */
  updateBatchRange: string;
  /** Positions of line_no and idem_key in an event row. */
  eventIndexes: { lineNo: number; idemKey: number };
}

/** What the writer thread starts with. */
export interface WriterThreadData {
  role: 'switchboard-ingest-writer';
  dbPath: string;
  batchId: number;
  commitEvery: number;
  statements: WriterStatements;
  pragmas: string[];
}

/** An event row on its way to the writer thread: one string, or the values themselves when they cannot be encoded. */
export type EncodedRow = string | unknown[];

export interface RawRowWriter {
  /** `dictionary`: the shared texts (usage_dictionary id, value) first named by these rows, stored before them. */
  write(events: unknown[][], quarantined: QuarantinedRecord[], dictionary?: Array<[number, string]>): ChunkResult;
  commit(): void;
  rollback(): void;
}

/** The row as one string for the trip to the writer thread, or null when a value cannot be encoded. */
export function encodeRow(values: unknown[]): string | null;
/** The bind values of an encoded row. */
export function decodeRow(row: EncodedRow): unknown[];
/** Inserts events, quarantined lines and duplicates of one batch. */
export function createRawRowWriter(sqlite: Database.Database, statements: WriterStatements, batchId: number, commitEvery: number): RawRowWriter;

/** How long a writer keeps asking for the write lock before it gives up. */
export const LOCK_WAIT_LIMIT_MS: number;
/** The code of the error a writer throws when the lock stayed taken past the limit. */
export const DATABASE_BUSY: string;
/** Opens a write transaction (BEGIN IMMEDIATE), waiting with backoff while another process holds the lock. */
export function beginImmediate(sqlite: Database.Database, limitMs?: number): void;
/** True for SQLite's "the lock is taken" errors (SQLITE_BUSY*, SQLITE_LOCKED*). */
export function isLockError(err: unknown): boolean;

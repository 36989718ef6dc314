import { asc, count, eq } from 'drizzle-orm';
import { batchLeaseHeld } from './batch-lease.ts';
import { inBatch } from './batch-events.ts';
import { BillingError } from '../tools/errors.ts';
import type { Store } from './open-database.ts';
import type { TenantScope } from './scope.ts';
import { getOperatorSettings } from './settings-store.ts';
import { ingestBatches, ingestDuplicates, quarantine, usageEvents } from './schema.ts';

type BatchRow = typeof ingestBatches.$inferSelect;

/** running: its process is alive; interrupted: it stopped before the end of its file (killed, crashed) and committed what `committed` says. */
export type BatchState = 'running' | 'done' | 'failed' | 'interrupted';

/** A batch as people see it: its state, what it committed, and the later ingest of the same file that resumed it. */
export interface BatchView {
  id: number;
  file: string | null;
  source: string;
  format: string;
  state: BatchState;
  startedAt: string;
  finishedAt: string | null;
  read: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
  /** Rows pointing at the batch now (for a running or interrupted batch, the stored counts are not final). */
  committed: { events: number; quarantined: number; duplicates: number };
  resumedBy: number | null;
  error: string | null;
}

/** The rows a batch has committed so far. */
export function committedRows(store: Store, batchId: number): BatchView['committed'] {
  const n = (table: typeof quarantine | typeof ingestDuplicates) => store.db.select({ n: count() }).from(table).where(eq(table.batchId, batchId)).get()!.n;
  const events = store.db.select({ n: count() }).from(usageEvents).where(inBatch(store, batchId)).get()!.n;
  return { events, quarantined: n(quarantine), duplicates: n(ingestDuplicates) };
}

const sameFile = (a: BatchRow, b: BatchRow) => a.path !== null && a.path === b.path && a.sourceName === b.sourceName && a.format === b.format;

/** The state of a batch row: its stored status, except that `running` with no live lease is interrupted. */
export function batchState(store: Store, row: Pick<BatchRow, 'id' | 'status'>): BatchState {
  if (row.status !== 'running') return row.status as BatchState;
  if (batchLeaseHeld(store, row.id)) return 'running';
  // The lease is gone: either its process died, or it finished just now (then the row says so).
  const now = store.db.select({ status: ingestBatches.status }).from(ingestBatches).where(eq(ingestBatches.id, row.id)).get()!.status;
  return now === 'running' ? 'interrupted' : (now as BatchState);
}

/** Every ingestion batch, oldest first, with its state (a `running` batch whose process is gone shows as interrupted). */
export function listBatches(store: Store, filter: { limit?: number } = {}): BatchView[] {
  const rows = store.db.select().from(ingestBatches).orderBy(asc(ingestBatches.id)).all();
  const shown = filter.limit ? rows.slice(-filter.limit) : rows;
  return shown.map((row) => {
    const state = batchState(store, row);
    const resumedBy = state === 'interrupted' ? (rows.find((later) => later.id > row.id && sameFile(later, row))?.id ?? null) : null;
    return {
      id: row.id,
      file: row.path,
      source: row.sourceName,
      format: row.format,
      state,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      read: row.read,
      accepted: row.accepted,
      duplicates: row.duplicates,
      quarantined: row.quarantined,
      // A finished batch's counts are final; only a running or interrupted one is counted afresh.
      committed: state === 'running' || state === 'interrupted' ? committedRows(store, row.id) : { events: row.accepted, quarantined: row.quarantined, duplicates: row.duplicates },
      resumedBy,
      error: row.error,
    };
  });
}

/** Batches that are still writing, and interrupted ones no later ingest of their file has resumed (their files are not all in). */
export function unfinishedBatches(store: Store): { running: BatchView[]; interrupted: BatchView[] } {
  const open = listBatches(store).filter((b) => b.state === 'running' || (b.state === 'interrupted' && b.resumedBy === null));
  return { running: open.filter((b) => b.state === 'running'), interrupted: open.filter((b) => b.state === 'interrupted') };
}

/**
 * Whether the scope sees this database's ingestion (batches, quarantine, unrated usage): raw
 * lines carry no tenant of their own, they belong to the operator whose ingestion read them, so
 * only that operator's staff do (never a customer, never another tenant).
 */
export function ownsIngestion(scope: TenantScope): boolean {
  return scope.accountId === undefined && getOperatorSettings(scope.store).tenant === scope.tenant;
}

/** The scope's ingestion batches, oldest first (none for another tenant). */
export function tenantBatches(scope: TenantScope, filter: { limit?: number } = {}): BatchView[] {
  return ownsIngestion(scope) ? listBatches(scope.store, filter) : [];
}

/** One batch of the scope's; another tenant's is NOT_FOUND, exactly like a missing one. */
export function tenantBatch(scope: TenantScope, batchId: number): BatchView {
  const found = ownsIngestion(scope) ? listBatches(scope.store).find((b) => b.id === batchId) : undefined;
  if (!found) throw new BillingError('NOT_FOUND', `no batch ${batchId}`);
  return found;
}

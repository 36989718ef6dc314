import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BillingError } from '../tools/errors.ts';
import { lockAsConflict } from './database-busy.ts';
import { beginImmediate } from './ingest-writer.worker.mjs';
import { openDatabase } from './open-database.ts';
import type { PgSyncClient } from './postgres/sync-client.ts';
import { createTempStore } from './testing/create-temp-store.ts';
import { onPostgres } from './testing/on-postgres.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

/** `begin` gives up waiting for the lock, and lockAsConflict makes that a CONFLICT naming the wait. */
function expectBusyConflict(begin: () => void): void {
  let thrown: unknown;
  try {
    begin();
  } catch (err) {
    thrown = err;
  }
  const mapped = lockAsConflict(thrown);
  expect(mapped).toBeInstanceOf(BillingError);
  expect((mapped as BillingError).code).toBe('CONFLICT');
  expect((mapped as BillingError).message).toMatch(/database busy: .*locked by another process/);
}

describe('waiting for the write lock', () => {
  it.skipIf(onPostgres)('a writer that never gets the lock gives up with a CONFLICT naming the wait, not an internal error (SQLite)', () => {
    store.sqlite.exec('BEGIN IMMEDIATE'); // another writer holds the lock
    const other = new Database(store.path);
    try {
      other.pragma('busy_timeout = 20');
      expectBusyConflict(() => beginImmediate(other, 200));
      store.sqlite.exec('COMMIT');
      beginImmediate(other, 200); // free again: it takes it
      other.exec('COMMIT');
    } finally {
      other.close();
    }
  });

  it.skipIf(!onPostgres)("a writer that never gets the books' writer lock gives up with a CONFLICT naming the wait, not an internal error (PostgreSQL)", () => {
    const holder = store.sqlite as unknown as PgSyncClient;
    holder.beginWriter(); // another writer holds the lock
    const other = openDatabase(store.path);
    const client = other.sqlite as unknown as PgSyncClient;
    try {
      expectBusyConflict(() => client.beginWriter(200));
      expect(client.inTransaction).toBe(false);
      holder.exec('COMMIT');
      client.beginWriter(200); // free again: it takes it
      client.exec('COMMIT');
      expect(holder.transaction(() => 'written')()).toBe('written');
    } finally {
      other.close();
    }
  });

  it('a plain SQLite busy error is a CONFLICT too; other errors pass unchanged', () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect((lockAsConflict(busy) as BillingError).code).toBe('CONFLICT');
    const other = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    expect(lockAsConflict(other)).toBe(other);
  });
});

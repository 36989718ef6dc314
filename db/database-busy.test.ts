import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BillingError } from '../tools/errors.ts';
import { lockAsConflict } from './database-busy.ts';
import { beginImmediate } from './ingest-writer.worker.mjs';
import { createTempStore } from './testing/create-temp-store.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

describe('waiting for the write lock', () => {
  it('a writer that never gets the lock gives up with a CONFLICT naming the wait, not an internal error', () => {
    store.sqlite.exec('BEGIN IMMEDIATE'); // another writer holds the lock
    const other = new Database(store.path);
    try {
      other.pragma('busy_timeout = 20');
      let thrown: unknown;
      try {
        beginImmediate(other, 200);
      } catch (err) {
        thrown = err;
      }
      const mapped = lockAsConflict(thrown);
      expect(mapped).toBeInstanceOf(BillingError);
      expect((mapped as BillingError).code).toBe('CONFLICT');
      expect((mapped as BillingError).message).toMatch(/database busy: .*locked by another process/);
      store.sqlite.exec('COMMIT');
      beginImmediate(other, 200); // free again: it takes it
      other.exec('COMMIT');
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

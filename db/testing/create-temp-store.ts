import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/index.ts';
import { openDatabase, type Store } from '../open-database.ts';
import { dropPostgresBooks } from '../postgres/postgres-books.ts';

/**
 * Real books in their own temporary folder, for tests: an SQLite file, or with
 * SWITCHBOARD_DATABASE_URL set their own PostgreSQL schema; `cleanup` closes and deletes them.
 */
export function createTempStore(): Store & { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-test-'));
  const store = openDatabase(join(dir, 'test.db'));
  return {
    ...store,
    dir,
    cleanup() {
      store.close();
      const url = loadConfig().databaseUrl;
      if (url) dropPostgresBooks(url, store.path);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

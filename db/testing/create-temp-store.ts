import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Store } from '../open-database.ts';

/** A real SQLite file in its own temporary folder, for tests; `cleanup` closes and deletes it. */
export function createTempStore(): Store & { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-test-'));
  const store = openDatabase(join(dir, 'test.db'));
  return {
    ...store,
    dir,
    cleanup() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

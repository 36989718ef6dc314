import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from './open-database.ts';

const JOURNAL = join(dirname(fileURLToPath(import.meta.url)), 'migrations', 'meta', '_journal.json');

/** Where the database stands against the migrations this build ships. */
export interface MigrationStatus {
  /** True when the database answers a query. */
  reachable: boolean;
  /** Tags of the shipped migrations the database has not applied (empty when up to date). */
  pending: string[];
  applied: number;
  expected: number;
}

/**
 * Compares the migrations applied to the database (drizzle's `__drizzle_migrations`, keyed by the
 * journal's `when`) with the journal in db/migrations; never throws (a readiness probe reports).
 */
export function migrationStatus(store: Store): MigrationStatus {
  const journal = JSON.parse(readFileSync(JOURNAL, 'utf8')) as { entries: Array<{ tag: string; when: number }> };
  const expected = journal.entries.length;
  try {
    store.sqlite.prepare('SELECT 1').get();
  } catch {
    return { reachable: false, pending: journal.entries.map((e) => e.tag), applied: 0, expected };
  }
  let applied: Set<number>;
  try {
    const rows = store.sqlite.prepare('SELECT created_at AS at FROM __drizzle_migrations').all() as Array<{ at: number | string }>;
    applied = new Set(rows.map((r) => Number(r.at)));
  } catch {
    applied = new Set(); // no migrations table: nothing applied
  }
  const pending = journal.entries.filter((e) => !applied.has(e.when)).map((e) => e.tag);
  return { reachable: true, pending, applied: applied.size, expected };
}

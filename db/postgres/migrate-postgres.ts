import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgSyncClient } from './sync-client.ts';

const FOLDER = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations-pg');
const SQLITE_JOURNAL = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations', 'meta', '_journal.json');

/** db/migrations-pg/journal.json: each PostgreSQL migration file and the SQLite migrations it stands for. */
export interface PostgresJournal {
  migrations: Array<{ file: string; covers: string[] }>;
}

/** The PostgreSQL migrations with the `when` of each SQLite migration they cover (the key both engines record). */
export function postgresMigrations(): Array<{ file: string; sql: string; covers: Array<{ tag: string; when: number }> }> {
  const journal = JSON.parse(readFileSync(join(FOLDER, 'journal.json'), 'utf8')) as PostgresJournal;
  const sqlite = JSON.parse(readFileSync(SQLITE_JOURNAL, 'utf8')) as { entries: Array<{ tag: string; when: number }> };
  const when = new Map(sqlite.entries.map((e) => [e.tag, e.when]));
  return journal.migrations.map((m) => ({
    file: m.file,
    sql: readFileSync(join(FOLDER, m.file), 'utf8'),
    covers: m.covers.map((tag) => ({ tag, when: when.get(tag) ?? Number.NaN })),
  }));
}

/**
 * Applies the PostgreSQL migrations the schema lacks, each in one transaction, recording the
 * SQLite migrations it covers in `__drizzle_migrations` as drizzle's SQLite migrator does (so
 * migrationStatus reads both engines alike). Concurrent openers wait for one another (the
 * transaction's writer lock).
 */
export function migratePostgres(client: PgSyncClient): void {
  const pending = () => {
    const applied = new Set((client.prepare('SELECT created_at AS at FROM "__drizzle_migrations"').all() as Array<{ at: number }>).map((r) => Number(r.at)));
    return postgresMigrations().filter((m) => m.covers.some((c) => !applied.has(c.when)));
  };
  // Books already migrated (every open but the first) are checked without the writer lock, so
  // opening them never waits for a writer at work (an ingest holds the lock for minutes), as
  // opening an up-to-date SQLite file does not.
  const known = client.queryRaw(`SELECT to_regclass('"__drizzle_migrations"') IS NOT NULL AS known`, []).rows[0] as { known: boolean };
  if (known.known && pending().length === 0) return;
  client.transaction(() => {
    client.script('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)');
    for (const m of pending()) {
      client.script(m.sql.replaceAll('--> statement-breakpoint', ''));
      const hash = createHash('sha256').update(m.sql).digest('hex');
      for (const c of m.covers) client.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run(hash, c.when);
    }
  })();
}

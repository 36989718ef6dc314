// Writes db/migrations-pg/0000_baseline.sql: the PostgreSQL schema equal to what db/migrations/
// builds in SQLite (db/postgres/postgres-ddl.ts), and the journal naming the SQLite migrations it
// stands for. A new SQLite migration gets its PostgreSQL sibling by hand, listed in the journal;
// db/postgres/postgres-schema.int.test.ts checks that both engines end with the same schema.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { POSTGRES_HELPERS, postgresDdl } from '../db/postgres/postgres-ddl.ts';

const ROOT = join(import.meta.dirname, '..');
const sqlite = new Database(':memory:');
migrate(drizzle({ client: sqlite }), { migrationsFolder: join(ROOT, 'db', 'migrations') });
const journal = JSON.parse(readFileSync(join(ROOT, 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
const header = `-- The PostgreSQL schema as of SQLite migration ${journal.entries.at(-1)!.tag}: written by
-- scripts/generate-postgres-baseline.ts from db/migrations/ (do not edit by hand).`;
const statements = [...POSTGRES_HELPERS, ...postgresDdl(sqlite)];
writeFileSync(join(ROOT, 'db', 'migrations-pg', '0000_baseline.sql'), `${header}\n${statements.join('\n--> statement-breakpoint\n')}\n`);
writeFileSync(join(ROOT, 'db', 'migrations-pg', 'journal.json'), `${JSON.stringify({ migrations: [{ file: '0000_baseline.sql', covers: journal.entries.map((e) => e.tag) }] }, null, 2)}\n`);
console.log(`db/migrations-pg/0000_baseline.sql: ${statements.length} statements for ${journal.entries.length} SQLite migrations`);

import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type Database from 'better-sqlite3';
import { BillingError } from '../../tools/errors.ts';
import type { Store } from '../open-database.ts';
import { migratePostgres } from './migrate-postgres.ts';
import { PgSyncClient } from './sync-client.ts';

const PLAIN_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The PostgreSQL schema that holds the books named `name`: a plain lower-case name is the schema
 * itself (`--db billing`); anything else (a file path, as tests and older set-ups give) is
 * `sbp_<file name>_<hash of the full path>`, so two paths never share books.
 */
export function schemaFor(name: string): string {
  if (PLAIN_NAME.test(name)) return name;
  const full = resolve(name);
  const base =
    full
      .split('/')
      .at(-1)!
      .replace(/\.[^.]*$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .slice(0, 30) || 'books';
  return `sbp_${base}_${createHash('sha256').update(full).digest('hex').slice(0, 12)}`;
}

/** Opens the books named `name` in the PostgreSQL database at `url`, creating and migrating their schema as needed. */
export function openPostgresBooks(url: string, name: string, schema: Record<string, unknown>): Store {
  if (name.trim() === '') throw new BillingError('INVALID_INPUT', 'the database name is empty: give --db a name');
  let client: PgSyncClient | undefined;
  try {
    client = new PgSyncClient(url, schemaFor(name));
    migratePostgres(client);
  } catch (err) {
    client?.close();
    if (err instanceof BillingError) throw err;
    throw new BillingError('INVALID_DATABASE', `PostgreSQL books ${name} at ${redact(url)} cannot be opened: ${(err as Error).message}`, undefined, { cause: err });
  }
  const opened = client;
  // drizzle's synchronous SQLite driver over the PostgreSQL client: the queries are the SQLite
  // dialect's, translated per statement (translate-sql.ts).
  const sqlite = opened as unknown as Database.Database;
  const db = drizzle({ client: sqlite, schema }) as unknown as Store['db'];
  return { db, sqlite, path: name, dialect: 'postgres', postgres: { url, schema: opened.schema }, close: () => opened.close() };
}

/** Drops the schema of the books named `name` (tests' temporary books). */
export function dropPostgresBooks(url: string, name: string): void {
  const client = new PgSyncClient(url, '');
  try {
    client.script(`DROP SCHEMA IF EXISTS "${schemaFor(name)}" CASCADE`);
  } finally {
    client.close();
  }
}

const redact = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

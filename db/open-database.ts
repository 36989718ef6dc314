import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as agentSchema from './agent-schema.ts';
import * as apiSchema from './api-schema.ts';
import * as webSchema from './web-schema.ts';
import * as cycleSchema from './cycle-schema.ts';
import * as notificationSchema from './notification-schema.ts';
import * as fraudSchema from './fraud-schema.ts';
import * as billingSchema from './billing-schema.ts';
import * as coreSchema from './schema.ts';
import { storageError } from './storage-error.ts';
import { BillingError } from '../tools/errors.ts';
import { loadConfig } from '../config/index.ts';
import { openPostgresBooks } from './postgres/postgres-books.ts';

const schema = { ...coreSchema, ...billingSchema, ...agentSchema, ...apiSchema, ...webSchema, ...cycleSchema, ...notificationSchema, ...fraudSchema };

export type Db = BetterSQLite3Database<typeof schema>;

/** An open Switchboard database: the drizzle handle and the raw connection (for transactions and closing). */
export interface Store {
  db: Db;
  /**
   * The connection: better-sqlite3's, or on PostgreSQL the synchronous client with the same calls
   * (db/postgres/sync-client.ts), so the db layer is written once.
   */
  sqlite: Database.Database;
  /** The file, or on PostgreSQL the name the books were opened by (their schema is derived from it). */
  path: string;
  /** Which engine holds the books; SQLite-only work (file copies, the SQLite checkpointer) asks. */
  dialect: 'sqlite' | 'postgres';
  /** On PostgreSQL: the server and the schema holding these books (the checkpointer connects there too). */
  postgres?: { url: string; schema: string };
  close(): void;
}

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The per-connection settings of every connection to a Switchboard file (the writer thread opens its own). */
export function connectionPragmas(cacheMb: number): string[] {
  return [
    'synchronous = NORMAL',
    // Other processes (ingests, rating, bill shards) hold the write lock in turns; wait for it.
    'busy_timeout = 30000',
    'foreign_keys = ON',
    // Page cache per connection; the ingest writer asks for more (large commits of random index pages).
    `cache_size = -${cacheMb * 1024}`,
  ];
}

/**
 * Refuses a path that cannot be a usable database before SQLite sees it: an empty one (SQLite
 * would open a temporary database that keeps nothing), a folder, or a file or folder this process
 * may not write (SQLite would open it read-only and fail at the first write, once per account).
 */
function checkDatabasePath(path: string): void {
  if (path.trim() === '') throw new BillingError('INVALID_INPUT', 'the database path is empty: give --db a file (an empty path would open a temporary database that keeps nothing)');
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return; // a new file: created below, its folder checked by mkdir
  }
  if (isDir) throw new BillingError('INVALID_DATABASE', `database ${path} is a folder, not a database file`);
  for (const [target, what] of [
    [path, 'file'],
    [dirname(path), 'folder'],
  ] as const) {
    try {
      accessSync(target, constants.R_OK | constants.W_OK);
    } catch {
      // WAL mode writes side files beside the database, so its folder must be writable too.
      throw new BillingError('INVALID_DATABASE', `database ${path} is read-only (its ${what} cannot be written): Switchboard writes to its database; use a writable copy`);
    }
  }
}

/**
 * Opens (creating if needed) the books named `path` and applies any pending committed migrations:
 * the SQLite file in WAL mode, or, with a PostgreSQL server configured (SWITCHBOARD_DATABASE_URL,
 * or `options.databaseUrl`), the schema that name stands for on it (db/postgres/postgres-books.ts).
 */
export function openDatabase(path: string, options: { cacheMb?: number; databaseUrl?: string } = {}): Store {
  const url = options.databaseUrl ?? loadConfig().databaseUrl;
  if (url) return openPostgresBooks(url, path, schema);
  let sqlite: Database.Database | undefined;
  try {
    if (path !== ':memory:') {
      checkDatabasePath(path);
      mkdirSync(dirname(path), { recursive: true });
    }
    sqlite = new Database(path);
    // Before anything that may need a lock (switching a new file to WAL does): wait, do not fail.
    sqlite.pragma('busy_timeout = 30000');
    // 8 KiB pages suit ~0.5-1 KiB usage rows (measured ~20% faster ingestion than 4 KiB); new files only.
    sqlite.pragma('page_size = 8192');
    sqlite.pragma('journal_mode = WAL');
    for (const p of connectionPragmas(options.cacheMb ?? 8)) sqlite.pragma(p);
    const db = drizzle({ client: sqlite, schema });
    migrate(db, { migrationsFolder: MIGRATIONS });
    const opened = sqlite;
    return { db, sqlite: opened, path, dialect: 'sqlite', close: () => opened.close() };
  } catch (err) {
    sqlite?.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EACCES' || code === 'EROFS' || code === 'EEXIST') {
      throw new BillingError('INVALID_DATABASE', `database ${path} cannot be created: ${(err as Error).message}`, undefined, { cause: err });
    }
    throw storageError(err, path) ?? err;
  }
}

/**
 * Runs `fn` in a transaction that is always rolled back and returns what it computed: a preview
 * made by the real code path (a re-rate a proposal would do), leaving nothing behind.
 */
export function rolledBack<T>(store: Store, fn: () => T): T {
  const rollback = new Error('rolled back');
  let result: { value: T } | undefined;
  try {
    store.sqlite.transaction(() => {
      result = { value: fn() };
      throw rollback;
    })();
  } catch (err) {
    if (err !== rollback) throw err;
  }
  return result!.value;
}

/** Runs `fn` in one transaction (all or nothing). */
export function inTransaction<T>(store: Store, fn: () => T): T {
  return store.sqlite.transaction(fn)();
}

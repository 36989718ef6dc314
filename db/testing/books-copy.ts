import Database from 'better-sqlite3';
import { loadConfig } from '../../config/index.ts';
import { openDatabase, type Store } from '../open-database.ts';
import { dropPostgresBooks, schemaFor } from '../postgres/postgres-books.ts';
import { PgSyncClient } from '../postgres/sync-client.ts';

/** A statement runner both engines' connections offer (better-sqlite3's prepare().all/get). */
export interface BooksReader {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; get(...params: unknown[]): unknown };
}

/**
 * Runs `read` on a connection of its own to the books at `path` (as another process would see
 * them: committed rows only), then closes it: a read-only SQLite file connection, or on
 * PostgreSQL a connection to the schema that path stands for.
 */
export function readBooks<T>(path: string, read: (books: BooksReader) => T): T {
  const url = loadConfig().databaseUrl;
  if (url) {
    const client = new PgSyncClient(url, schemaFor(path));
    try {
      return read(client);
    } finally {
      client.close();
    }
  }
  const sqlite = new Database(path, { readonly: true });
  try {
    sqlite.pragma('busy_timeout = 10000');
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

/**
 * Copies the books of `store` to the books named `to` as they are now (a reference to replay a
 * run on): SQLite's `vacuum into` a new file; on PostgreSQL a new schema migrated the same way,
 * every table's rows copied (guard triggers off for the copy, since the rows were accepted once)
 * and every sequence set where the source's stands.
 */
export function copyBooks(store: Store, to: string): void {
  if (store.dialect === 'sqlite') {
    store.sqlite.exec(`vacuum into '${to.replaceAll("'", "''")}'`);
    return;
  }
  openDatabase(to, { databaseUrl: store.postgres!.url }).close();
  const from = store.postgres!.schema;
  const into = schemaFor(to);
  const client = new PgSyncClient(store.postgres!.url, '');
  try {
    const names = (sql: string, schema: string) => new Set(client.queryRaw(sql, [schema], true).rows.map((r) => (r as string[])[0]!));
    const tablesSql = "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'";
    const seqSql = 'SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = $1';
    const target = names(tablesSql, into);
    const tables = [...names(tablesSql, from)].filter((t) => target.has(t) && t !== '__drizzle_migrations');
    const targetSeqs = names(seqSql, into);
    const seqs = [...names(seqSql, from)].filter((s) => targetSeqs.has(s) && !s.startsWith('__drizzle'));
    const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
    client.script(
      [
        'BEGIN',
        'SET LOCAL session_replication_role = replica',
        ...tables.map((t) => `INSERT INTO ${q(into)}.${q(t)} SELECT * FROM ${q(from)}.${q(t)}`),
        ...seqs.map((s) => `SELECT setval('${q(into)}.${q(s)}', last_value, is_called) FROM ${q(from)}.${q(s)}`),
        'COMMIT',
      ].join(';\n'),
    );
  } finally {
    client.close();
  }
}

/** Removes the books named `path` made by copyBooks (the file goes with its folder on SQLite; the schema is dropped on PostgreSQL). */
export function dropBooks(path: string): void {
  const url = loadConfig().databaseUrl;
  if (url) dropPostgresBooks(url, path);
}

import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { openDatabase, type Store } from '../open-database.ts';
import { dropPostgresBooks } from './postgres-books.ts';
import { postgresMigrations } from './migrate-postgres.ts';
import { migrationStatus } from '../migration-status.ts';

// The suite's PostgreSQL (scripts/ensure-services.sh), whichever engine the run is on.
const URL = 'postgres://postgres@127.0.0.1:5432/test';
const dir = mkdtempSync(join(tmpdir(), 'switchboard-schema-'));
const sqlite = openDatabase(join(dir, 'books.db'), { databaseUrl: '' });
const pg = openDatabase(join(dir, 'books.db'), { databaseUrl: URL });
afterAll(() => {
  sqlite.close();
  pg.close();
  dropPostgresBooks(URL, join(dir, 'books.db'));
  rmSync(dir, { recursive: true, force: true });
});

type Column = { table: string; column: string; type: string; nullable: boolean };

function sqliteColumns(store: Store): Column[] {
  const tables = store.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name").pluck().all() as string[];
  return tables.flatMap((table) =>
    (store.sqlite.prepare('select name, type, "notnull" as nn, pk from pragma_table_info(?)').all(table) as Array<{ name: string; type: string; nn: number; pk: number }>).map((c) => ({
      table,
      column: c.name,
      type: { INTEGER: 'bigint', TEXT: 'text', REAL: 'double precision', BLOB: 'bytea' }[c.type.toUpperCase()] ?? c.type,
      nullable: c.nn === 0 && c.pk === 0,
    })),
  );
}

function postgresColumns(store: Store): Column[] {
  return (
    store.sqlite
      .prepare(
        "select table_name as t, column_name as c, data_type as type, is_nullable as n from information_schema.columns where table_schema = current_schema() and table_name <> '__drizzle_migrations' order by table_name, ordinal_position",
      )
      .all() as Array<{ t: string; c: string; type: string; n: string }>
  ).map((r) => ({ table: r.t, column: r.c, type: r.type, nullable: r.n === 'YES' }));
}

describe('the PostgreSQL schema is the SQLite schema', () => {
  it('has the same tables and columns, in order, with the same types and nullability', () => {
    const sqliteCols = sqliteColumns(sqlite);
    expect(sqliteCols.length).toBeGreaterThan(300);
    expect(postgresColumns(pg)).toEqual(sqliteCols);
  });

  it('has the same indexes, unique where SQLite has them unique, and the same guard triggers (PostgreSQL adds its sequence and TRUNCATE ones)', () => {
    const sqliteIndexes = sqlite.sqlite.prepare("select name from sqlite_master where type = 'index' and sql is not null order by name").pluck().all();
    const pgIndexes = pg.sqlite.prepare("select indexname from pg_indexes where schemaname = current_schema() and indexname not like '%_pkey' order by indexname").pluck().all();
    expect(pgIndexes).toEqual(sqliteIndexes);
    const sqliteUnique = sqlite.sqlite.prepare("select name from sqlite_master where type = 'index' and sql like 'CREATE UNIQUE%' order by name").pluck().all();
    const pgUnique = pg.sqlite
      .prepare("select indexname from pg_indexes where schemaname = current_schema() and indexdef like 'CREATE UNIQUE%' and indexname not like '%_pkey' order by indexname")
      .pluck()
      .all();
    expect(pgUnique).toEqual(sqliteUnique);
    const sqliteTriggers = sqlite.sqlite.prepare("select name from sqlite_master where type = 'trigger' order by name").pluck().all();
    const pgTriggers = pg.sqlite
      .prepare(
        "select tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and not tgisinternal and tgname not like '%_rowid' and tgname not like '%_truncate' order by tgname",
      )
      .pluck()
      .all();
    expect(pgTriggers).toEqual(sqliteTriggers);
  });

  it('covers every SQLite migration exactly once, in order, and reports none pending', () => {
    const journal = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
    expect(postgresMigrations().flatMap((m) => m.covers.map((c) => c.tag))).toEqual(journal.entries.map((e) => e.tag));
    expect(migrationStatus(pg)).toMatchObject({ reachable: true, pending: [], applied: journal.entries.length });
    expect(migrationStatus(sqlite)).toMatchObject({ pending: [], applied: journal.entries.length });
  });
});

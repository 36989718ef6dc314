import Database from 'better-sqlite3';
import { loadConfig } from '../../config/index.ts';
import { openDatabase } from '../open-database.ts';

/**
 * One query on the books at `path` from outside the process under test (a poll while a child
 * writes): on SQLite a read-only connection to the existing file, on PostgreSQL the books' schema
 * through openDatabase, so each engine is read where the child writes.
 */
export function readDatabase<T>(path: string, sql: string): T {
  if (loadConfig().databaseUrl) {
    const store = openDatabase(path);
    try {
      return store.sqlite.prepare(sql).get() as T;
    } finally {
      store.close();
    }
  }
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 10000');
    return sqlite.prepare(sql).get() as T;
  } finally {
    sqlite.close();
  }
}

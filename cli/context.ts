import { loadConfig } from '../config/index.ts';
import { lockAsConflict, openDatabase, storageError, type Store } from '../db/index.ts';

/** Global options of every command. */
export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

/** Opens the database the command should use (`--db`, else SWITCHBOARD_DB, else ./data/switchboard.db). */
export function openStore(opts: GlobalOptions): Store {
  return openDatabase(opts.db ?? loadConfig().dbPath);
}

/**
 * Runs `fn` with an open store and always closes it. A database that turns out unusable while in
 * use (corrupt pages, made read-only) is reported as such, not as an internal error.
 */
export async function withStore<T>(opts: GlobalOptions, fn: (store: Store) => Promise<T> | T): Promise<T> {
  const store = openStore(opts);
  try {
    return await fn(store);
  } catch (err) {
    // A lock another process kept past every wait is the user's conflict, not an internal error.
    throw storageError(err, store.path) ?? lockAsConflict(err);
  } finally {
    store.close();
  }
}

/** True when progress bars may be drawn. */
export function progressEnabled(opts: GlobalOptions): boolean {
  return !opts.json && !loadConfig().ci;
}

import { BillingError } from '../tools/errors.ts';

/** The SQLite result code of an error or of one it wraps (drizzle wraps driver errors in its own). */
function sqliteCode(err: unknown): { code: string; message: string } | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) return { code, message: e.message };
  }
  return null;
}

/** PostgreSQL's SQLSTATE of an error or of one it wraps (db/postgres/sync-client.ts keeps it as `pgCode`). */
function postgresCode(err: unknown): string | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { pgCode?: unknown }).pgCode;
    if (typeof code === 'string') return code;
  }
  return null;
}

/**
 * The user error for a database file that cannot be used (not SQLite, corrupt or truncated, a
 * folder, read-only, no permission), or PostgreSQL books that cannot be written, or null when `err` is something else. Lock waits
 * (SQLITE_BUSY) and full disks are not this: the file itself is fine.
 */
export function storageError(err: unknown, path: string): BillingError | null {
  if (err instanceof BillingError) return null;
  const pg = postgresCode(err);
  // A standby, or a server or role set read-only, refuses every write as a read-only SQLite file does.
  if (pg === '25006')
    return new BillingError(
      'INVALID_DATABASE',
      `PostgreSQL books ${path} are read-only (a standby, or a read-only server or role): Switchboard writes to its books; use the primary`,
      { postgres: pg },
      { cause: err },
    );
  if (pg === '42501')
    return new BillingError('INVALID_DATABASE', `PostgreSQL books ${path} refused access (${(err as Error).message}): grant the role rights on its schema`, { postgres: pg }, { cause: err });
  const found = sqliteCode(err);
  if (!found) return null;
  const { code, message } = found;
  const say = (what: string) => new BillingError('INVALID_DATABASE', `database ${path} ${what}`, { sqlite: code }, { cause: err });
  if (code === 'SQLITE_NOTADB') return say('is not an SQLite database file: give --db a Switchboard database, or a new file name to create one');
  if (code.startsWith('SQLITE_CORRUPT')) return say(`is corrupt or truncated (${message}): restore it from a backup`);
  if (code.startsWith('SQLITE_READONLY')) return say('is read-only: Switchboard writes to its database; use a writable copy');
  if (code === 'SQLITE_CANTOPEN_ISDIR') return say('is a folder, not a database file');
  if (code.startsWith('SQLITE_CANTOPEN')) return say(`cannot be opened (${message}): check the path and its permissions`);
  if (code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return say(`refused access (${message})`);
  return null;
}

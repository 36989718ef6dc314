import { BillingError } from '../tools/errors.ts';
import { DATABASE_BUSY, isLockError } from './ingest-writer.worker.mjs';

/** The user error for a write lock that another process kept past every wait: a conflict, never an internal error. */
export function databaseBusy(message: string): BillingError {
  return new BillingError('CONFLICT', `database busy: ${message}`);
}

/** A SQLite lock error (or a writer's give-up) as a CONFLICT; anything else unchanged. */
export function lockAsConflict(err: unknown): unknown {
  if ((err as { code?: unknown } | null)?.code === DATABASE_BUSY) return databaseBusy((err as Error).message);
  if (isLockError(err)) {
    return databaseBusy(`another process kept the database locked past the busy timeout (${(err as Error).message}); try again when it has finished`);
  }
  return err;
}

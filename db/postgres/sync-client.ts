import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { BillingError } from '../../tools/errors.ts';
import { DATABASE_BUSY, LOCK_WAIT_LIMIT_MS } from '../ingest-writer.worker.mjs';
import { translateSql } from './translate-sql.ts';

type Param = string | number | bigint | Buffer | null;
type Reply = { ok: true; rows: unknown[]; rowCount: number; columns: string[] } | { error: PgErrorFields };
interface PgErrorFields {
  message: string;
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
}

/** How long one query may take before the caller gives up on its connection thread. */
const QUERY_WAIT_MS = 30 * 60_000;

// SQLite's result codes for PostgreSQL's SQLSTATEs the db layer tells apart (a duplicate, a guard
// trigger's refusal): callers check one code whichever engine answered.
const SQLITE_CODE: Record<string, string> = {
  '23505': 'SQLITE_CONSTRAINT_UNIQUE',
  '23503': 'SQLITE_CONSTRAINT_FOREIGNKEY',
  '23502': 'SQLITE_CONSTRAINT_NOTNULL',
  '23514': 'SQLITE_CONSTRAINT_CHECK',
  P0001: 'SQLITE_CONSTRAINT_TRIGGER',
  // lock_not_available: a lock wait past lock_timeout, as SQLite's past its busy timeout
  '55P03': 'SQLITE_BUSY',
};

/** An error from PostgreSQL, carrying its SQLSTATE (`pgCode`) and the SQLite code it stands for (`code`). */
export class PostgresError extends Error {
  readonly code: string;
  readonly pgCode: string | undefined;
  readonly constraint: string | undefined;
  constructor(fields: PgErrorFields, sql: string) {
    super(fields.code === 'P0001' ? fields.message : `${fields.message}${fields.detail ? ` (${fields.detail})` : ''} in: ${sql.slice(0, 300)}`);
    this.name = 'PostgresError';
    this.pgCode = fields.code;
    this.code = (fields.code && SQLITE_CODE[fields.code]) ?? `PG_${fields.code ?? 'UNKNOWN'}`;
    this.constraint = fields.constraint;
  }
}

/**
 * A prepared statement of the synchronous PostgreSQL client, with better-sqlite3's calls (run,
 * get, all, iterate, raw, pluck) so the db layer and drizzle's synchronous driver use it unchanged.
 */
export class PgStatement {
  private arrayMode = false;
  private plucked = false;
  constructor(
    private readonly client: PgSyncClient,
    readonly source: string,
  ) {}
  raw(on = true): this {
    this.arrayMode = on;
    return this;
  }
  pluck(on = true): this {
    this.plucked = on;
    return this;
  }
  run(...params: unknown[]): { changes: number; lastInsertRowid: number } {
    const res = this.client.query(this.source, bindings(params), false);
    return { changes: res.rowCount, lastInsertRowid: 0 };
  }
  all(...params: unknown[]): unknown[] {
    const res = this.client.query(this.source, bindings(params), this.arrayMode || this.plucked);
    return this.plucked ? res.rows.map((r) => (r as unknown[])[0]) : res.rows;
  }
  get(...params: unknown[]): unknown {
    return this.all(...params)[0];
  }
  *iterate(...params: unknown[]): IterableIterator<unknown> {
    yield* this.all(...params);
  }
}

/** better-sqlite3's parameters (positional, or one array) as node-postgres's values. */
function bindings(params: unknown[]): Param[] {
  const flat = params.length === 1 && Array.isArray(params[0]) ? (params[0] as unknown[]) : params;
  return flat.map((p) => {
    if (p === undefined) return null;
    if (typeof p === 'boolean') return p ? 1 : 0;
    if (p !== null && typeof p === 'object' && !Buffer.isBuffer(p)) throw new BillingError('INTERNAL', 'named SQL parameters are not supported on PostgreSQL: bind by position');
    return p as Param;
  });
}

// Schema-wide writer turns: SQLite lets one write transaction run at a time, and the db layer's
// read-then-write transactions (next invoice number, batch id ranges) rely on it. Each
// transaction takes this lock first, so they keep that guarantee on PostgreSQL; statements outside
// a transaction, and readers, run side by side (docs/postgres.md).
const WRITER_LOCK_CLASS = 0x5342;
/**
 * How long a transaction waits for a lock: as long as the ingest writer waits for its turn
 * (LOCK_WAIT_LIMIT_MS), not SQLite's 30 s busy timeout. A PostgreSQL round trip costs ~100 times an
 * SQLite call, so a writer holds its turn longer (a whole small ingest is one turn), and a command
 * queued behind two of them would otherwise give up where on SQLite it got its turn.
 */
const LOCK_TIMEOUT_MS = LOCK_WAIT_LIMIT_MS;

/** FNV-1a of the schema name, as a 32-bit signed integer (an advisory lock key). */
function lockKey(schema: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < schema.length; i++) h = Math.imul(h ^ schema.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * A synchronous PostgreSQL connection: one node-postgres client on its own thread, each query
 * waited for with Atomics, so the synchronous db layer (written for better-sqlite3) runs on it
 * as it is. SQL is translated from the SQLite form the layer writes (translateSql).
 */
export class PgSyncClient {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag: Int32Array;
  private depth = 0;
  private closed = false;
  readonly open = true;
  readonly lock: number;

  constructor(
    readonly url: string,
    readonly schema: string,
  ) {
    const shared = new SharedArrayBuffer(4);
    this.flag = new Int32Array(shared);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(new URL('./pg-sync-worker.mjs', import.meta.url), {
      workerData: { url, schema, flag: shared, port: port2, applicationName: 'switchboard' },
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    // A forgotten close must not keep the process alive; the thread ends with it.
    this.worker.unref();
    this.port.unref();
    this.lock = lockKey(schema);
    this.query('SELECT 1', [], false);
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  /** Runs one translated statement and waits for its rows. */
  query(sqlite: string, params: Param[], array: boolean): { rows: unknown[]; rowCount: number } {
    const sql = translateSql(sqlite);
    const reply = this.send({ op: 'query', sql, params, array });
    if ('error' in reply) throw new PostgresError(reply.error, sql);
    return reply;
  }

  /** Runs one statement written for PostgreSQL ($n parameters), untranslated. */
  queryRaw(sql: string, params: Param[], array = false): { rows: unknown[]; rowCount: number } {
    const reply = this.send({ op: 'query', sql, params, array });
    if ('error' in reply) throw new PostgresError(reply.error, sql);
    return reply;
  }

  /**
   * Opens a transaction left open across calls (the ingest writer commits every N rows), holding
   * the books' writer lock as transaction() does; the caller commits or rolls back with exec.
   * A lock kept by another writer past `limitMs` is the ingest writer's DATABASE_BUSY give-up.
   */
  beginWriter(limitMs = LOCK_WAIT_LIMIT_MS): void {
    if (this.depth > 0) throw new BillingError('INTERNAL', 'a writer transaction cannot start inside another transaction');
    this.exec('BEGIN');
    try {
      this.takeWriterLock(limitMs);
    } catch (err) {
      this.exec('ROLLBACK');
      if (err instanceof PostgresError && err.pgCode === '55P03') {
        throw Object.assign(new Error(`the database stayed locked by another process for over ${Math.round(limitMs / 1000)} s; try again when it has finished`), { code: DATABASE_BUSY, cause: err });
      }
      throw err;
    }
  }

  /**
   * Takes the books' writer lock in the open transaction, waiting at most `limitMs`; that bound
   * (lock_timeout, local to the transaction) stays for the rest of it, as SQLite's busy timeout
   * bounds every lock wait of a connection. Past it PostgreSQL answers 55P03 (SQLITE_BUSY here).
   */
  private takeWriterLock(limitMs: number): void {
    this.queryRaw("SELECT set_config('lock_timeout', $1, true), pg_advisory_xact_lock($2, $3)", [`${limitMs}ms`, WRITER_LOCK_CLASS, this.lock]);
  }

  private send(request: Record<string, unknown>): Reply {
    if (this.closed) throw new BillingError('INTERNAL', 'the PostgreSQL connection is closed');
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(request);
    const deadline = Date.now() + QUERY_WAIT_MS;
    for (;;) {
      const wait = Atomics.wait(this.flag, 0, 0, Math.max(1, deadline - Date.now()));
      const got = receiveMessageOnPort(this.port);
      if (got) return got.message as Reply;
      if (wait === 'timed-out' || Date.now() >= deadline) throw new BillingError('INTERNAL', `PostgreSQL did not answer within ${QUERY_WAIT_MS / 60_000} minutes`);
    }
  }

  prepare(sql: string): PgStatement {
    return new PgStatement(this, sql);
  }

  /** Runs a script of statements (no parameters). */
  exec(sql: string): this {
    const reply = this.send({ op: 'script', sql: translateSql(sql) });
    if ('error' in reply) throw new PostgresError(reply.error, sql);
    return this;
  }

  /** Runs PostgreSQL's own SQL as it is (migrations), untranslated. */
  script(sql: string): void {
    const reply = this.send({ op: 'script', sql });
    if ('error' in reply) throw new PostgresError(reply.error, sql);
  }

  /** SQLite's connection settings have no meaning here; reading one answers nothing. */
  pragma(_setting: string): unknown[] {
    return [];
  }

  /** better-sqlite3's transaction(): the returned function runs `fn` in a transaction (a savepoint when nested). */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) & { deferred: (...args: A) => R; immediate: (...args: A) => R; exclusive: (...args: A) => R } {
    const run = (...args: A) => this.inTransactionRun(() => fn(...args));
    return Object.assign(run, { deferred: run, immediate: run, exclusive: run });
  }

  private inTransactionRun<R>(fn: () => R): R {
    if (this.depth > 0) {
      const name = `sb_sp${this.depth}`;
      this.exec(`SAVEPOINT ${name}`);
      this.depth++;
      try {
        const result = fn();
        this.exec(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        this.exec(`ROLLBACK TO SAVEPOINT ${name}`);
        this.exec(`RELEASE SAVEPOINT ${name}`);
        throw err;
      } finally {
        this.depth--;
      }
    }
    this.exec('BEGIN');
    this.depth++;
    try {
      this.takeWriterLock(LOCK_TIMEOUT_MS);
      const result = fn();
      if (result instanceof Promise) throw new BillingError('INTERNAL', 'a transaction function must be synchronous');
      this.exec('COMMIT');
      return result;
    } catch (err) {
      try {
        this.exec('ROLLBACK');
      } catch {
        // the connection is gone: the server rolled back already
      }
      throw err;
    } finally {
      this.depth--;
    }
  }

  close(): void {
    if (this.closed) return;
    try {
      this.send({ op: 'close' });
    } catch {
      // closing a broken connection
    }
    this.closed = true;
    void this.worker.terminate();
  }
}

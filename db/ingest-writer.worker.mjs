// The ingest writer: the insert loop (used inline by createDbSink) and the entry of the writer
// thread of createWorkerSink. Plain JavaScript on purpose: a worker that registered the TypeScript
// loader would start a second loader thread and transpile the db layer again (~30 MB RSS and a
// second of CPU per run); this file needs only better-sqlite3. Its SQL comes from db/ingest-store.ts,
// which derives it from the drizzle schema.
import Database from 'better-sqlite3';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

// Marks a NULL in an encoded row; a real value equal to it is never encoded (see encodeRow).
const NULL_FIELD = '\u0000';
const FIELD_SEPARATOR = '\u001f';

/** The row as one string for the trip to the writer thread, or null when a value cannot be encoded. */
export function encodeRow(values) {
  for (const v of values) if (typeof v === 'string' && (v === NULL_FIELD || v.indexOf(FIELD_SEPARATOR) !== -1)) return null;
  // join over a packed array builds one flat string (a holey array, or concatenation, was ~3x slower).
  return values.map(toField).join(FIELD_SEPARATOR);
}

const toField = (v) => (v === null || v === undefined ? NULL_FIELD : v);

/** The bind values of an encoded row (numbers come back as text; SQLite's INTEGER affinity stores them as integers). */
export function decodeRow(row) {
  if (typeof row !== 'string') return row;
  const values = row.split(FIELD_SEPARATOR);
  for (let i = 0; i < values.length; i++) if (values[i] === NULL_FIELD) values[i] = null;
  return values;
}

/** How long a writer keeps asking for the write lock before it gives up (past the busy timeout of each try). */
export const LOCK_WAIT_LIMIT_MS = 300_000;
/** The code of the error a writer throws when the lock stayed taken past LOCK_WAIT_LIMIT_MS. */
export const DATABASE_BUSY = 'SWITCHBOARD_DATABASE_BUSY';

/** True for SQLite's "the lock is taken" errors (SQLITE_BUSY*, SQLITE_LOCKED*). */
export const isLockError = (err) => typeof err?.code === 'string' && (err.code.startsWith('SQLITE_BUSY') || err.code.startsWith('SQLITE_LOCKED'));
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Opens a write transaction, waiting for the lock as long as it takes (up to `limitMs`): other
 * ingests, rating and billing runs take turns with it. IMMEDIATE takes the lock at BEGIN, where
 * SQLite's busy timeout applies; each try that still finds it taken is followed by a growing,
 * jittered pause, so several waiting writers do not retry in step. A wait is never an internal error.
 */
export function beginImmediate(sqlite, limitMs = LOCK_WAIT_LIMIT_MS) {
  const deadline = Date.now() + limitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      sqlite.exec('BEGIN IMMEDIATE');
      return;
    } catch (err) {
      if (!isLockError(err)) throw err;
      if (Date.now() >= deadline) {
        const busy = new Error(`the database stayed locked by another process for over ${Math.round(limitMs / 1000)} s; try again when it has finished`);
        busy.code = DATABASE_BUSY;
        throw busy;
      }
      pause(Math.min(1000, 25 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
    }
  }
}

/** Inserts events, quarantined lines and duplicates of one batch; see createRowWriter in ingest-store.ts. */
export function createRawRowWriter(sqlite, statements, batchId, commitEvery) {
  const insertEvent = sqlite.prepare(statements.insertEvent);
  const insertQuarantine = sqlite.prepare(statements.insertQuarantine);
  const insertDuplicate = sqlite.prepare(statements.insertDuplicate);
  const insertDictionary = sqlite.prepare(statements.insertDictionary);
  const findDictionary = sqlite.prepare(statements.findDictionary);
  const updateBatchRange = sqlite.prepare(statements.updateBatchRange);
  const { lineNo: LINE_NO, idemKey: IDEM_KEY } = statements.eventIndexes;
  let open = false;
  let sinceCommit = 0;
  // The ids this transaction gave events: contiguous, since it holds the write lock (see ingest_batches.first_event_id).
  let firstId = null;
  let lastId = null;
  const commit = () => {
    if (open) {
      if (firstId !== null) updateBatchRange.run(firstId, lastId, batchId);
      sqlite.exec('COMMIT');
    }
    open = false;
    sinceCommit = 0;
    firstId = lastId = null;
  };
  return {
    write(events, quarantined, dictionary = []) {
      if (!open) {
        beginImmediate(sqlite);
        open = true;
      }
      // The shared texts first named in this chunk, before the rows that name them.
      for (const [id, value] of dictionary) {
        if (insertDictionary.run(id, value).changes === 1) continue;
        if (findDictionary.get(id)?.value !== value) throw new Error(`usage dictionary id ${id} already names another text`);
      }
      const createdAt = new Date().toISOString();
      const acceptedNew = new Array(events.length);
      for (let i = 0; i < events.length; i++) {
        const values = events[i];
        const res = insertEvent.run(values);
        const inserted = res.changes === 1;
        if (inserted) {
          lastId = Number(res.lastInsertRowid);
          if (firstId === null) firstId = lastId;
        } else insertDuplicate.run(batchId, values[LINE_NO], values[IDEM_KEY], createdAt);
        acceptedNew[i] = inserted;
      }
      const quarantinedNew = quarantined.map((q) => {
        const inserted = insertQuarantine.get(batchId, q.lineNo, q.dedupKey, q.raw, q.reason, q.message, createdAt) !== undefined;
        if (!inserted) insertDuplicate.run(batchId, q.lineNo, q.dedupKey, createdAt);
        return inserted;
      });
      sinceCommit += events.length + quarantined.length;
      if (sinceCommit >= commitEvery) commit();
      return { acceptedNew, quarantinedNew };
    },
    commit,
    rollback() {
      if (open) sqlite.exec('ROLLBACK');
      open = false;
      sinceCommit = 0;
      firstId = lastId = null;
    },
  };
}

function runWriterThread({ dbPath, batchId, commitEvery, statements, pragmas }) {
  const sqlite = new Database(dbPath);
  for (const p of pragmas) sqlite.pragma(p);
  const writer = createRawRowWriter(sqlite, statements, batchId, commitEvery);
  parentPort.on('message', (m) => {
    let reply;
    try {
      if (m.type === 'write') reply = { id: m.id, ok: true, result: writer.write(m.events.map(decodeRow), m.quarantined, m.dictionary) };
      else {
        if (m.type === 'finish') writer.commit();
        else writer.rollback();
        reply = { id: m.id, ok: true };
      }
    } catch (err) {
      writer.rollback();
      reply = { id: m.id, ok: false, message: err.message, code: err.code };
    }
    parentPort.postMessage(reply);
    if (m.type !== 'write') {
      sqlite.close();
      parentPort.close();
    }
  });
}

if (!isMainThread && workerData?.role === 'switchboard-ingest-writer') runWriterThread(workerData);

// The connection thread of a synchronous PostgreSQL client (db/postgres/sync-client.ts). The db
// layer is synchronous, as better-sqlite3 is; node-postgres is asynchronous. This thread owns one
// node-postgres connection, runs each query it is sent and wakes the waiting caller through a
// shared flag (Atomics), which then takes the reply off its port with receiveMessageOnPort.
// Plain JavaScript on purpose, like db/ingest-writer.worker.mjs: a worker thread does not load
// the TypeScript loader.
import pg from 'pg';
import { workerData } from 'node:worker_threads';

const { url, schema, flag, port, applicationName } = workerData;
const done = new Int32Array(flag);

// Values as better-sqlite3 gives them: 64-bit integers and numerics as numbers (SQLite's INTEGER
// and REAL), booleans of expressions as 1 and 0 (SQLite has no boolean), JSON as its text.
const types = {
  getTypeParser(oid, format) {
    if (oid === 20 || oid === 1700) return (v) => (v === null ? null : Number(v));
    if (oid === 16) return (v) => (v === null ? null : v === 't' ? 1 : 0);
    if (oid === 114 || oid === 3802) return (v) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

const client = new pg.Client({ connectionString: url, types, application_name: applicationName });
const ready = client.connect().then(async () => {
  if (schema) {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quote(schema)}`).catch((err) => {
      // Two connections creating the same schema at once: one wins, the other finds it made.
      if (err.code !== '23505' && err.code !== '42P06') throw err;
    });
    await client.query(`SET search_path TO ${quote(schema)}`);
  }
});
// A connection lost between queries is reported at the next query, not as an unhandled error.
let lost = null;
client.on('error', (err) => {
  lost = err;
});

function quote(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

function reply(message) {
  port.postMessage(message);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}

function errorReply(err) {
  return {
    error: {
      message: err?.message ?? String(err),
      code: err?.code,
      detail: err?.detail,
      constraint: err?.constraint,
      table: err?.table,
      severity: err?.severity,
    },
  };
}

port.on('message', async (request) => {
  try {
    await ready;
    if (lost) throw lost;
    if (request.op === 'close') {
      await client.end();
      reply({ ok: true });
      return;
    }
    if (request.op === 'script') {
      await client.query(request.sql);
      reply({ ok: true, rows: [], rowCount: 0 });
      return;
    }
    const res = await client.query({ text: request.sql, values: request.params, rowMode: request.array ? 'array' : undefined });
    // A multi-statement text gives one result per statement; the last one is the answer.
    const last = Array.isArray(res) ? res[res.length - 1] : res;
    reply({ ok: true, rows: last.rows ?? [], rowCount: last.rowCount ?? 0, columns: last.fields?.map((f) => f.name) ?? [] });
  } catch (err) {
    reply(errorReply(err));
  }
});

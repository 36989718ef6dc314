import { Worker } from 'node:worker_threads';
import type { ChunkResult, IngestSink, QuarantinedRecord } from '../tools/cdr/ingest-sink.types.ts';
import { BillingError } from '../tools/errors.ts';
import { DEFAULT_COMMIT_EVERY, eventValues, writerStatements } from './ingest-store.ts';
import { lockAsConflict } from './database-busy.ts';
import { encodeRow, type EncodedRow, type WriterThreadData } from './ingest-writer.worker.mjs';
import { connectionPragmas } from './open-database.ts';
import { DictionaryTexts } from './usage-dictionary.ts';

export type WriterMessage =
  | { type: 'write'; id: number; events: EncodedRow[]; quarantined: QuarantinedRecord[]; dictionary: Array<[number, string]> }
  | { type: 'finish'; id: number }
  | { type: 'abort'; id: number };
export type WriterReply = { id: number; ok: true; result?: ChunkResult } | { id: number; ok: false; message: string; code?: string };

/**
 * The database side of the ingest pipeline on a writer thread: rows are built here and inserted
 * there, on its own connection to the same file, so the two cores share the work. Same semantics
 * as createDbSink (duplicates, commit every N records, rollback on abort).
 */
export function createWorkerSink(dbPath: string, batchId: number, tenant: string, options: { commitEvery?: number; cacheMb?: number } = {}): IngestSink {
  const workerData: WriterThreadData = {
    role: 'switchboard-ingest-writer',
    dbPath,
    batchId,
    commitEvery: options.commitEvery ?? DEFAULT_COMMIT_EVERY,
    statements: writerStatements(),
    // 24 MB of page cache: 48 MB inserted at most ~10% faster alone and not measurably faster end
    // to end (the pipeline thread is the slower one), for 24 MB more resident memory.
    pragmas: connectionPragmas(options.cacheMb ?? 24),
  };
  const worker = new Worker(new URL('./ingest-writer.worker.mjs', import.meta.url), {
    workerData,
    // The writer holds only the chunks in flight (strings, dead once bound): a small heap keeps the
    // process's memory flat and costs no speed (measured against 64/16 MB).
    resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 },
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: WriterReply) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  worker.on('message', (reply: WriterReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    waiter?.resolve(reply);
  });
  const failAll = (err: Error) => {
    failure = err;
    for (const w of pending.values()) w.reject(err);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => {
    if (pending.size) failAll(new BillingError('INTERNAL', `ingest writer thread exited (code ${code}) with writes pending`));
  });

  const send = (message: WriterMessage): Promise<WriterReply> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      pending.set(message.id, { resolve, reject });
      worker.postMessage(message);
    });
  // Not async: an async frame would keep the message (and every row in it) alive until the writer
  // answers, long enough for V8 to promote it all to the old generation.
  const settle = (message: WriterMessage): Promise<ChunkResult | undefined> =>
    send(message).then((reply) => {
      if (!reply.ok) {
        // A lock the writer waited out in vain is a conflict; anything else is the writer's defect.
        const err = Object.assign(new Error(reply.message), { code: reply.code });
        const conflict = lockAsConflict(err);
        throw conflict !== err ? conflict : new BillingError('INTERNAL', `ingest writer: ${reply.message}`);
      }
      return reply.result;
    });

  const texts = new DictionaryTexts();
  return {
    writeChunk(accepted, quarantined) {
      const now = Date.now();
      // One string per row crosses to the thread far cheaper than an array of 32 values (the
      // structured clone of many small strings cost more than the inserts it fed).
      const events = accepted.map((a) => {
        const values = eventValues(batchId, tenant, a, now, texts);
        return encodeRow(values) ?? values;
      });
      return settle({ type: 'write', id: nextId++, events, quarantined, dictionary: texts.drain() }) as Promise<ChunkResult>;
    },
    async finish() {
      await settle({ type: 'finish', id: nextId++ });
      await worker.terminate().catch(() => 0);
    },
    async abort() {
      if (!failure) await settle({ type: 'abort', id: nextId++ }).catch(() => undefined);
      await worker.terminate();
    },
  };
}

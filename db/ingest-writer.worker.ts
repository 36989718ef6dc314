// The writer thread of createWorkerSink: owns its own connection and does the SQLite inserts, so
// parsing, classification and rating on the main thread run on the other core.
import { parentPort, workerData } from 'node:worker_threads';
import { createRowWriter } from './ingest-store.ts';
import { openDatabase } from './open-database.ts';
import type { WriterMessage, WriterReply } from './create-worker-sink.ts';

const { dbPath, batchId, commitEvery } = workerData as { dbPath: string; batchId: number; commitEvery?: number };
const store = openDatabase(dbPath, { cacheMb: 48 });
const writer = createRowWriter(store, batchId, { commitEvery });

parentPort!.on('message', (m: WriterMessage) => {
  let reply: WriterReply;
  try {
    if (m.type === 'write') reply = { id: m.id, ok: true, result: writer.write(m.events, m.quarantined) };
    else if (m.type === 'finish') {
      writer.commit();
      reply = { id: m.id, ok: true };
    } else {
      writer.rollback();
      reply = { id: m.id, ok: true };
    }
  } catch (err) {
    writer.rollback();
    reply = { id: m.id, ok: false, message: (err as Error).message };
  }
  parentPort!.postMessage(reply);
  if (m.type !== 'write') {
    store.close();
    parentPort!.close();
  }
});

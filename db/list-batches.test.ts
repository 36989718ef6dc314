import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBatch, finishBatch } from './ingest-store.ts';
import { listBatches, unfinishedBatches } from './list-batches.ts';
import { openBatch } from './open-batch.ts';
import { createTempStore } from './testing/create-temp-store.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

const input = { sourceName: 'asterisk', format: 'asterisk', path: '/data/Master.csv', parserOptions: {} };

describe('batch states (real SQLite, real lease files)', () => {
  it('running while its lease is held; interrupted once it is not; done when finished', () => {
    const live = openBatch(store, input);
    const stale = createBatch(store, { ...input, path: '/data/other.csv', fileSha256: null }); // a row whose process never held (or lost) a lease
    expect(listBatches(store).map((b) => [b.id, b.state])).toEqual([
      [live.batchId, 'running'],
      [stale, 'interrupted'],
    ]);
    expect(unfinishedBatches(store)).toMatchObject({ running: [{ id: live.batchId }], interrupted: [{ id: stale }] });
    finishBatch(store, live.batchId, { read: 0, accepted: 0, duplicates: 0, quarantined: 0 });
    live.lease.release();
    expect(listBatches(store)[0]!.state).toBe('done');
  });

  it('the next ingest of an interrupted file resumes it, closes it with what it committed, and only once', () => {
    const first = openBatch(store, input);
    store.sqlite.prepare("insert into quarantine (batch_id, line_no, dedup_key, raw, reason, message, status, created_at) values (?, 1, 'k1', 'x', 'R', 'm', 'open', 'now')").run(first.batchId);
    first.lease.release(); // as the kernel does when its process is killed
    const second = openBatch(store, input);
    expect(second.resumes).toMatchObject({ batchId: first.batchId, events: 0, quarantined: 1, duplicates: 0 });
    const [old] = listBatches(store);
    expect([old!.state, old!.read, old!.quarantined, old!.resumedBy]).toEqual(['interrupted', 1, 1, second.batchId]);
    expect(unfinishedBatches(store).interrupted).toEqual([]);
    // a second ingest while the resuming one still runs resumes nothing
    expect(openBatch(store, input).resumes).toBeNull();
  });
});

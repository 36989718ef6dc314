import { Annotation, END, START, StateGraph } from '@langchain/langgraph';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneCheckpoints } from '../db/index.ts';
import { createTempStore } from '../db/testing/create-temp-store.ts';
import { createCheckpointer } from './checkpointer.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

const Count = Annotation.Root({ n: Annotation<number>({ reducer: (a, b) => a + b, default: () => 0 }) });
const graph = () =>
  new StateGraph(Count)
    .addNode('add', () => ({ n: 1 }))
    .addEdge(START, 'add')
    .addEdge('add', END)
    .compile({ checkpointer: createCheckpointer(store) });
const rows = (thread: string) => Number((store.sqlite.prepare('select count(*) n from checkpoints where thread_id = ?').get(thread) as { n: number }).n);

describe("pruneCheckpoints (the books' real saver: SqliteSaver, or PostgresSaver on PostgreSQL)", () => {
  it("keeps each thread's latest checkpoint, and everything newer than the cutoff", async () => {
    expect(pruneCheckpoints(store, new Date())).toBe(0);
    for (const thread of ['a', 'a', 'a', 'b']) await graph().invoke({ n: 0 }, { configurable: { thread_id: thread } });
    const before = { a: rows('a'), b: rows('b') };
    expect(before.a).toBeGreaterThan(3);
    // A cutoff in the past removes nothing.
    expect(pruneCheckpoints(store, new Date(Date.now() - 86_400_000))).toBe(0);
    const removed = pruneCheckpoints(store, new Date(Date.now() + 1000));
    expect(removed).toBe(before.a - 1 + before.b - 1);
    expect([rows('a'), rows('b')]).toEqual([1, 1]);
    // The thread still reads and goes on from its latest state.
    const a = graph();
    expect((await a.getState({ configurable: { thread_id: 'a' } })).values).toEqual({ n: 3 });
    await a.invoke({ n: 0 }, { configurable: { thread_id: 'a' } });
    expect((await a.getState({ configurable: { thread_id: 'a' } })).values).toEqual({ n: 4 });
    // Each saver keeps pending writes in its own table: SqliteSaver's writes, PostgresSaver's checkpoint_writes.
    const writes = store.dialect === 'postgres' ? 'checkpoint_writes' : 'writes';
    const orphans = store.sqlite
      .prepare(`select count(*) n from ${writes} w where not exists (select 1 from checkpoints c where c.thread_id = w.thread_id and c.checkpoint_id = w.checkpoint_id)`)
      .get() as { n: number };
    expect(Number(orphans.n)).toBe(0);
    expect(Number((store.sqlite.prepare(`select count(*) n from ${writes}`).get() as { n: number }).n)).toBeGreaterThan(0);
  });
});

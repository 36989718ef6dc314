import type { Store } from './open-database.ts';

/**
 * Deletes LangGraph checkpoints older than `before`, with their pending writes, except each
 * thread's latest (what a resumed run, a waiting approval or a chat thread reads). Checkpoint
 * ids are time-ordered (uuid6), so the latest is the greatest, as the saver itself reads them.
 * Returns how many checkpoints went. The tables are the saver's own and exist once it has run.
 */
export function pruneCheckpoints(store: Store, before: Date): number {
  if (store.dialect === 'postgres') return prunePostgresCheckpoints(store, before);
  const has = store.sqlite.prepare("select count(*) n from sqlite_master where type = 'table' and name in ('checkpoints', 'writes')").get() as { n: number };
  if (has.n < 2) return 0;
  const old = `
    select c.thread_id, c.checkpoint_ns, c.checkpoint_id from checkpoints c
    where json_extract(cast(c.checkpoint as text), '$.ts') < ?
      and c.checkpoint_id < (select max(l.checkpoint_id) from checkpoints l where l.thread_id = c.thread_id and l.checkpoint_ns = c.checkpoint_ns)`;
  const cutoff = before.toISOString();
  return store.sqlite.transaction(() => {
    store.sqlite.prepare(`delete from writes where (thread_id, checkpoint_ns, checkpoint_id) in (${old})`).run(cutoff);
    return store.sqlite.prepare(`delete from checkpoints where (thread_id, checkpoint_ns, checkpoint_id) in (${old})`).run(cutoff).changes;
  })();
}

/**
 * The same on PostgreSQL, over PostgresSaver's tables (checkpoints, checkpoint_writes). Channel
 * blobs are shared between a thread's checkpoints by version and stay (docs/postgres.md).
 */
function prunePostgresCheckpoints(store: Store, before: Date): number {
  const has = store.sqlite.prepare("select count(*) n from information_schema.tables where table_schema = current_schema() and table_name in ('checkpoints', 'checkpoint_writes')").get() as {
    n: number;
  };
  if (has.n < 2) return 0;
  const old = `
    select c.thread_id, c.checkpoint_ns, c.checkpoint_id from checkpoints c
    where (c.checkpoint ->> 'ts') < ?
      and c.checkpoint_id < (select max(l.checkpoint_id) from checkpoints l where l.thread_id = c.thread_id and l.checkpoint_ns = c.checkpoint_ns)`;
  const cutoff = before.toISOString();
  return store.sqlite.transaction(() => {
    store.sqlite.prepare(`delete from checkpoint_writes where (thread_id, checkpoint_ns, checkpoint_id) in (${old})`).run(cutoff);
    return store.sqlite.prepare(`delete from checkpoints where (thread_id, checkpoint_ns, checkpoint_id) in (${old})`).run(cutoff).changes;
  })();
}

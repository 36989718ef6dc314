import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import pg from 'pg';
import type { Store } from '../db/index.ts';

const savers = new WeakMap<Store['sqlite'], BaseCheckpointSaver>();

/**
 * PostgresSaver that creates its tables before its first use: LangGraph asks for an awaited
 * setup() once, and a graph is built synchronously where the store is opened.
 */
class BooksPostgresSaver extends PostgresSaver {
  private ready: Promise<void> | undefined;
  private prepared(): Promise<void> {
    // Two processes creating the tables at once: the loser finds them made on a second try.
    this.ready ??= this.setup().catch((err: { code?: string }) => {
      if (err.code === '23505' || err.code === '42P07') return this.setup();
      throw err;
    });
    return this.ready;
  }
  override async getTuple(...args: Parameters<PostgresSaver['getTuple']>) {
    await this.prepared();
    return super.getTuple(...args);
  }
  override async *list(...args: Parameters<PostgresSaver['list']>) {
    await this.prepared();
    yield* super.list(...args);
  }
  override async put(...args: Parameters<PostgresSaver['put']>) {
    await this.prepared();
    return super.put(...args);
  }
  override async putWrites(...args: Parameters<PostgresSaver['putWrites']>) {
    await this.prepared();
    return super.putWrites(...args);
  }
  override async deleteThread(...args: Parameters<PostgresSaver['deleteThread']>) {
    await this.prepared();
    return super.deleteThread(...args);
  }
}

/**
 * The LangGraph checkpointer in the same books as the billing data, so a conversation or a
 * pending approval survives a restart and backs up with everything else: on SQLite the saver's
 * own tables (`checkpoints`, `writes`) in the same file; on PostgreSQL LangGraph's PostgresSaver
 * in the books' schema.
 */
export function createCheckpointer(store: Store): BaseCheckpointSaver {
  let saver = savers.get(store.sqlite);
  if (!saver) {
    if (store.postgres) {
      // A small pool that lets the process end when idle: graphs run a few at a time per process.
      const pool = new pg.Pool({ connectionString: store.postgres.url, max: 4, idleTimeoutMillis: 5_000, allowExitOnIdle: true });
      saver = new BooksPostgresSaver(pool, undefined, { schema: store.postgres.schema });
    } else {
      saver = new SqliteSaver(store.sqlite);
    }
    savers.set(store.sqlite, saver);
  }
  return saver;
}

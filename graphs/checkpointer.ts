import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import type { Store } from '../db/index.ts';

const savers = new WeakMap<Store['sqlite'], SqliteSaver>();

/**
 * The LangGraph checkpointer on the same SQLite file as the billing data (its own tables,
 * `checkpoints` and `writes`), so a conversation or a pending approval survives a restart and
 * backs up with everything else.
 */
export function createCheckpointer(store: Store): SqliteSaver {
  let saver = savers.get(store.sqlite);
  if (!saver) {
    saver = new SqliteSaver(store.sqlite);
    savers.set(store.sqlite, saver);
  }
  return saver;
}

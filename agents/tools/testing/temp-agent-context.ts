import { saveUser } from '../../../db/index.ts';
import { createTempStore } from '../../../db/testing/create-temp-store.ts';
import type { AgentContext } from '../../context.ts';

/** An analyst's agent context on a fresh temporary SQLite file; `cleanup` deletes the file. */
export function createTempAgentContext(): { ctx: AgentContext; cleanup(): void } {
  const store = createTempStore();
  const user = saveUser(store, { id: 'alice', tenant: 't', name: 'Alice', roles: ['analyst'] });
  return { ctx: { store, user, threadId: 'thread-1', today: '2025-03-01', utterance: 'check it', requesterKind: 'analyst' }, cleanup: () => store.cleanup() };
}

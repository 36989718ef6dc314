import { Annotation, MessagesAnnotation } from '@langchain/langgraph';
import type { AgentName } from '../../agents/context.ts';

/**
 * The supervisor thread's state: the conversation, who is handling the current request, and the
 * ids of proposals made in the thread. Tool results are summaries and ids, never CDR batches.
 */
export const SupervisorState = Annotation.Root({
  ...MessagesAnnotation.spec,
  activeAgent: Annotation<AgentName | 'supervisor'>({ reducer: (_a, b) => b, default: () => 'supervisor' }),
  proposalIds: Annotation<number[]>({ reducer: (a, b) => [...new Set([...a, ...b])], default: () => [] }),
});
export type SupervisorStateType = typeof SupervisorState.State;

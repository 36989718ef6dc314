import type { BaseMessage } from '@langchain/core/messages';
import { saveUser, type Store, type UserRecord } from '../../../db/index.ts';
import type { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { BILLING_CDRS, ingestAndRate, setUpBillingOperator } from '../../../cli/commands/testing/billing-setup.ts';
import { RulesChatModel } from '../../../agents/model/index.ts';
import type { AgentContext } from '../../../agents/context.ts';
import { buildSupervisorGraph } from '../graph.ts';
import { runChatTurn, type ChatTurnResult } from '../run-chat-turn.ts';
import { billPeriod } from '../../../app/billing/index.ts';

type TempStore = ReturnType<typeof createTempStore>;

/** The offline model every chat test uses (no API key). */
export const model = new RulesChatModel({});

/** "Today" of the chat tests: INV-000001 (issued 2025-04-01) is open, not yet due. */
export const TODAY = '2025-04-05';

const HEADER = BILLING_CDRS[0]!;

/** A1's April: a 20-minute call to a UK mobile and a 10-minute call to a French mobile. */
export const APRIL_CDRS = [
  HEADER,
  'a1,voice,outbound,447700900123,,,,+447812345678,2025-04-03T10:00:00Z,1200,answered,,',
  'a2,voice,outbound,447700900123,,,,+33612345678,2025-04-04T10:00:00Z,600,answered,,',
];

/** A call of A1 to a number the classifier cannot read (unclassified, with a note) and a line the reader cannot parse (quarantined). */
export const UNREADABLE_CDRS = [HEADER, 'u1,voice,outbound,447700900123,,,,12#34,2025-04-06T10:00:00Z,60,answered,,premium rate quiz line', 'this line is not a CDR'];

/** The people of tenant t: an analyst who is also an approver, two approvers, an analyst without the approver role. */
export interface ChatUsers {
  alice: UserRecord;
  bob: UserRecord;
  carol: UserRecord;
  dan: UserRecord;
}

/**
 * The operator of cli/commands/testing/billing-setup.ts with March rated and billed (INV-000001 for
 * A1: 12.35, INV-000002 for A2) and its users.
 */
export async function setUpChat(store: TempStore): Promise<ChatUsers> {
  setUpBillingOperator(store);
  await ingestAndRate(store);
  billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  return {
    alice: saveUser(store, { id: 'alice', tenant: 't', name: 'Alice Analyst', roles: ['analyst', 'approver'] }),
    bob: saveUser(store, { id: 'bob', tenant: 't', name: 'Bob Approver', roles: ['approver'] }),
    carol: saveUser(store, { id: 'carol', tenant: 't', name: 'Carol Approver', roles: ['approver', 'analyst'] }),
    dan: saveUser(store, { id: 'dan', tenant: 't', name: 'Dan Analyst', roles: ['analyst'] }),
  };
}

/** A second month for A1: April's usage (plus any extra lines), rated and billed. */
export async function billApril(store: TempStore, extra: string[] = []): Promise<void> {
  await ingestAndRate(store, [...APRIL_CDRS, ...extra]);
  billPeriod(store, { period: '2025-04', timezone: 'UTC', issueDate: '2025-05-01' });
}

/** One chat turn with the offline model. */
export function chat(store: Store, user: UserRecord, message: string, threadId?: string, today = TODAY): Promise<ChatTurnResult> {
  return runChatTurn({ store, user, message, model, today, ...(threadId ? { threadId } : {}) });
}

/** The names of the tools a turn ran, in order. */
export const toolNames = (r: ChatTurnResult) => r.tools.map((t) => t.name);

/** A chat thread's checkpointed messages, read through the supervisor graph as a later process would. */
export async function threadMessages(store: Store, user: UserRecord, threadId: string): Promise<BaseMessage[]> {
  const ctx: AgentContext = { store, user, threadId, today: TODAY, utterance: '', requesterKind: 'analyst' };
  const state = await buildSupervisorGraph(ctx, model).getState({ configurable: { thread_id: threadId } });
  return (state.values as { messages?: BaseMessage[] }).messages ?? [];
}

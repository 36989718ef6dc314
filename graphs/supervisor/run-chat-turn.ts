import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { appendAudit, claimChatThread, getProposal, type Store, type UserRecord } from '../../db/index.ts';
import { countModelUsage, type ModelUsageSnapshot } from '../../agents/model/index.ts';
import type { AgentContext } from '../../agents/context.ts';
import { BillingError } from '../../tools/errors.ts';
import { decideProposal, openApproval } from '../approval/index.ts';
import type { ApprovalResponse } from '../../tools/approval/index.ts';
import { buildSupervisorGraph, isCustomer } from './graph.ts';
import { proposalIdsIn } from './nodes.ts';

/** One analyst message to the supervisor. */
export interface ChatTurnInput {
  store: Store;
  /** The authenticated user: identity, tenant and roles for every tool call of the turn. */
  user: UserRecord;
  message: string;
  threadId?: string;
  model: BaseChatModel;
  today?: string;
  /** Called with each piece of the answer as the model writes it (interactive chat). */
  onToken?: (piece: string) => void;
  /** Called as the turn goes: answer pieces, the agent that takes over, each tool step, each proposal made (the API streams them). */
  onEvent?: (event: ChatTurnEvent) => void;
}

/** One step of a turn as it happens. */
export type ChatTurnEvent =
  | { type: 'token'; text: string }
  | { type: 'agent'; agent: string }
  | { type: 'tool'; name: string; ok: boolean }
  | { type: 'proposal'; id: number; kind: string; status: string; summary: string; amount: string; currency: string };

/** What a turn did: the answer, who worked on it, which tools ran, what was proposed, what it cost. */
export interface ChatTurnResult {
  threadId: string;
  answer: string;
  agents: string[];
  tools: Array<{ name: string; ok: boolean }>;
  proposals: Array<{ id: number; kind: string; status: string; summary: string; amount: string; currency: string; requiredApprovals: number }>;
  usage: ModelUsageSnapshot;
}

const MAX_MESSAGE_CHARS = 4000;
const text = (m: BaseMessage) => (typeof m.content === 'string' ? m.content : m.content.map((c) => ('text' in c ? c.text : '')).join(''));
// Refused by the tool ({"error"}) or by the tool node (unknown tool, arguments off the schema: status error).
const toolOk = (m: ToolMessage) => m.status !== 'error' && !text(m).startsWith('{"error"');

/**
 * Runs one turn of a conversation through the supervisor graph, in the user's thread (checkpointed,
 * so `--thread` continues it after a restart), with every tool bound to the user's context.
 */
export async function runChatTurn(input: ChatTurnInput): Promise<ChatTurnResult> {
  const message = input.message.trim();
  if (!message) throw new BillingError('INVALID_INPUT', 'say something');
  if (message.length > MAX_MESSAGE_CHARS) throw new BillingError('INVALID_INPUT', `a message is at most ${MAX_MESSAGE_CHARS} characters`);
  const { store, user } = input;
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const customer = isCustomer(user);
  const threadId = claimChatThread(store, { tenant: user.tenant, userId: user.id, customer }, input.threadId, message);
  const approvalDeps = { store, tenant: user.tenant, today };
  const ctx: AgentContext = {
    store,
    user,
    threadId,
    today,
    utterance: message,
    requesterKind: 'analyst',
    onProposal: (id) => openApproval(approvalDeps, id),
    // A customer decides nothing: their turn has no decision hook at all.
    ...(customer ? {} : { decide: (id: number, response: ApprovalResponse) => decideProposal({ ...approvalDeps, actor: user }, id, response) }),
  };
  const graph = buildSupervisorGraph(ctx, input.model);
  const usage = countModelUsage();
  const config = { configurable: { thread_id: threadId }, callbacks: [usage], recursionLimit: 40 };
  const before = ((await graph.getState(config)).values as { messages?: BaseMessage[] }).messages?.length ?? 0;
  const turnInput = { messages: [new HumanMessage(message)] };
  if (input.onToken || input.onEvent) {
    const emit = input.onEvent ?? (() => {});
    const seen = new Set<number>();
    emit({ type: 'agent', agent: 'supervisor' });
    for await (const [chunk, meta] of await graph.stream(turnInput, { ...config, streamMode: 'messages' })) {
      const node = (meta as { langgraph_node?: string }).langgraph_node ?? '';
      if (AIMessageChunk.isInstance(chunk) && !node.endsWith('_tools') && typeof chunk.content === 'string' && chunk.content) {
        input.onToken?.(chunk.content);
        emit({ type: 'token', text: chunk.content });
      } else if (ToolMessage.isInstance(chunk)) {
        if (chunk.name?.startsWith('transfer_to_')) emit({ type: 'agent', agent: chunk.name.slice('transfer_to_'.length) });
        else emit({ type: 'tool', name: chunk.name ?? '', ok: toolOk(chunk) });
        for (const id of proposalIdsIn([chunk]).filter((x) => !seen.has(x))) {
          seen.add(id);
          const p = getProposal(store, user.tenant, id);
          emit({ type: 'proposal', id: p.id, kind: p.kind, status: p.status, summary: p.summary, amount: p.amount, currency: p.currency });
        }
      }
    }
  } else {
    await graph.invoke(turnInput, config);
  }
  const state = (await graph.getState(config)).values as { messages: BaseMessage[] };
  const turn = state.messages.slice(before + 1);
  const agents = ['supervisor'];
  const tools: ChatTurnResult['tools'] = [];
  for (const m of turn) {
    if (!ToolMessage.isInstance(m)) continue;
    if (m.name?.startsWith('transfer_to_')) agents.push(m.name.slice('transfer_to_'.length));
    else {
      tools.push({ name: m.name ?? '', ok: toolOk(m) });
      // Refused before any tool code ran (unknown to the agent, arguments outside its schema): the
      // tool could not audit it, so the turn does.
      if (m.status === 'error')
        appendAudit(store, {
          tenant: user.tenant,
          actor: user.id,
          actorKind: 'agent',
          threadId,
          event: 'tool_error',
          subject: m.name ?? 'unknown',
          detail: { refusedBy: 'tool node', message: text(m).slice(0, 500) },
        });
    }
  }
  const last = [...turn].reverse().find((m) => AIMessage.isInstance(m) && !m.tool_calls?.length);
  return {
    threadId,
    answer: last ? text(last) : '',
    agents,
    tools,
    proposals: proposalIdsIn(turn)
      .map((id) => getProposal(store, user.tenant, id))
      .map((p) => ({ id: p.id, kind: p.kind, status: p.status, summary: p.summary, amount: p.amount, currency: p.currency, requiredApprovals: p.requiredApprovals })),
    usage: usage.snapshot(),
  };
}

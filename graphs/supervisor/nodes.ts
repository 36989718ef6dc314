import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { tool, type StructuredToolInterface } from '@langchain/core/tools';
import { Command, END } from '@langchain/langgraph';
import { z } from 'zod';
import { AGENT_NAMES, type AgentName } from '../../agents/context.ts';
import { AGENT_ROLES, customerPrompt, specialistPrompt, supervisorPrompt } from '../../agents/prompts.ts';
import type { SupervisorStateType } from './state.ts';

/** The handoff tools the supervisor routes with; the graph acts on them, they never run. */
export function handoffTools(): StructuredToolInterface[] {
  return AGENT_NAMES.map(
    (name) =>
      tool(async () => `Transferred to ${name}`, {
        name: `transfer_to_${name}`,
        description: `Hand the analyst's request to the ${AGENT_ROLES[name]}`,
        schema: z.object({ task: z.string().max(500).describe('the request, in a sentence') }).strict(),
      }) as unknown as StructuredToolInterface,
  );
}

/**
 * What a model is shown: earlier turns as the analyst's questions and the final answers only (their
 * tool calls and bulky tool results dropped, so a long thread does not grow the prompt without
 * bound), and the current turn in full.
 */
export function modelContext(messages: BaseMessage[]): BaseMessage[] {
  let start = messages.length - 1;
  while (start > 0 && !HumanMessage.isInstance(messages[start]!)) start -= 1;
  const earlier = messages.slice(0, start).filter((m) => HumanMessage.isInstance(m) || (AIMessage.isInstance(m) && !m.tool_calls?.length && String(m.content).length > 0));
  return [...earlier, ...messages.slice(start)];
}

/** The model bound to a set of tools, one call at a time. */
function bound(model: BaseChatModel, tools: StructuredToolInterface[]) {
  return model.bindTools!(tools, { parallel_tool_calls: false } as never);
}

/** Proposal ids named in tool results (proposal tools answer with `"proposalId": N`). */
export function proposalIdsIn(messages: BaseMessage[]): number[] {
  const ids = new Set<number>();
  for (const m of messages) if (ToolMessage.isInstance(m)) for (const x of String(m.content).matchAll(/"proposalId":(\d+)/g)) ids.add(Number(x[1]));
  return [...ids];
}

/** Proposal ids in the tool results since the agent last spoke (kept in state as ids only). */
function newProposalIds(messages: BaseMessage[]): number[] {
  let i = messages.length;
  while (i > 0 && ToolMessage.isInstance(messages[i - 1]!)) i -= 1;
  return proposalIdsIn(messages.slice(i));
}

/**
 * The supervisor: hands the request to one specialist (Command goto with the handoff's tool
 * message), uses its own proposal tools, or answers (help, a question back).
 */
export function supervisorNode(model: BaseChatModel, ownTools: StructuredToolInterface[]) {
  const runnable = bound(model, [...handoffTools(), ...ownTools]);
  return async (state: SupervisorStateType) => {
    const ai = (await runnable.invoke([new SystemMessage(supervisorPrompt()), ...modelContext(state.messages)])) as AIMessage;
    const calls = ai.tool_calls ?? [];
    const handoff = calls.find((c) => c.name.startsWith('transfer_to_'));
    const proposalIds = newProposalIds(state.messages);
    if (handoff) {
      const target = handoff.name.slice('transfer_to_'.length) as AgentName;
      // Every tool call needs its answer; only the first handoff is taken (one agent at a time).
      const replies = calls.map((c) => new ToolMessage({ content: c === handoff ? `Transferred to ${target}` : 'Not run: one tool call at a time.', tool_call_id: c.id!, name: c.name }));
      return new Command({ goto: target, update: { messages: [ai, ...replies], activeAgent: target, proposalIds } });
    }
    return new Command({ goto: calls.length ? 'supervisor_tools' : END, update: { messages: [ai], activeAgent: 'supervisor' as const, proposalIds } });
  };
}

/** A specialist's model step: it sees the conversation and its own tools only. */
export function specialistNode(agent: AgentName, model: BaseChatModel, tools: StructuredToolInterface[]) {
  const runnable = bound(model, tools);
  return async (state: SupervisorStateType) => {
    const ai = (await runnable.invoke([new SystemMessage(specialistPrompt(agent)), ...modelContext(state.messages)])) as AIMessage;
    return { messages: [ai], proposalIds: newProposalIds(state.messages) };
  };
}

/** After a specialist speaks: run its tool call, or end the turn with its answer. */
export function routeSpecialist(agent: AgentName) {
  return (state: SupervisorStateType): string => {
    const last = state.messages[state.messages.length - 1];
    return last && AIMessage.isInstance(last) && (last.tool_calls?.length ?? 0) > 0 ? `${agent}_tools` : END;
  };
}

/** The supervisor serving a customer: the customer prompt and the customer toolset, nothing to hand over. */
export function customerNode(model: BaseChatModel, tools: StructuredToolInterface[]) {
  const runnable = bound(model, tools);
  return async (state: SupervisorStateType) => {
    const ai = (await runnable.invoke([new SystemMessage(customerPrompt()), ...modelContext(state.messages)])) as AIMessage;
    return { messages: [ai], activeAgent: 'supervisor' as const, proposalIds: newProposalIds(state.messages) };
  };
}

/** After the customer's assistant speaks: run its tool call, or end the turn with its answer. */
export function routeCustomer(state: SupervisorStateType): string {
  const last = state.messages[state.messages.length - 1];
  return last && AIMessage.isInstance(last) && (last.tool_calls?.length ?? 0) > 0 ? 'supervisor_tools' : END;
}

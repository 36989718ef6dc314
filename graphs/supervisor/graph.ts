import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { END, START, StateGraph } from '@langchain/langgraph';
import { ToolNode } from '@langchain/langgraph/prebuilt';
import { AGENT_NAMES, type AgentContext } from '../../agents/context.ts';
import { toolsFor } from '../../agents/specialists.ts';
import { customerTools } from '../../agents/tools/customer-tools.ts';
import type { UserRecord } from '../../db/index.ts';
import { createCheckpointer } from '../checkpointer.ts';
import { customerNode, routeCustomer, routeSpecialist, specialistNode, supervisorNode } from './nodes.ts';
import { SupervisorState } from './state.ts';

/** A customer of the portal (their own account only), as opposed to the operator's staff. */
export function isCustomer(user: Pick<UserRecord, 'roles' | 'accountId'>): boolean {
  return user.roles.includes('customer') || user.accountId !== undefined;
}

/**
 * The supervisor serving a customer: one step over the customer toolset only (their own account's
 * reads, and cases for analysts), no handoffs to staff specialists, checkpointed like any thread.
 */
export function buildCustomerGraph(ctx: AgentContext, model: BaseChatModel) {
  const tools = customerTools(ctx).map((t) => t.tool);
  return new StateGraph(SupervisorState)
    .addNode('supervisor', customerNode(model, tools))
    .addNode('supervisor_tools', new ToolNode(tools))
    .addEdge(START, 'supervisor')
    .addConditionalEdges('supervisor', routeCustomer, ['supervisor_tools', END])
    .addEdge('supervisor_tools', 'supervisor')
    .compile({ checkpointer: createCheckpointer(ctx.store) });
}

/**
 * The supervisor chat graph: a supervisor that routes each request to one of five specialists
 * (handoffs with Command), each a model step and a tool step over its own least-privilege tools,
 * all bound to the run's authenticated context, checkpointed per thread in SQLite.
 */
export function buildSupervisorGraph(ctx: AgentContext, model: BaseChatModel) {
  // The toolset follows the stored user: a customer never gets a staff tool, whatever they write.
  if (isCustomer(ctx.user)) return buildCustomerGraph(ctx, model) as unknown as ReturnType<typeof buildStaffGraph>;
  return buildStaffGraph(ctx, model);
}

function buildStaffGraph(ctx: AgentContext, model: BaseChatModel) {
  const own = toolsFor('supervisor', ctx).map((t) => t.tool);
  const graph = new StateGraph(SupervisorState)
    .addNode('supervisor', supervisorNode(model, own), { ends: [...AGENT_NAMES, 'supervisor_tools', END] })
    .addNode('supervisor_tools', new ToolNode(own))
    .addEdge(START, 'supervisor')
    .addEdge('supervisor_tools', 'supervisor');
  for (const agent of AGENT_NAMES) {
    // Node names added in a loop are not tracked by StateGraph's types (they are literal-typed only
    // when chained one by one), hence the casts on the edges below; the names are checked at compile().
    const tools = toolsFor(agent, ctx).map((t) => t.tool);
    graph
      .addNode(agent, specialistNode(agent, model, tools))
      .addNode(`${agent}_tools`, new ToolNode(tools))
      .addConditionalEdges(agent as never, routeSpecialist(agent), [`${agent}_tools`, END] as never)
      .addEdge(`${agent}_tools` as never, agent as never);
  }
  return graph.compile({ checkpointer: createCheckpointer(ctx.store) });
}

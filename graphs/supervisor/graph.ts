import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { END, START, StateGraph } from '@langchain/langgraph';
import { ToolNode } from '@langchain/langgraph/prebuilt';
import { AGENT_NAMES, type AgentContext } from '../../agents/context.ts';
import { toolsFor } from '../../agents/specialists.ts';
import { createCheckpointer } from '../checkpointer.ts';
import { routeSpecialist, specialistNode, supervisorNode } from './nodes.ts';
import { SupervisorState } from './state.ts';

/**
 * The supervisor chat graph: a supervisor that routes each request to one of five specialists
 * (handoffs with Command), each a model step and a tool step over its own least-privilege tools,
 * all bound to the run's authenticated context, checkpointed per thread in SQLite.
 */
export function buildSupervisorGraph(ctx: AgentContext, model: BaseChatModel) {
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

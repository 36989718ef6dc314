import type { z } from 'zod';
import { createContext, runOperation, systemClock, type Operation, type OperationContext } from '../../app/index.ts';
import type { AgentContext, AgentName } from '../context.ts';
import { defineAgentTool, type AgentTool, type ToolKind } from './define-agent-tool.ts';

/** The operation context of an agent run: the person it acts for, as an agent, on the run's day. */
export function agentOperationContext(ctx: AgentContext, agent: AgentName | 'supervisor'): OperationContext {
  return createContext({
    store: ctx.store,
    actor: {
      id: ctx.user.id,
      kind: 'agent',
      tenant: ctx.user.tenant,
      roles: ctx.user.roles,
      ...(ctx.user.accountId ? { accountId: ctx.user.accountId } : {}),
      agent: { name: agent, threadId: ctx.threadId, onBehalfOf: ctx.user.id },
    },
    clock: systemClock(ctx.today),
  });
}

/**
 * An agent tool over an operation: the model's arguments (a strict schema, by default the
 * operation's own input) become the operation's input, and its output is what the model reads,
 * optionally reshaped for it. The operation does every check; this adds none.
 */
export function operationTool<I extends z.ZodObject, O extends z.ZodType, S extends z.ZodObject = I>(
  ctx: AgentContext,
  agent: AgentName | 'supervisor',
  op: Operation<I, O>,
  spec: { name: string; description: string; kind: ToolKind; schema?: S; toInput?: (args: z.infer<S>) => z.input<I>; toResult?: (out: z.output<O>) => unknown },
): AgentTool {
  const octx = agentOperationContext(ctx, agent);
  return defineAgentTool(ctx, agent, {
    name: spec.name,
    description: spec.description,
    kind: spec.kind,
    schema: (spec.schema ?? op.input) as S,
    run: async (args) => {
      const out = await runOperation(op, octx, spec.toInput ? spec.toInput(args) : args);
      return spec.toResult ? spec.toResult(out) : out;
    },
  });
}

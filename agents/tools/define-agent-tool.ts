import { randomUUID } from 'node:crypto';
import { tool, type StructuredToolInterface } from '@langchain/core/tools';
import type { z } from 'zod';
import { appendAudit } from '../../db/index.ts';
import { isUserError, toBillingError } from '../../tools/errors.ts';
import type { AgentContext, AgentName } from '../context.ts';

/** Read tools look, analysis tools check, proposal tools queue a change for people to approve. */
export type ToolKind = 'read' | 'analysis' | 'proposal' | 'decision' | 'handoff';

/** A tool an agent may call, with its kind (what it may do) kept for least-privilege checks and docs. */
export interface AgentTool {
  kind: ToolKind;
  tool: StructuredToolInterface;
}

/** The longest tool result handed back to a model; large results are cut with a note, never silently. */
const MAX_RESULT_CHARS = 16_000;

/**
 * Wraps a delegate as a LangChain tool: validates the arguments with a strict zod schema, runs the
 * delegate with the run's context (never identity from arguments), writes every call to the audit
 * log, and hands errors back as data (`{"error": {code, message}}`) so the agent can explain them:
 * a user error's own message, or for an internal one a reference to the audit row with the detail.
 */
export function defineAgentTool<S extends z.ZodObject>(
  ctx: AgentContext,
  agent: AgentName | 'supervisor',
  spec: { name: string; description: string; kind: ToolKind; schema: S; run: (args: z.infer<S>) => unknown | Promise<unknown> },
): AgentTool {
  const t = tool(
    async (args: z.infer<S>) => {
      const base = { tenant: ctx.user.tenant, actor: ctx.user.id, actorKind: 'agent' as const, threadId: ctx.threadId, subject: spec.name };
      try {
        const result = await spec.run(args);
        appendAudit(ctx.store, { ...base, event: 'tool_call', detail: { agent, kind: spec.kind, args } });
        const text = JSON.stringify(result);
        return text.length <= MAX_RESULT_CHARS ? text : JSON.stringify({ truncated: true, note: `result cut at ${MAX_RESULT_CHARS} characters; ask for less`, head: text.slice(0, MAX_RESULT_CHARS) });
      } catch (err) {
        const e = toBillingError(err);
        if (isUserError(e)) {
          appendAudit(ctx.store, { ...base, event: 'tool_error', detail: { agent, kind: spec.kind, args, code: e.code, message: e.message } });
          return JSON.stringify({ error: { code: e.code, message: e.message } });
        }
        // A defect's text (SQL, paths, stack) is for engineers: the model gets a reference to the
        // audit row that holds it, so it can say something went wrong without repeating internals.
        const reference = randomUUID().slice(0, 8);
        const cause = e.cause ?? e;
        const stack = cause instanceof Error ? cause.stack : undefined;
        appendAudit(ctx.store, { ...base, event: 'tool_error', detail: { agent, kind: spec.kind, args, code: e.code, message: e.message, reference, stack } });
        return JSON.stringify({ error: { code: e.code, message: `internal error in ${spec.name}, reference ${reference}; it is logged for the operators` } });
      }
    },
    { name: spec.name, description: spec.description, schema: spec.schema },
  );
  return { kind: spec.kind, tool: t as unknown as StructuredToolInterface };
}

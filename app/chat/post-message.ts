import { z } from 'zod';
import { defineOperation } from '../operation.ts';
import { chatModelFor } from './chat-model.ts';
import { chatUserOf } from './chat-user.ts';
import { chatProposalSchema, threadIdSchema, toolStepSchema } from './chat-schemas.ts';

/**
 * Sends a message to the billing agents as the acting user and returns the answer: a new thread
 * without `threadId`. Steps are reported on `ctx.emit` as they happen (token, agent, tool, proposal).
 * A customer gets the portal assistant: the customer toolset over their own account only (chosen
 * from the stored user, never from the message), whose only proposals are cases for analysts.
 */
export const postMessage = defineOperation({
  name: 'chat.post-message',
  summary: 'Ask the billing agents',
  // A turn may queue proposals, so it needs a named person (never the anonymous local operator).
  effect: 'propose',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z
    .object({
      message: z.string().describe('what to ask, in plain words (at most 4000 characters)'),
      threadId: threadIdSchema.optional().describe('continue this conversation; a new thread without it'),
    })
    .strict(),
  output: z.object({
    threadId: z.string(),
    answer: z.string(),
    agents: z.array(z.string()),
    tools: z.array(toolStepSchema),
    proposals: z.array(chatProposalSchema.extend({ requiredApprovals: z.number().int() })),
    usage: z.object({ llmCalls: z.number(), promptTokens: z.number(), completionTokens: z.number(), totalTokens: z.number() }),
    model: z.string(),
  }),
  handler: async (ctx, { message, threadId }) => {
    const { model, name } = await chatModelFor(ctx);
    const { runChatTurn } = await import('../../graphs/supervisor/index.ts');
    // The tools act with the person's stored roles (or a portal link's), looked up by the id the context vouches for.
    const user = chatUserOf(ctx.store, ctx.actor);
    const emit = ctx.emit;
    const r = await runChatTurn({ store: ctx.store, user, message, threadId, model, today: ctx.clock.today(), ...(emit ? { onEvent: emit } : {}) });
    return { ...r, model: name };
  },
});

import type { BaseMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { getProposal, tenantThread } from '../../db/index.ts';
import { defineOperation } from '../operation.ts';
import { chatProposalSchema, threadIdSchema, threadRowSchema, toolStepSchema } from './chat-schemas.ts';

const textOf = (m: BaseMessage) => (typeof m.content === 'string' ? m.content : m.content.map((c) => ('text' in c ? String(c.text) : '')).join(''));

/** One of the tenant's chat threads (a customer's: only their own): what was said (role and text), the tool steps and the proposals it created. */
export const showThread = defineOperation({
  name: 'chat.show-thread',
  summary: 'Show a chat thread',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z.object({ threadId: threadIdSchema }).strict(),
  output: threadRowSchema.extend({
    messages: z.array(z.object({ role: z.enum(['user', 'assistant']), text: z.string() })),
    tools: z.array(toolStepSchema),
    proposals: z.array(chatProposalSchema),
  }),
  handler: async (ctx, { threadId }) => {
    const thread = tenantThread(ctx.scope, threadId, ctx.actor.id);
    // Loaded here, not at the top: the registry of operations must not load LangChain for every command.
    const { createCheckpointer } = await import('../../graphs/checkpointer.ts');
    const saved = await createCheckpointer(ctx.store).getTuple({ configurable: { thread_id: thread.id } });
    const all = ((saved?.checkpoint.channel_values as { messages?: BaseMessage[] } | undefined)?.messages ?? []) as BaseMessage[];
    const messages: Array<{ role: 'user' | 'assistant'; text: string }> = [];
    const tools: Array<{ name: string; ok: boolean }> = [];
    const proposalIds = new Set<number>();
    for (const m of all) {
      const type = m.getType();
      const text = textOf(m);
      if (type === 'human') messages.push({ role: 'user', text });
      else if (type === 'ai' && text) messages.push({ role: 'assistant', text });
      else if (type === 'tool' && !m.name?.startsWith('transfer_to_')) {
        tools.push({ name: m.name ?? '', ok: (m as { status?: string }).status !== 'error' && !text.startsWith('{"error"') });
        for (const x of text.matchAll(/"proposalId":(\d+)/g)) proposalIds.add(Number(x[1]));
      }
    }
    const own = (p: { accountId: string }) => ctx.scope.accountId === undefined || p.accountId === ctx.scope.accountId;
    const proposals = [...proposalIds]
      .map((id) => getProposal(ctx.store, ctx.tenant, id))
      .filter(own)
      .map((p) => ({ id: p.id, kind: p.kind, status: p.status, summary: p.summary, amount: p.amount, currency: p.currency }));
    return { ...thread, messages, tools, proposals };
  },
});

import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { checkAllowed, parseInput, runOperation, type OperationContext, type OperationEvent } from '../app/index.ts';
import { postMessage } from '../app/chat/index.ts';
import { writableThread } from '../db/index.ts';
import { toBillingError } from '../tools/errors.ts';

/**
 * Runs a chat turn and streams it as server-sent events: `token`, `agent`, `tool`, `proposal` as
 * they happen, then `done` (or `error`). Every frame's data is JSON, so text from models and
 * customers can never forge a frame. Input and the thread are checked before the stream starts,
 * so those refusals are ordinary error replies (400, 404). The API's chat routes and the
 * console's chat page both stream through this.
 */
export function streamChatTurn(c: Context, ctx: OperationContext, raw: unknown, status: 200 | 201 = 200): Response {
  checkAllowed(postMessage, ctx);
  const input = parseInput(postMessage, raw);
  if (input.threadId) writableThread(ctx.scope, input.threadId, ctx.actor.id);
  c.status(status);
  return streamSSE(c, async (stream) => {
    let written = Promise.resolve();
    const send = (event: string, data: unknown) => {
      // Frames go out in the order they happen; the turn does not wait for a slow client.
      written = written.then(() => stream.writeSSE({ event, data: JSON.stringify(data) }));
      return written;
    };
    const emit = ({ type, ...data }: OperationEvent) => void send(type, data);
    try {
      const out = await runOperation(postMessage, { ...ctx, emit }, input);
      await send('done', { threadId: out.threadId, answer: out.answer, agents: out.agents, tools: out.tools, proposals: out.proposals, usage: out.usage, model: out.model });
    } catch (err) {
      const e = toBillingError(err);
      const requestId = ctx.requestId ?? 'unknown';
      if (e.code === 'INTERNAL') ctx.logger.error({ requestId, err: e.cause ?? e }, 'chat turn failed');
      const message = e.code === 'INTERNAL' ? `internal error; it is logged with request id ${requestId}` : e.message;
      await send('error', { code: e.code, message, requestId }).catch(() => undefined);
    }
  });
}

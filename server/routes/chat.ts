import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { runOperation, type OperationContext, type OperationEvent } from '../../app/index.ts';
import { listThreads, postMessage, showThread, threadIdSchema } from '../../app/chat/index.ts';
import { writableThread } from '../../db/index.ts';
import { toBillingError } from '../../tools/errors.ts';
import { parseOrThrow } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';
import type { ServerEnv } from '../server-env.ts';

const messageBody = z.object({ message: z.string().describe('what to ask, in plain words (at most 4000 characters)') }).strict();
const threadParams = z.object({ threadId: threadIdSchema });

/** True when the client asked for one JSON reply rather than a stream of events. */
function wantsJson(c: Context<ServerEnv>): boolean {
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/event-stream');
}

/**
 * Runs a chat turn and streams it as server-sent events: `token`, `agent`, `tool`, `proposal` as
 * they happen, then `done` (or `error`). Every frame's data is JSON, so text from models and
 * customers can never forge a frame. Input and the thread are checked before the stream starts,
 * so those refusals are ordinary error replies (400, 404).
 */
function chatTurn(status: 200 | 201) {
  return async (c: Context<ServerEnv>, raw: unknown, ctx: OperationContext): Promise<Response> => {
    if (wantsJson(c)) return c.json(await runOperation(postMessage, ctx, raw), status);
    const input = parseOrThrow(postMessage.input, raw);
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
  };
}

const STREAM_NOTE = 'text/event-stream';

/** Chat threads: post a message (the answer streamed as server-sent events, or one JSON reply with Accept: application/json), list and read threads. */
export const chatRoutes: RouteSpec[] = [
  defineRoute({
    op: postMessage,
    method: 'post',
    path: '/chat/threads',
    tags: ['chat'],
    operationId: 'chat.start-thread',
    body: messageBody,
    status: 201,
    idempotent: true,
    produces: STREAM_NOTE,
    handle: chatTurn(201),
  }),
  defineRoute({ op: postMessage, method: 'post', path: '/chat/threads/{threadId}/messages', tags: ['chat'], params: threadParams, body: messageBody, produces: STREAM_NOTE, handle: chatTurn(200) }),
  defineRoute({ op: listThreads, method: 'get', path: '/chat/threads', tags: ['chat'], query: listThreads.input }),
  defineRoute({ op: showThread, method: 'get', path: '/chat/threads/{threadId}', tags: ['chat'], params: threadParams }),
] as RouteSpec[];

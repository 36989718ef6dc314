import type { Context } from 'hono';
import { z } from 'zod';
import { runOperation, type OperationContext } from '../../app/index.ts';
import { listThreads, postMessage, showThread, threadIdSchema } from '../../app/chat/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';
import { streamChatTurn } from '../stream-chat-turn.ts';
import type { ServerEnv } from '../server-env.ts';

const messageBody = z.object({ message: z.string().describe('what to ask, in plain words (at most 4000 characters)') }).strict();
const threadParams = z.object({ threadId: threadIdSchema });

/** True when the client asked for one JSON reply rather than a stream of events. */
function wantsJson(c: Context<ServerEnv>): boolean {
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/event-stream');
}

/** The API's chat turn: one JSON reply when asked for, else the turn streamed as server-sent events. */
function chatTurn(status: 200 | 201) {
  return async (c: Context<ServerEnv>, raw: unknown, ctx: OperationContext): Promise<Response> => {
    if (wantsJson(c)) return c.json(await runOperation(postMessage, ctx, raw), status);
    return streamChatTurn(c, ctx, raw, status);
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

import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { runOperation } from '../../../app/index.ts';
import { listThreads, postMessage, showThread } from '../../../app/chat/index.ts';
import { BillingError } from '../../../tools/errors.ts';
import type { RateLimiter } from '../../rate-limit.ts';
import { streamChatTurn } from '../../stream-chat-turn.ts';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';
import { MessageForm, ThreadList, ThreadProposals, Transcript } from './chat-view.tsx';

/** A message is at most 4000 characters; the body a little more, for JSON's escapes. */
const TURN_BODY_BYTES = 64 * 1024;

/** The signed-in user's own threads, most recently used first. */
async function ownThreads(c: Context<WebEnv>) {
  const ctx = c.get('operationContext');
  // The operation lists the tenant's; a busy colleague's threads must not push one's own off the list.
  const { threads } = await runOperation(listThreads, ctx, { limit: 500 });
  return threads.filter((t) => t.createdBy === ctx.actor.id).slice(0, 50);
}

/** A message form's fields as postMessage takes them (an empty thread id starts a new thread). */
function turnInput(body: Record<string, unknown>): { message: unknown; threadId?: unknown } {
  const threadId = typeof body.threadId === 'string' && body.threadId !== '' ? body.threadId : undefined;
  return { message: body.message, ...(threadId ? { threadId } : {}) };
}

/**
 * The chat with the supervisor: /chat starts a thread, /chat/:threadId shows one and continues it.
 * POST /chat/turn streams a turn as the API's chat route does (server-sent events, JSON data);
 * POST /chat is the same turn for a browser without scripts (the whole reply, then the thread).
 */
export function mountChat(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>, options: { chatPosts?: RateLimiter } = {}): void {
  // Each message costs model calls: the console counts against the same per-user limit as the API.
  const limited: MiddlewareHandler<WebEnv> = async (c, next) => {
    const id = c.get('operationContext').actor.id;
    if (options.chatPosts && !options.chatPosts.hit(id)) {
      const retryAfter = options.chatPosts.retryAfter(id);
      throw new BillingError('RATE_LIMITED', `too many chat messages; retry in ${retryAfter} s`, { retryAfter });
    }
    await next();
  };
  const sized = bodyLimit({
    maxSize: TURN_BODY_BYTES,
    onError: () => {
      throw new BillingError('PAYLOAD_TOO_LARGE', `a chat message is at most ${TURN_BODY_BYTES} bytes`);
    },
  }) as MiddlewareHandler<WebEnv>;

  web.get('/chat', guard, async (c) => {
    const threads = await ownThreads(c);
    const session = pageSession(c);
    return sendPage(
      c,
      <ConsolePage title="Chat" active="/chat" session={session} scripts={['/assets/chat.js']}>
        <div class="chat">
          <ThreadList threads={threads} />
          <section class="conversation" aria-labelledby="conversation-h">
            <h2 id="conversation-h">New conversation</h2>
            <p class="hint">Ask about an invoice, a customer’s usage or a bill change; ask for a credit or a fee waiver and it is proposed for approval.</p>
            <Transcript messages={[]} />
            <MessageForm csrfToken={session.csrfToken} />
          </section>
        </div>
      </ConsolePage>,
    );
  });

  web.get('/chat/:threadId', guard, async (c) => {
    const ctx = c.get('operationContext');
    const thread = await runOperation(showThread, ctx, { threadId: c.req.param('threadId') });
    const threads = await ownThreads(c);
    const session = pageSession(c);
    return sendPage(
      c,
      <ConsolePage title="Chat" active="/chat" session={session} scripts={['/assets/chat.js']}>
        <div class="chat">
          <ThreadList threads={threads} current={thread.id} />
          <section class="conversation" aria-labelledby="conversation-h">
            <h2 id="conversation-h">
              Thread started {thread.createdAt.slice(0, 16).replace('T', ' ')} by {thread.createdBy}
            </h2>
            <Transcript messages={thread.messages} />
            {thread.tools.length > 0 ? <p class="turn-steps">Tools used: {thread.tools.map((t) => `${t.name}${t.ok ? '' : ' (refused)'}`).join(', ')}</p> : null}
            <ThreadProposals proposals={thread.proposals} />
            <MessageForm csrfToken={session.csrfToken} threadId={thread.id} />
          </section>
        </div>
      </ConsolePage>,
    );
  });

  web.post('/chat/turn', sized, guard, limited, async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new BillingError('INVALID_INPUT', 'send the message as JSON: {"message": "…", "threadId": "…"}');
    }
    const input = body !== null && typeof body === 'object' ? turnInput(body as Record<string, unknown>) : body;
    return streamChatTurn(c, c.get('operationContext'), input);
  });

  web.post('/chat', sized, guard, limited, async (c) => {
    const out = await runOperation(postMessage, c.get('operationContext'), turnInput(await c.req.parseBody()));
    return c.redirect(`/chat/${encodeURIComponent(out.threadId)}`, 303);
  });
}

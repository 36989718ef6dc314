import type { Context, Hono, MiddlewareHandler } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { z } from 'zod';
import { runOperation, type OperationEvent } from '../../../app/index.ts';
import { postMessage, showThread, threadIdSchema } from '../../../app/chat/index.ts';
import { BillingError, toBillingError } from '../../../tools/errors.ts';
import { Notice } from '../components.tsx';
import { portalPageSession as pageSession } from './portal-session.ts';
import { sendPage } from '../render.tsx';
import type { PortalEnv } from './portal-env.ts';
import { PortalPage } from './portal-layout.tsx';

type Thread = z.output<typeof showThread.output>;

/** The kinds of proposal a customer's chat can make: cases an analyst picks up (they move no money). */
const CASE_KINDS = new Set(['customer_dispute', 'callback_request']);

const MAX_MESSAGE = 4000;

/** A thread id from the address or a form, or undefined when there is none or it is not one. */
function threadOf(raw: unknown): string | undefined {
  const parsed = threadIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** A customer's question as sent: trimmed, not empty, not longer than the agents take. */
function messageOf(raw: unknown): string {
  const message = typeof raw === 'string' ? raw.trim() : '';
  if (!message) throw new BillingError('INVALID_INPUT', 'write your question first');
  if (message.length > MAX_MESSAGE) throw new BillingError('INVALID_INPUT', `a question is at most ${MAX_MESSAGE} characters`);
  return message;
}

/** What a case means for the customer, in their words. */
export function caseSentence(p: { id: number; kind: string }): string {
  return p.kind === 'callback_request' ? `We will call you back: an analyst will look at it (case ${p.id}).` : `An analyst will look at it (case ${p.id}).`;
}

/** The conversation so far, each message as text, and the cases it opened. */
function Conversation(props: { thread: Thread | null }) {
  const t = props.thread;
  return (
    <div class="chat-log" aria-live="polite" id="chat-log">
      {t?.messages.map((m) => (
        <div class={`chat-msg chat-${m.role}`}>
          <span class="chat-who">{m.role === 'user' ? 'You' : 'Assistant'}</span>
          <p class="chat-text">{m.text}</p>
        </div>
      ))}
      {t?.proposals
        .filter((p) => CASE_KINDS.has(p.kind))
        .map((p) => (
          <Notice tone="ok">{caseSentence(p)}</Notice>
        ))}
    </div>
  );
}

/**
 * Help (/portal/help): the customer asks the billing assistant about their own account. The
 * form works without scripts (post, then 303 back to the thread); /assets/portal.js streams the
 * answer as it is written instead (the same turn over server-sent events, text set with textContent).
 */
export function mountPortalHelp(portal: Hono<PortalEnv>, guard: MiddlewareHandler<PortalEnv>): void {
  portal.get('/help', guard, async (c) => {
    const ctx = c.get('operationContext');
    const threadId = threadOf(c.req.query('thread'));
    const thread = threadId ? await runOperation(showThread, ctx, { threadId }) : null;
    const session = pageSession(c);
    return sendPage(
      c,
      <PortalPage title="Help with your bill" active="/portal/help" session={session} accountId={c.get('portalAccountId')}>
        <p>
          Ask about your bills, your usage or your plan. The assistant reads your own account only. If something is wrong, say so: it opens a case for one of our analysts, or asks one to call you
          back.
        </p>
        <Conversation thread={thread} />
        <form method="post" action="/portal/help" class="chat-form" id="chat-form">
          <input type="hidden" name="_csrf" value={session.csrfToken} />
          {thread ? <input type="hidden" name="threadId" value={thread.id} /> : null}
          <div class="field">
            <label for="chat-message">Your question</label>
            <textarea id="chat-message" name="message" maxlength={MAX_MESSAGE} required placeholder="Why is my bill higher this month?" />
          </div>
          <button type="submit">Send</button>
          {thread ? (
            <a class="button secondary" href="/portal/help">
              New conversation
            </a>
          ) : null}
        </form>
      </PortalPage>,
    );
  });

  portal.post('/help', guard, async (c) => {
    const form = await c.req.parseBody();
    const threadId = threadOf(form.threadId);
    const out = await runOperation(postMessage, c.get('operationContext'), { message: messageOf(form.message), ...(threadId ? { threadId } : {}) });
    return c.redirect(`/portal/help?thread=${encodeURIComponent(out.threadId)}`, 303);
  });

  // The streamed turn for the page's script: JSON in (x-csrf-token), server-sent events out, every frame's data JSON.
  portal.post('/help/stream', guard, async (c: Context<PortalEnv>) => {
    const body = (await c.req.json().catch(() => ({}))) as { message?: unknown; threadId?: unknown };
    const ctx = c.get('operationContext');
    const message = messageOf(body.message);
    const threadId = threadOf(body.threadId);
    return streamSSE(c, async (stream) => {
      let written = Promise.resolve();
      const send = (event: string, data: unknown) => {
        written = written.then(() => stream.writeSSE({ event, data: JSON.stringify(data) }));
        return written;
      };
      const emit = ({ type, ...data }: OperationEvent) => void send(type, data);
      try {
        const out = await runOperation(postMessage, { ...ctx, emit }, { message, ...(threadId ? { threadId } : {}) });
        const cases = out.proposals.filter((p) => CASE_KINDS.has(p.kind)).map((p) => caseSentence(p));
        await send('done', { threadId: out.threadId, answer: out.answer, cases });
      } catch (err) {
        const e = toBillingError(err);
        const requestId = ctx.requestId ?? 'unknown';
        if (e.code === 'INTERNAL') ctx.logger.error({ requestId, err: e.cause ?? e }, 'portal chat turn failed');
        await send('error', { code: e.code, message: e.code === 'INTERNAL' ? `something went wrong on our side (request id ${requestId})` : e.message }).catch(() => undefined);
      }
    });
  });
}

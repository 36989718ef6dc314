import { StatusBadge } from '../components.tsx';

/** A thread as the list shows it. */
export interface ThreadRow {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  title: string | null;
}

/** A proposal a thread created, as the chat links it. */
export interface ChatProposal {
  id: number;
  kind: string;
  status: string;
  summary: string;
}

/** The signed-in user's threads, the open one marked, and a way to start afresh. */
export function ThreadList(props: { threads: readonly ThreadRow[]; current?: string }) {
  return (
    <nav class="threads" aria-labelledby="threads-h">
      <h2 id="threads-h">Your threads</h2>
      <p>
        <a href="/chat" aria-current={props.current ? undefined : 'page'}>
          New conversation
        </a>
      </p>
      {props.threads.length === 0 ? (
        <p class="hint">No threads yet.</p>
      ) : (
        <ul>
          {props.threads.map((t) => (
            <li>
              <a href={`/chat/${encodeURIComponent(t.id)}`} aria-current={t.id === props.current ? 'page' : undefined}>
                <span class="thread-title">{t.title ?? 'Conversation'}</span>
                <span class="thread-when">{t.lastUsedAt.slice(0, 16).replace('T', ' ')}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

/** What was said so far, oldest first; text only ever as text (never markup). */
export function Transcript(props: { messages: ReadonlyArray<{ role: 'user' | 'assistant'; text: string }> }) {
  return (
    <ol id="transcript" class="transcript" aria-live="polite" aria-label="Conversation">
      {props.messages.map((m) => (
        <li class={`msg msg-${m.role}`}>
          <span class="msg-who">{m.role === 'user' ? 'Asked' : 'Answer'}</span>
          <div class="msg-text">{m.text}</div>
        </li>
      ))}
    </ol>
  );
}

/** The proposals a thread created, each linked to its approval page. */
export function ThreadProposals(props: { proposals: readonly ChatProposal[] }) {
  if (props.proposals.length === 0) return null;
  return (
    <section class="thread-proposals" aria-labelledby="thread-proposals-h">
      <h3 id="thread-proposals-h">Proposals from this thread</h3>
      <ul>
        {props.proposals.map((p) => (
          <li>
            <a href={`/approvals/${p.id}`}>Proposal {p.id}</a> <StatusBadge status={p.status} /> {p.summary}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The message box: a plain form (POST /chat, the whole reply, then the thread page) that
 * /assets/chat.js turns into a streamed turn on POST /chat/turn.
 */
export function MessageForm(props: { csrfToken: string; threadId?: string }) {
  return (
    <form id="chat-form" class="chat-form" method="post" action="/chat" data-stream="/chat/turn">
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <input type="hidden" name="threadId" value={props.threadId ?? ''} />
      <div class="field">
        <label for="chat-message">Message</label>
        <textarea id="chat-message" name="message" rows={3} maxlength={4000} required aria-describedby="chat-hint" />
      </div>
      <p id="chat-hint" class="hint">
        Enter sends; Shift+Enter starts a new line. Changes are only proposed: an approver decides them under Approvals.
      </p>
      <button type="submit">Send</button>
      <p id="chat-status" class="chat-status" role="status" />
    </form>
  );
}

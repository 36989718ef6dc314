// The portal's small script: keeps the home page's current period up to date, and streams the
// help chat's answer as it is written. Plain browser JavaScript, no build. Every text it puts on
// the page goes through textContent (never innerHTML): answers and questions stay text.

(() => {
  const REFRESH_MS = 60_000;
  const csrf = () => document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';

  /** Sets the figures of the current period from /portal/live (text, and each meter's value). */
  async function refreshPeriod(section) {
    const res = await fetch(section.dataset.liveSrc, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    if (!res.ok) return;
    const live = await res.json();
    for (const el of section.querySelectorAll('[data-live]')) {
      const text = live.fields[el.dataset.live];
      if (typeof text === 'string') el.textContent = text;
    }
    for (const m of live.meters) {
      const meter = section.querySelector(`meter[data-live-meter="${CSS.escape(m.key)}"]`);
      if (meter) {
        meter.setAttribute('max', m.max);
        meter.setAttribute('value', m.used);
      }
    }
    section.dataset.refreshed = live.asOf;
  }

  /** Adds one message to the conversation, as text. */
  function addMessage(log, role, text) {
    const box = document.createElement('div');
    box.className = `chat-msg chat-${role}`;
    const who = document.createElement('span');
    who.className = 'chat-who';
    who.textContent = role === 'user' ? 'You' : 'Assistant';
    const p = document.createElement('p');
    p.className = 'chat-text';
    p.textContent = text;
    box.append(who, p);
    log.append(box);
    return p;
  }

  /** Reads server-sent events from a response body, calling `on(event, data)` for each frame. */
  async function readEvents(res, on) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data = [];
        for (const line of frame.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        }
        if (data.length) on(event, JSON.parse(data.join('\n')));
        end = buffer.indexOf('\n\n');
      }
    }
  }

  /** Sends the chat form's question over the stream instead of a page load; the form still works without this script. */
  function streamChat(form) {
    const log = document.getElementById('chat-log');
    form.addEventListener('submit', async (e) => {
      const text = form.elements.message.value.trim();
      if (!text || !window.ReadableStream) return;
      e.preventDefault();
      const button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      addMessage(log, 'user', text);
      const answer = addMessage(log, 'assistant', '…');
      let streamed = '';
      const threadId = form.elements.threadId?.value;
      try {
        const res = await fetch('/portal/help/stream', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf(), accept: 'text/event-stream' },
          body: JSON.stringify(threadId ? { message: text, threadId } : { message: text }),
        });
        if (!res.ok) {
          const body = await res.json().catch(() => null);
          answer.textContent = body?.error?.message ?? `That did not work (${res.status}).`;
          return;
        }
        await readEvents(res, (event, data) => {
          if (event === 'token') {
            streamed += data.text;
            answer.textContent = streamed;
          } else if (event === 'done') {
            answer.textContent = data.answer;
            for (const c of data.cases) {
              const note = document.createElement('p');
              note.className = 'notice notice-ok';
              note.setAttribute('role', 'status');
              note.textContent = c;
              log.append(note);
            }
            // The next question continues this conversation, and a reload shows it.
            let input = form.elements.threadId;
            if (!input) {
              input = document.createElement('input');
              input.type = 'hidden';
              input.name = 'threadId';
              form.append(input);
            }
            input.value = data.threadId;
            history.replaceState(null, '', `/portal/help?thread=${encodeURIComponent(data.threadId)}`);
            form.dataset.done = data.threadId;
          } else if (event === 'error') {
            answer.textContent = data.message;
          }
        });
        form.elements.message.value = '';
      } catch {
        answer.textContent = 'The connection was lost; reload the page to see the answer.';
      } finally {
        button.disabled = false;
      }
    });
  }

  function start() {
    const period = document.querySelector('[data-live-src]');
    if (period) setInterval(() => refreshPeriod(period).catch(() => undefined), REFRESH_MS);
    const form = document.getElementById('chat-form');
    if (form) streamChat(form);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

// The chat page's script: sends the message box with fetch to POST /chat/turn and shows the
// supervisor's answer as its server-sent events arrive (token, agent, tool, proposal, done, error;
// each frame's data is JSON). Everything a model or a person wrote goes in as textContent, never
// as markup. Without this script the form still posts to /chat and the thread page shows the reply.

(() => {
  const form = document.getElementById('chat-form');
  if (!form) return;
  const box = document.getElementById('chat-message');
  const transcript = document.getElementById('transcript');
  const status = document.getElementById('chat-status');
  const button = form.querySelector('button[type="submit"]');
  const threadField = form.querySelector('input[name="threadId"]');
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';

  /** Adds an element with text (as text) to a parent and returns it. */
  function add(parent, tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    parent.appendChild(el);
    return el;
  }

  /** A message of the conversation: who, and a text element that the answer's tokens fill. */
  function message(role, text) {
    const li = add(transcript, 'li', `msg msg-${role}`);
    add(li, 'span', 'msg-who', role === 'user' ? 'Asked' : 'Answer');
    return { li, text: add(li, 'div', 'msg-text', text) };
  }

  /** What ran in a turn and the proposals it made, each linked to its approval page. */
  function summary(li, done) {
    const steps = [];
    if (done.agents?.length) steps.push(`Agents: ${done.agents.join(' → ')}`);
    if (done.tools?.length) steps.push(`Tools: ${done.tools.map((t) => `${t.name}${t.ok ? '' : ' (refused)'}`).join(', ')}`);
    if (steps.length) add(li, 'p', 'turn-steps', steps.join('. '));
    if (!done.proposals?.length) return;
    const ul = add(li, 'ul', 'turn-proposals');
    for (const p of done.proposals) {
      const item = add(ul, 'li');
      const a = add(item, 'a', undefined, `Proposal ${p.id}`);
      a.href = `/approvals/${encodeURIComponent(p.id)}`;
      add(item, 'span', 'badge badge-warn', p.status);
      item.appendChild(document.createTextNode(` ${p.summary}`));
    }
  }

  /** Splits a buffer into complete SSE frames; returns the frames and what is left over. */
  function frames(buffer) {
    const out = [];
    const blocks = buffer.split('\n\n');
    const rest = blocks.pop() ?? '';
    for (const block of blocks) {
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) out.push({ event, data: JSON.parse(data.join('\n')) });
    }
    return { out, rest };
  }

  /** Shows one frame of the turn in the answer. */
  function show(frame, answer, steps) {
    const d = frame.data;
    if (frame.event === 'token') {
      answer.text.appendChild(document.createTextNode(d.text ?? ''));
      answer.li.dataset.tokens = String(Number(answer.li.dataset.tokens ?? '0') + 1);
    } else if (frame.event === 'agent') {
      steps.textContent = `Working: ${d.agent ?? ''}`;
    } else if (frame.event === 'tool') {
      steps.textContent = `Tool ${d.name ?? ''} ${d.ok === false ? 'refused' : 'done'}`;
    } else if (frame.event === 'proposal') {
      steps.textContent = `Proposal ${d.id ?? ''} created`;
    } else if (frame.event === 'done') {
      // The answer as a whole: what the tokens said, now exactly the final text.
      answer.text.textContent = d.answer ?? answer.text.textContent;
      steps.remove();
      summary(answer.li, d);
      answer.li.dataset.state = 'done';
      if (d.threadId && threadField) {
        threadField.value = d.threadId;
        if (window.location.pathname === '/chat') window.history.replaceState(null, '', `/chat/${encodeURIComponent(d.threadId)}`);
      }
    } else if (frame.event === 'error') {
      steps.remove();
      add(answer.li, 'p', 'notice notice-error', d.message ?? 'the turn failed');
      answer.li.dataset.state = 'error';
    }
  }

  async function send() {
    const text = box.value.trim();
    if (!text || button.disabled) return;
    button.disabled = true;
    status.textContent = 'Sending…';
    message('user', text);
    box.value = '';
    // The live region speaks once the answer is whole, not at every token.
    transcript.setAttribute('aria-busy', 'true');
    const answer = message('assistant', '');
    answer.li.dataset.state = 'streaming';
    answer.li.dataset.tokens = '0';
    const steps = add(answer.li, 'p', 'turn-steps', 'Working…');
    try {
      const body = { message: text, ...(threadField?.value ? { threadId: threadField.value } : {}) };
      const res = await fetch(form.dataset.stream, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-csrf-token': csrf },
        body: JSON.stringify(body),
      });
      if (!res.ok || !res.body) {
        const err = await res.json().catch(() => ({}));
        show({ event: 'error', data: { message: err.error?.message ?? `the server answered ${res.status}` } }, answer, steps);
        return;
      }
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
        const { out, rest } = frames(buffer);
        buffer = rest;
        for (const f of out) show(f, answer, steps);
      }
      if (answer.li.dataset.state === 'streaming') show({ event: 'error', data: { message: 'the answer stopped before it was done; reload the thread' } }, answer, steps);
    } catch (err) {
      show({ event: 'error', data: { message: `could not reach the server (${err.message})` } }, answer, steps);
    } finally {
      transcript.removeAttribute('aria-busy');
      button.disabled = false;
      status.textContent = answer.li.dataset.state === 'done' ? 'Answered.' : 'Not answered.';
      box.focus();
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  });
})();

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../../testing/api-setup.ts';
import { signInConsole, type ConsoleClient } from '../testing/console-requests.ts';

const WAIVE = 'waive the monthly fee on invoice INV-000001, outage on 3 March';
const XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';

/** The event stream of a console chat turn, read whole: each frame's event and JSON data. */
async function turn(app: Awaited<ReturnType<typeof setUpApi>>['app'], who: ConsoleClient, body: unknown, headers: Record<string, string> = { 'x-csrf-token': who.csrfToken }) {
  const res = await app.request('/chat/turn', {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const frames = res.headers.get('content-type')?.includes('text/event-stream')
    ? text
        .split('\n\n')
        .filter((b) => b.trim())
        .map((b) => {
          const lines = b.split('\n');
          // biome-ignore lint/suspicious/noExplicitAny: tests read event data field by field
          return { event: lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message', data: JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6)) as any };
        })
    : [];
  return { status: res.status, type: res.headers.get('content-type'), frames, text };
}

describe('console chat (/chat)', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  let alice: ConsoleClient;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
    alice = await signInConsole(api.app, api.users.alice);
  });
  afterEach(() => store.cleanup());

  it('sends a visitor without a session to sign in, and refuses a turn without one', async () => {
    const page = await api.app.request('/chat');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/sign-in?next=%2Fchat');
    const r = await api.app.request('/chat/turn', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'hi' }) });
    expect(r.status).toBe(401);
  });

  it('streams a turn as the API does (tokens, agent, tool, proposal, then done) and continues the thread', async () => {
    const r = await turn(api.app, alice, { message: 'explain invoice INV-000001' });
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/event-stream');
    const first = r.frames.at(-1)!;
    expect(first.event).toBe('done');
    const tokens = r.frames.filter((f) => f.event === 'token');
    expect(tokens.length).toBeGreaterThan(5);
    expect(tokens.map((f) => f.data.text).join('')).toBe(first.data.answer);
    expect(r.frames.filter((f) => f.event === 'agent').map((f) => f.data.agent)).toEqual(['supervisor', 'auditor']);

    const next = await turn(api.app, alice, { message: WAIVE, threadId: first.data.threadId });
    const events = next.frames.map((f) => f.event);
    expect(events.indexOf('proposal')).toBeGreaterThan(-1);
    expect(events.indexOf('proposal')).toBeLessThan(events.indexOf('done'));
    const done = next.frames.at(-1)!.data;
    expect(done.threadId).toBe(first.data.threadId);
    expect(done.proposals).toEqual([expect.objectContaining({ id: 1, kind: 'fee_waiver', status: 'pending', amount: '10.00' })]);

    // The same thread, read back as the thread page: both questions and a link to the proposal.
    const page = await alice.get(`/chat/${done.threadId}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('explain invoice INV-000001');
    expect(page.html).toContain('<a href="/approvals/1">Proposal 1</a>');
    expect(page.html).toContain(`name="threadId" value="${done.threadId}"`);
  });

  it('refuses a streamed turn without the CSRF header, with a wrong one, and for another tenant’s thread, before any stream', async () => {
    expect((await turn(api.app, alice, { message: 'help' }, {})).status).toBe(403);
    expect((await turn(api.app, alice, { message: 'help' }, { 'x-csrf-token': 'wrong' })).status).toBe(403);
    const uma = await call(api.app, 'POST', '/api/v1/chat/threads', { as: api.users.uma, body: { message: 'help' }, headers: { accept: 'application/json' } });
    const other = await turn(api.app, alice, { message: 'help', threadId: uma.body.threadId });
    expect(other.status).toBe(404);
    expect(JSON.parse(other.text).error.code).toBe('NOT_FOUND');
    const wrong = await turn(api.app, alice, { message: 42 });
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.text).error.code).toBe('INVALID_INPUT');
  });

  it('works without scripts: the form posts the turn and the thread page shows the reply (PRG)', async () => {
    const r = await alice.post('/chat', { message: WAIVE, threadId: '' });
    expect(r.status).toBe(303);
    expect(r.location).toMatch(/^\/chat\/thread-/);
    const page = await alice.get(r.location!);
    expect(page.html).toContain('credit note of 10.00 net + 2.00 tax = 12.00 GBP');
    expect(page.html).toContain('href="/approvals/1"');
    // Without the session's token the form is refused.
    const forged = await api.app.request('/chat', { method: 'POST', headers: { cookie: alice.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'message=help' });
    expect(forged.status).toBe(403);
  });

  it('lists only the signed-in user’s threads', async () => {
    const mine = await alice.post('/chat', { message: 'help' });
    const bob = await signInConsole(api.app, api.users.bob);
    const his = await bob.post('/chat', { message: 'help' });
    const page = await alice.get('/chat');
    expect(page.html).toContain(`href="${mine.location}"`);
    expect(page.html).not.toContain(`href="${his.location}"`);
  });

  it('renders a message with markup, and the model’s echo of it, as text', async () => {
    const r = await alice.post('/chat', { message: XSS });
    const page = await alice.get(r.location!);
    expect(page.html).not.toContain('<script>window');
    expect(page.html).not.toContain('<img src=x');
    expect(page.html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;</div>');
    // The rules model quotes what it did not understand: escaped too.
    expect(page.html).toContain('I did not understand &quot;&lt;script&gt;');
  });
});

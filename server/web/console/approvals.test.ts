import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { type ApiUser, call, setUpApi } from '../../testing/api-setup.ts';
import { signInConsole } from '../testing/console-requests.ts';

/** Asks the agents (as `who`, through the API) to waive INV-000001's monthly fee: proposal 1 of 10.00 GBP. */
async function proposeWaiver(api: Awaited<ReturnType<typeof setUpApi>>, who: ApiUser, message = 'waive the monthly fee on invoice INV-000001, outage on 3 March') {
  const r = await call(api.app, 'POST', '/api/v1/chat/threads', { as: who, body: { message }, headers: { accept: 'application/json' } });
  expect(r.status).toBe(201);
  return r.body.proposals[0] as { id: number };
}

describe('console approvals (/approvals)', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('lists the queue pending first and filters it by status and kind', async () => {
    await proposeWaiver(api, api.users.alice);
    await proposeWaiver(api, api.users.alice, 'credit 2.50 on invoice INV-000002');
    const bob = await signInConsole(api.app, api.users.bob);
    await bob.post('/approvals/1/decide', { decision: 'reject', reason: 'no outage logged' });
    const all = await bob.get('/approvals');
    expect(all.status).toBe(200);
    // Proposal 2 (pending) comes before proposal 1 (rejected).
    expect(all.html.indexOf('href="/approvals/2"')).toBeLessThan(all.html.indexOf('href="/approvals/1"'));
    const rejected = await bob.get('/approvals?status=rejected');
    expect(rejected.html).toContain('href="/approvals/1"');
    expect(rejected.html).not.toContain('href="/approvals/2"');
    expect(rejected.html).toContain('<option value="rejected" selected="">');
    const credits = await bob.get('/approvals?kind=credit');
    expect(credits.html).toContain('href="/approvals/2"');
    expect(credits.html).not.toContain('href="/approvals/1"');
    // An unknown filter word shows everything rather than failing.
    expect((await bob.get('/approvals?status=nonsense')).html).toContain('href="/approvals/1"');
  });

  it('shows what the tools computed, who asked through which agent and why', async () => {
    await proposeWaiver(api, api.users.alice);
    const bob = await signInConsole(api.app, api.users.bob);
    const page = await bob.get('/approvals/1');
    expect(page.status).toBe(200);
    expect(page.html).toContain('alice, through the collections agent');
    expect(page.html).toContain('waive the monthly fee on invoice INV-000001, outage on 3 March');
    expect(page.html).toContain('Talk 10 monthly fee');
    // Net, tax and total of the credit note, exactly as computed.
    expect(page.html).toContain('title="-10.00 GBP"');
    expect(page.html).toContain('title="-2.00 GBP"');
    expect(page.html).toContain('title="-12.00 GBP"');
    expect(page.html).toContain('0 of 1 required approval');
    expect(page.html).toContain('<a href="/invoices/INV-000001">INV-000001</a>');
    expect((await bob.get('/approvals/999')).status).toBe(404);
  });

  it('says four-eyes refusals on the page: own request, not an approver, deciding twice', async () => {
    await proposeWaiver(api, api.users.alice);
    const alice = await signInConsole(api.app, api.users.alice);
    const own = await alice.post('/approvals/1/decide', { decision: 'approve', reason: 'looks right' });
    expect(own.status).toBe(403);
    expect(own.html).toContain('<h1>Proposal 1</h1>');
    expect(own.html).toContain('role="alert">four eyes: alice asked for proposal 1 and cannot approve or reject it</p>');
    // What was typed is kept for another try.
    expect(own.html).toContain('looks right</textarea>');
    const dan = await signInConsole(api.app, api.users.dan);
    const analyst = await dan.post('/approvals/1/decide', { decision: 'approve', reason: 'looks right' });
    expect(analyst.html).toContain('dan does not hold the approver role');
    const bob = await signInConsole(api.app, api.users.bob);
    const short = await bob.post('/approvals/1/decide', { decision: 'approve', reason: 'k' });
    expect(short.status).toBe(400);
    expect(short.html).toContain('say why, in a few words');
    const higher = await bob.post('/approvals/1/decide', { decision: 'approve', reason: 'outage confirmed', amount: '50.00' });
    expect(higher.html).toContain('an approver may only lower the amount');
    expect((await call(api.app, 'GET', '/api/v1/proposals/1', { as: api.users.bob })).body.status).toBe('pending');
  });

  it('approves with a lower amount, posts the credit note and links it (PRG)', async () => {
    await proposeWaiver(api, api.users.alice);
    const bob = await signInConsole(api.app, api.users.bob);
    const r = await bob.post('/approvals/1/decide', { decision: 'approve', reason: 'partial: outage was half a day', amount: '5.00' });
    expect(r.status).toBe(303);
    expect(r.location).toBe('/approvals/1?decided=approve');
    const page = await bob.get(r.location!);
    const p = (await call(api.app, 'GET', '/api/v1/proposals/1', { as: api.users.bob })).body;
    expect(p.status).toBe('posted');
    expect(p.postingRef).toMatch(/^CN-/);
    expect(page.html).toContain(`credit note <a href="/invoices/${p.postingRef}">${p.postingRef}</a>`);
    expect(page.html).toContain('partial: outage was half a day');
    expect(page.html).toContain('title="5.00 GBP"');
    expect(page.html).not.toContain('action="/approvals/1/decide"');
    const note = await call(api.app, 'GET', `/api/v1/invoices/${p.postingRef}`, { as: api.users.bob });
    expect(note.status).toBe(200);
    expect(note.body.document).toMatchObject({ kind: 'credit_note', subtotal: '-5.00', total: '-6.00', correcting: expect.objectContaining({ number: 'INV-000001' }) });
  });

  it('needs a second, different approver above the policy amount', async () => {
    expect((await call(api.app, 'PATCH', '/api/v1/settings', { as: api.users.ada, body: { key: 'secondApproverAbove', value: '5.00' } })).status).toBe(200);
    await proposeWaiver(api, api.users.alice);
    const bob = await signInConsole(api.app, api.users.bob);
    const first = await bob.post('/approvals/1/decide', { decision: 'approve', reason: 'outage confirmed' });
    const page = await bob.get(first.location!);
    expect(page.html).toContain('Approved. A second, different approver is still needed.');
    expect(page.html).toContain('1 of 2 required approvals');
    const again = await bob.post('/approvals/1/decide', { decision: 'approve', reason: 'outage confirmed' });
    expect(again.status).toBe(409);
    expect(again.html).toContain('a second approval must come from another person');
    const carol = await signInConsole(api.app, api.users.carol);
    const second = await carol.post('/approvals/1/decide', { decision: 'approve', reason: 'agreed' });
    expect((await carol.get(second.location!)).html).toContain('credit note <a href="/invoices/CN-');
  });

  it('refuses a decision without the session’s CSRF token', async () => {
    await proposeWaiver(api, api.users.alice);
    const bob = await signInConsole(api.app, api.users.bob);
    const r = await api.app.request('/approvals/1/decide', {
      method: 'POST',
      headers: { cookie: bob.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=approve&reason=forged%20form',
    });
    expect(r.status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/proposals/1', { as: api.users.bob })).body.decisions).toEqual([]);
  });

  it('shows a customer’s dispute from the portal chat with their words as text, and marks it handled without moving money', async () => {
    const words = 'I dispute the calls on INV-000001 <script>window.__xss=1</script>';
    const r = await call(api.app, 'POST', '/api/v1/chat/threads', { as: api.users.cora, body: { message: words }, headers: { accept: 'application/json' } });
    expect(r.status).toBe(201);
    const caseId = (r.body.proposals as Array<{ id: number; kind: string }>).find((p) => p.kind === 'customer_dispute')!.id;
    const alice = await signInConsole(api.app, api.users.alice);
    const page = await alice.get(`/approvals/${caseId}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('The customer wrote');
    expect(page.html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(page.html).not.toContain('<script>window.__xss');
    expect(page.html).toContain('approving marks it handled');
    await alice.post(`/approvals/${caseId}/decide`, { decision: 'approve', reason: 'called the customer back' });
    const after = await call(api.app, 'GET', `/api/v1/proposals/${caseId}`, { as: api.users.alice });
    expect(after.body).toMatchObject({ status: 'posted', amount: '0.00' });
    const credits = await call(api.app, 'GET', '/api/v1/invoices?kind=credit_note', { as: api.users.alice });
    expect(credits.body.invoices).toEqual([]);
  });
});

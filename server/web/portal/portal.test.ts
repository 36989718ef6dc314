import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, runOperation, systemClock, userActor } from '../../../app/index.ts';
import { createPortalLink } from '../../../app/portal/index.ts';
import { createPortalLink as saveLinkRow, findWebSession, portalSigningKey } from '../../../db/index.ts';
import { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { signPortalLink } from '../../../tools/portal/index.ts';
import { setUpApi, TODAY, type ApiUsers } from '../../testing/api-setup.ts';

// The portal in process (app.request): its ways in, its refusals, and that it shows one account only.
let store: ReturnType<typeof createTempStore>;
let app: Awaited<ReturnType<typeof setUpApi>>['app'];
let users: ApiUsers;

/** The cookie a response sets, as the next request sends it back. */
function cookieOf(res: Response): string {
  const set = res.headers.get('set-cookie') ?? '';
  return set.split(';')[0] ?? '';
}

/** A fresh link for A1, made by alice through the operation (the token as the customer receives it). */
async function linkFor(accountId = 'A1') {
  return runOperation(createPortalLink, createContext({ store, actor: userActor(users.alice.user), clock: systemClock(TODAY) }), { accountId });
}

async function openLink(token: string) {
  return app.request(`/portal/open?link=${encodeURIComponent(token)}`);
}

async function page(path: string, cookie: string, init: RequestInit = {}) {
  const res = await app.request(path, { ...init, headers: { cookie, ...(init.headers ?? {}) } });
  return { res, text: await res.text() };
}

/** The CSRF token of a portal page (its meta tag). */
const csrfOf = (html: string) => /name="csrf-token" content="([^"]+)"/.exec(html)?.[1] ?? '';

beforeAll(async () => {
  store = createTempStore();
  ({ app, users } = await setUpApi(store));
});
afterAll(() => store.cleanup());

describe('portal links', () => {
  it('opens a session of the link (cookie on /portal, expiring with the link) and sends the browser on to /portal', async () => {
    const link = await linkFor();
    const res = await openLink(link.token);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal');
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/^sb_portal=/);
    expect(set).toMatch(/Path=\/portal/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(new Date(/Expires=([^;]+)/.exec(set)![1]!).toISOString()).toBe(new Date(link.expiresAt).toISOString());
    const home = await page('/portal', cookieOf(res));
    expect(home.res.status).toBe(200);
    expect(home.text).toContain('Ada Lovelace');
    expect(home.text).toContain('forecast to 2025-04-30');
    expect(home.text).toContain('INV-000001');
  });

  it('refuses a forged, an expired, a revoked and an unknown link with a 401 page and no session', async () => {
    const link = await linkFor();
    // One character in the middle of the signature changed.
    const at = link.token.length - 20;
    const forged = `${link.token.slice(0, at)}${link.token[at] === 'A' ? 'B' : 'A'}${link.token.slice(at + 1)}`;
    const past = new Date(Date.now() - 3_600_000);
    past.setMilliseconds(0);
    const row = saveLinkRow(store, { tenant: 't', accountId: 'A1', createdBy: 'alice', expiresAt: past, now: new Date(past.getTime() - 3_600_000) });
    const expired = signPortalLink(portalSigningKey(store, 't'), { id: row.id, expiresAt: past });
    for (const token of [forged, expired, 'garbage', `99999.${Math.floor(Date.now() / 1000) + 600}.${'A'.repeat(43)}`]) {
      const res = await openLink(token);
      expect(res.status, token).toBe(401);
      expect(res.headers.get('set-cookie'), token).toBeNull();
      expect(await res.text()).toContain('This link does not open the portal');
    }
  });

  it('a revoked link ends its session at once', async () => {
    const link = await linkFor();
    const cookie = cookieOf(await openLink(link.token));
    expect((await page('/portal/invoices', cookie)).res.status).toBe(200);
    const alice = createContext({ store, actor: userActor(users.alice.user), clock: systemClock(TODAY) });
    const { revokePortalLink } = await import('../../../app/portal/index.ts');
    await runOperation(revokePortalLink, alice, { linkId: link.id });
    const after = await page('/portal/invoices', cookie);
    expect(after.res.status).toBe(303);
    expect(after.res.headers.get('location')).toMatch(/^\/portal\/sign-in/);
    expect((await openLink(link.token)).status).toBe(401);
  });
});

describe('the portal shows its account and nothing else', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = cookieOf(await openLink((await linkFor()).token));
  });

  it("lists A1's invoices only and 404s A2's invoice, its PDF and a held invoice's bare id", async () => {
    const list = await page('/portal/invoices', cookie);
    expect(list.text).toContain('INV-000001');
    expect(list.text).not.toContain('INV-000002');
    for (const path of ['/portal/invoices/INV-000002', '/portal/invoices/INV-000002/pdf', '/portal/invoices/2', '/portal/invoices/NOPE-1']) {
      const r = await page(path, cookie);
      expect(r.res.status, path).toBe(404);
      expect(r.text, path).toContain('Not found');
      expect(r.text, path).not.toContain('A2');
    }
  });

  it('shows an invoice with its lines and its explanation in plain words, and its PDF', async () => {
    const inv = await page('/portal/invoices/INV-000001', cookie);
    expect(inv.res.status).toBe(200);
    expect(inv.text).toContain('Talk 10 monthly fee');
    expect(inv.text).toContain('This bill covers 2025-03-01 to 2025-03-31');
    expect(inv.text).toContain('20% of 10.29 = 2.058, charged 2.06');
    const pdf = await app.request('/portal/invoices/INV-000001/pdf', { headers: { cookie } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
  });

  it('gives plan advice from the exact what-if, and usage by line', async () => {
    const plans = await page('/portal/plans', cookie);
    expect(plans.text).toContain('Unlimited 20');
    expect(plans.text).toMatch(/you would have paid <span class="money" title="20.99 GBP">£20.99<\/span>/);
    const usage = await page('/portal/usage', cookie);
    expect(usage.text).toContain('447700900123');
    expect(usage.text).toContain('1024.00');
  });

  it('takes a chat question by form (post, 303 to the thread) and confirms a dispute as a case', async () => {
    const help = await page('/portal/help', cookie);
    const form = (message: string) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfOf(help.text), message }).toString(),
    });
    const posted = await page('/portal/help', cookie, form('I dispute the calls to mobiles on INV-000001'));
    expect(posted.res.status).toBe(303);
    const thread = await page(posted.res.headers.get('location')!, cookie);
    expect(thread.text).toMatch(/An analyst will look at it \(case \d+\)\./);
    expect((await page('/portal/help', cookie, form('   '))).res.status).toBe(400);
  });

  it('refuses a state change without the CSRF token, even with the cookie', async () => {
    const r = await page('/portal/help', cookie, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'message=hi' });
    expect(r.res.status).toBe(403);
    const signOut = await page('/portal/sign-out', cookie, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '_csrf=wrong' });
    expect(signOut.res.status).toBe(403);
  });
});

describe('signing in to the portal', () => {
  const signIn = (token: string) =>
    app.request('/portal/sign-in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, next: '/portal/invoices' }).toString() });

  it("opens cora's portal with her token, and signs her out", async () => {
    const res = await signIn(users.cora.token);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal/invoices');
    const cookie = cookieOf(res);
    const home = await page('/portal', cookie);
    expect(home.text).toContain('Ada Lovelace');
    const out = await page('/portal/sign-out', cookie, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `_csrf=${encodeURIComponent(csrfOf(home.text))}` });
    expect(out.res.status).toBe(200);
    expect((await page('/portal', cookie)).res.status).toBe(303);
    const sid = decodeURIComponent(cookie.split('=')[1]!);
    expect(findWebSession(store, sid)).toBeNull();
  });

  it("sends a customer who signs in on the console's page to the portal, with a portal session", async () => {
    const res = await app.request('/sign-in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${users.cora.token}` });
    expect(res.headers.get('location')).toBe('/portal');
    const cookie = cookieOf(res);
    expect(cookie).toMatch(/^sb_portal=/);
    expect((await page('/portal', cookie)).res.status).toBe(200);
    const missing = await page('/portal/no-such-page', cookie);
    expect([missing.res.status, missing.res.headers.get('content-type')]).toEqual([404, 'text/html; charset=UTF-8']);
  });

  it('refuses staff tokens (use a portal link) and unknown tokens, opening no session', async () => {
    for (const who of ['alice', 'ada', 'uma'] as const) {
      const res = await signIn(users[who].token);
      expect(res.status, who).toBe(403);
      expect(res.headers.get('set-cookie'), who).toBeNull();
      expect(await res.text()).toContain('making a portal link');
    }
    const res = await signIn('sb_nope');
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('does not let a console session into the portal, nor a portal session into the console', async () => {
    const staff = await app.request('/sign-in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${users.alice.token}` });
    const consoleCookie = cookieOf(staff).replace(/^sb_console=/, 'sb_portal=');
    expect((await page('/portal', consoleCookie)).res.status).toBe(303);
    const portalCookie = cookieOf(await openLink((await linkFor()).token)).replace(/^sb_portal=/, 'sb_console=');
    const r = await page('/', portalCookie);
    expect(r.res.status).toBe(303);
    expect(r.res.headers.get('location')).toMatch(/^\/sign-in/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findWebSession, listAudit, openWebSession, saveUser, type UserRecord } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../db/testing/ledger-fixture.ts';
import { BillingError } from '../../tools/errors.ts';
import { signPortalLink } from '../../tools/portal/index.ts';
import { createContext, userActor, type Clock } from '../context.ts';
import { runOperation } from '../operation.ts';
import { showInvoice } from '../invoices/index.ts';
import { createPortalLink, listPortalLinks, openPortalLink, portalActor, revokePortalLink } from './index.ts';

let store: ReturnType<typeof createTempStore>;
let alice: UserRecord;
let uma: UserRecord;
let now = new Date('2025-03-16T09:30:00.400Z');
const clock: Clock = { now: () => now, today: () => now.toISOString().slice(0, 10) };
const as = (user: UserRecord) => createContext({ store, actor: userActor(user), clock });

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<{ code: string; message: string }> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (err instanceof BillingError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}

beforeEach(async () => {
  store = createTempStore();
  ({ alice } = await setUpLedger(store));
  uma = saveUser(store, { id: 'uma', tenant: 'u', name: 'Uma Other', roles: ['analyst', 'admin'] });
  now = new Date('2025-03-16T09:30:00.400Z');
});
afterEach(() => store.cleanup());

describe('portal links', () => {
  it('makes a 12-hour link by default that opens the portal on its account, audited', async () => {
    const link = await runOperation(createPortalLink, as(alice), { accountId: 'A1' });
    expect(link).toMatchObject({ accountId: 'A1', createdBy: 'alice', expiresAt: '2025-03-16T21:30:00.000Z' });
    expect(link.path).toBe(`/portal/open?link=${link.token}`);
    expect(link.token).toMatch(new RegExp(`^${link.id}\\.\\d+\\.[A-Za-z0-9_-]{43}$`));
    const opened = openPortalLink(store, link.token, now);
    expect(opened).toEqual({ linkId: link.id, tenant: 't', accountId: 'A1', expiresAt: new Date('2025-03-16T21:30:00.000Z') });
    expect(listAudit(store, 't', { subject: `portal-link:${link.id}` })).toMatchObject([
      { actor: 'alice', actorKind: 'analyst', event: 'portal_link', detail: { action: 'create', accountId: 'A1', hours: 12 } },
    ]);
    // A session of the link sees its account only.
    const customer = createContext({ store, actor: portalActor(opened), clock });
    expect((await runOperation(showInvoice, customer, { number: 'INV-000001' })).document.buyer.accountId).toBe('A1');
    expect((await refusal(runOperation(showInvoice, customer, { number: 'INV-000002' }))).code).toBe('NOT_FOUND');
  });

  it('refuses unknown accounts, other tenants and out-of-range hours', async () => {
    expect(await refusal(runOperation(createPortalLink, as(alice), { accountId: 'NOPE' }))).toEqual({ code: 'NOT_FOUND', message: 'no account NOPE' });
    expect((await refusal(runOperation(createPortalLink, as(uma), { accountId: 'A1' }))).code).toBe('NOT_FOUND');
    expect((await refusal(runOperation(createPortalLink, as(alice), { accountId: 'A1', hours: 169 }))).code).toBe('INVALID_INPUT');
    expect((await refusal(runOperation(createPortalLink, as(alice), { accountId: 'A1', hours: 0 }))).code).toBe('INVALID_INPUT');
    const bob = saveUser(store, { id: 'bob2', tenant: 't', name: 'Bob', roles: ['approver'] });
    expect((await refusal(runOperation(createPortalLink, as(bob), { accountId: 'A1' }))).code).toBe('FORBIDDEN');
  });

  it('refuses expired, revoked, unknown and forged links', async () => {
    const link = await runOperation(createPortalLink, as(alice), { accountId: 'A1', hours: 1 });
    expect(await refusal(() => openPortalLink(store, link.token, new Date('2025-03-16T10:30:00.000Z')))).toEqual({ code: 'UNAUTHORIZED', message: 'portal link expired at 2025-03-16T10:30:00.000Z' });
    const [id, expiry] = link.token.split('.');
    expect(await refusal(() => openPortalLink(store, `999.${expiry}.${'A'.repeat(43)}`, now))).toEqual({ code: 'UNAUTHORIZED', message: 'portal link is not known' });
    // Signed with a key that is not the tenant's.
    expect((await refusal(() => openPortalLink(store, signPortalLink('guessed', { id: Number(id), expiresAt: new Date(Number(expiry) * 1000) }), now))).message).toMatch(/signature does not match/);
    expect((await refusal(() => openPortalLink(store, 'garbage', now))).message).toMatch(/malformed/);
    // Revoking ends the sessions it opened, at once.
    const { sessionId } = openWebSession(store, { tenant: 't', portalLinkId: link.id, expiresAt: new Date(link.expiresAt), now });
    expect(findWebSession(store, sessionId, now)).not.toBeNull();
    const revoked = await runOperation(revokePortalLink, as(alice), { linkId: link.id });
    expect(revoked).toMatchObject({ id: link.id, status: 'revoked', revokedBy: 'alice', alreadyRevoked: false });
    expect(findWebSession(store, sessionId, now)).toBeNull();
    expect((await refusal(() => openPortalLink(store, link.token, now))).message).toMatch(/^portal link was revoked at 2025-03-16T09:30:00.400Z$/);
    // Again changes nothing and writes no second audit entry.
    expect(await runOperation(revokePortalLink, as(alice), { linkId: link.id })).toMatchObject({ status: 'revoked', alreadyRevoked: true, revokedAt: revoked.revokedAt });
    expect(listAudit(store, 't', { subject: `portal-link:${link.id}` }).map((e) => (e.detail as { action: string }).action)).toEqual(['create', 'revoke']);
  });

  it("lists links with their status and never a token; another tenant's link is NOT_FOUND", async () => {
    const a = await runOperation(createPortalLink, as(alice), { accountId: 'A1', hours: 1 });
    const b = await runOperation(createPortalLink, as(alice), { accountId: 'A2' });
    const c = await runOperation(createPortalLink, as(alice), { accountId: 'A1' });
    await runOperation(revokePortalLink, as(alice), { linkId: c.id });
    now = new Date('2025-03-16T11:00:00.000Z');
    const { links } = await runOperation(listPortalLinks, as(alice), {});
    expect(links.map((l) => [l.id, l.accountId, l.status])).toEqual([
      [c.id, 'A1', 'revoked'],
      [b.id, 'A2', 'active'],
      [a.id, 'A1', 'expired'],
    ]);
    expect(JSON.stringify(links)).not.toContain(a.token.split('.')[2]);
    expect((await runOperation(listPortalLinks, as(alice), { accountId: 'A2' })).links.map((l) => l.id)).toEqual([b.id]);
    expect((await runOperation(listPortalLinks, as(uma), {})).links).toEqual([]);
    expect(await refusal(runOperation(revokePortalLink, as(uma), { linkId: b.id }))).toEqual({ code: 'NOT_FOUND', message: `no portal link ${b.id}` });
    expect(openPortalLink(store, b.token, now).accountId).toBe('A2');
  });

  it("signs each tenant's links with its own key", async () => {
    saveUser(store, { id: 'ux', tenant: 'u', name: 'x', roles: ['admin'] });
    const t = await runOperation(createPortalLink, as(alice), { accountId: 'A1' });
    const rows = store.sqlite.prepare("SELECT tenant, length(secret) AS n FROM signing_keys WHERE purpose = 'portal-link'").all();
    expect(rows).toEqual([{ tenant: 't', n: 43 }]);
    // A second link reuses the tenant's key.
    const again = await runOperation(createPortalLink, as(alice), { accountId: 'A1' });
    expect(openPortalLink(store, again.token, now).linkId).toBe(again.id);
    expect(openPortalLink(store, t.token, now).linkId).toBe(t.id);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalLink, revokePortalLink } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../db/testing/ledger-fixture.ts';
import { BillingError } from '../../tools/errors.ts';
import { portalActor } from '../portal/index.ts';
import { chatUserOf } from './chat-user.ts';

let store: ReturnType<typeof createTempStore>;
beforeAll(async () => {
  store = createTempStore();
  await setUpLedger(store);
});
afterAll(() => store.cleanup());

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'returned';
  } catch (e) {
    return e instanceof BillingError ? e.code : String(e);
  }
};

describe('chatUserOf', () => {
  it('is the stored user for a user id', () => {
    expect(chatUserOf(store, { id: 'alice', kind: 'user', tenant: 't', roles: ['analyst'] })).toMatchObject({ id: 'alice', roles: ['analyst', 'approver'] });
  });

  it("is the customer of a live portal link's account, and refused once the link is revoked or when the actor claims another account", () => {
    const later = new Date(Date.now() + 3_600_000);
    const link = createPortalLink(store, { tenant: 't', accountId: 'A1', createdBy: 'alice', expiresAt: later });
    const actor = portalActor({ linkId: link.id, tenant: 't', accountId: 'A1' });
    expect(chatUserOf(store, actor)).toEqual({ id: `portal-link:${link.id}`, tenant: 't', roles: ['customer'], accountId: 'A1', name: 'Customer of account A1' });
    expect(codeOf(() => chatUserOf(store, { ...actor, accountId: 'A2' }))).toBe('UNAUTHORIZED');
    expect(codeOf(() => chatUserOf(store, { ...actor, tenant: 'u' }))).toBe('UNAUTHORIZED');
    revokePortalLink(store, 't', link.id, 'alice');
    expect(codeOf(() => chatUserOf(store, actor))).toBe('UNAUTHORIZED');
    expect(codeOf(() => chatUserOf(store, { ...actor, id: 'portal-link:99999' }))).toBe('UNAUTHORIZED');
  });
});

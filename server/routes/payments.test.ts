import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { rf, statementOf, tx } from '../../app/payments/testing/billed-ledger.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/payments', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  const file = () => statementOf('S1', [[tx('R1', '12.35', { creditorReference: rf('INV-000001') })], [tx('R2', '18.12', { payerName: 'Somebody', remittance: '<script>alert(1)</script>' })]]);

  it('imports a statement, lists, shows; a person matches the unmatched entry, once; staff of the tenant only', async () => {
    const imported = await call(api.app, 'POST', '/api/v1/payments/imports', { as: api.users.dan, body: { content: file(), fileName: 'S1.xml' } });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ format: 'camt.053', read: 2, matched: 1, unmatched: 1, paid: ['INV-000001'] });
    const again = await call(api.app, 'POST', '/api/v1/payments/imports', { as: api.users.dan, body: { content: file(), format: 'camt.053' } });
    expect(again.body).toMatchObject({ read: 2, duplicate: 2, repeatOf: imported.body.importId });

    const unmatched = await call(api.app, 'GET', '/api/v1/payments/unmatched', { as: api.users.bob });
    expect(unmatched.body.total).toBe(1);
    const [p] = unmatched.body.payments;
    expect(p.remittance).toBe('<script>alert(1)</script>'); // data, returned as is in JSON
    const list = await call(api.app, 'GET', '/api/v1/payments?state=duplicate', { as: api.users.bob });
    expect(list.body.counts).toMatchObject({ matched: 1, unmatched: 1, duplicate: 2 });

    expect((await call(api.app, 'POST', `/api/v1/payments/${p.id}/match`, { as: api.users.bob, body: { accountId: 'A2' } })).status).toBe(403); // an approver only
    const matched = await call(api.app, 'POST', `/api/v1/payments/${p.id}/match`, { as: api.users.dan, body: { accountId: 'A2', invoices: ['INV-000002'] } });
    expect(matched.status).toBe(200);
    expect(matched.body.payment).toMatchObject({ state: 'matched', matchMethod: 'manual', matchedBy: 'dan', accountId: 'A2' });
    expect((await call(api.app, 'POST', `/api/v1/payments/${p.id}/match`, { as: api.users.dan, body: { accountId: 'A2' } })).status).toBe(409);
    const shown = await call(api.app, 'GET', `/api/v1/payments/${p.id}`, { as: api.users.dan });
    expect(shown.body.allocations).toEqual([expect.objectContaining({ kind: 'payment', invoiceNumber: 'INV-000002', amount: '18.12' })]);

    expect((await call(api.app, 'GET', `/api/v1/payments/${p.id}`, { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/payments', { as: api.users.cora })).status).toBe(403);
    const bad = await call(api.app, 'POST', '/api/v1/payments/imports', { as: api.users.dan, body: { content: '<Document><BkToCstmrStmt></Document>' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/not well-formed XML/);
  });
});

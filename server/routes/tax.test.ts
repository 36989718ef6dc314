import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EU_VAT_2025_07, EU_VAT_2025_08 } from '../../app/tax/testing/eu-vat-operator.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1/tax-packs', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('imports (admins of the operator only), diffs, previews and proposes adoption; another person approves', async () => {
    expect((await call(api.app, 'POST', '/api/v1/tax-packs/versions', { as: api.users.dan, body: { text: EU_VAT_2025_07 } })).status).toBe(403);
    expect((await call(api.app, 'POST', '/api/v1/tax-packs/versions', { as: api.users.uma, body: { text: EU_VAT_2025_07 } })).status).toBe(403);
    const imported = await call(api.app, 'POST', '/api/v1/tax-packs/versions', { as: api.users.ada, body: { text: EU_VAT_2025_07, fileName: 'eu-vat-2025-07.json' } });
    expect(imported.status).toBe(200);
    // Against the built-in pack (which knows Law 141/2025) the July 2025 version takes Romania back to 19% from August.
    expect(imported.body).toMatchObject({ created: true, inForce: 'built-in', changes: [{ words: 'VAT (Romania) (EU-VAT-RO): 21% -> 19% from 2025-08-01' }] });
    const diff = await call(api.app, 'GET', '/api/v1/tax-packs/eu-vat/versions/2025-07/diff', { as: api.users.dan });
    expect(diff.body).toMatchObject({ from: 'built-in', to: '2025-07', changes: [{ kind: 'rate', taxId: 'EU-VAT-RO', before: '21%', after: '19%' }] });
    // The ledger's customers are in Great Britain: the EU pack changes none of their bills.
    const preview = await call(api.app, 'GET', '/api/v1/tax-packs/eu-vat/versions/2025-07/preview', { as: api.users.dan });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ changed: 0, failing: 0 });
    expect(preview.body.invoices).toBeGreaterThan(0);
    const proposed = await call(api.app, 'POST', '/api/v1/tax-packs/eu-vat/versions/2025-07/adoption', { as: api.users.dan, body: { reason: 'we bill as of July 2025' } });
    expect(proposed.status).toBe(200);
    expect(proposed.body.proposal).toMatchObject({ kind: 'adopt_tax_pack', status: 'pending', accountId: '*', currency: 'XXX' });
    const decided = await call(api.app, 'POST', `/api/v1/proposals/${proposed.body.proposal.id}/decisions`, { as: api.users.bob, body: { decision: 'approve', reason: 'checked' } });
    expect(decided.status).toBe(201);
    const listed = await call(api.app, 'GET', '/api/v1/tax-packs?packId=eu-vat', { as: api.users.dan });
    expect(listed.body.inForce).toEqual([{ packId: 'eu-vat', name: 'EU VAT (standard rates)', version: '2025-07', illustrative: false }]);
    expect((await call(api.app, 'GET', '/api/v1/tax-packs', { as: api.users.cora })).status).toBe(403);
    expect((await call(api.app, 'GET', '/api/v1/tax-packs/eu-vat/versions/2099-01/diff', { as: api.users.dan })).status).toBe(404);
  });

  it('refuses a bad file with 422 naming the problem, and another file under a taken label with 409', async () => {
    const bad = await call(api.app, 'POST', '/api/v1/tax-packs/versions', { as: api.users.ada, body: { text: '{"packId":"eu-vat"}' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toMatch(/version/);
    await call(api.app, 'POST', '/api/v1/tax-packs/versions', { as: api.users.ada, body: { text: EU_VAT_2025_08 } });
    const other = JSON.stringify({ ...JSON.parse(EU_VAT_2025_08), summary: 'the same label with other content' });
    expect((await call(api.app, 'POST', '/api/v1/tax-packs/versions', { as: api.users.ada, body: { text: other } })).status).toBe(409);
  });
});

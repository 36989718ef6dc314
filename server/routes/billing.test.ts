import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi } from '../testing/api-setup.ts';

describe('/api/v1 explanations and billing totals', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  it('explains an invoice line by line, or only its totals, with the arithmetic checked', async () => {
    const full = await call(api.app, 'GET', '/api/v1/invoices/INV-000001/explanation', { as: api.users.dan });
    expect(full.status).toBe(200);
    expect(full.body.header.number).toBe('INV-000001');
    expect(full.body.header.total).toBe('12.35');
    expect(full.body.lines.length).toBeGreaterThan(0);
    expect(full.body.arithmetic).toMatchObject({ linesMatchSubtotal: true, taxesMatchTaxTotal: true, totalMatches: true, violations: [] });
    const totals = await call(api.app, 'GET', '/api/v1/invoices/INV-000001/explanation?totalsOnly=true', { as: api.users.dan });
    expect(totals.body.lines).toEqual([]);
    expect(totals.body.lineCount).toBe(full.body.lines.length);
  });

  it('lets a customer read the explanation of their own invoice only', async () => {
    expect((await call(api.app, 'GET', '/api/v1/invoices/INV-000001/explanation', { as: api.users.cora })).status).toBe(200);
    expect((await call(api.app, 'GET', '/api/v1/invoices/INV-000002/explanation', { as: api.users.cora })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/invoices/INV-000001/explanation', { as: api.users.uma })).status).toBe(404);
  });

  it("gives the month's totals per currency, the same figures as the invoices, and refuses a customer", async () => {
    const res = await call(api.app, 'GET', '/api/v1/billing-totals?period=2025-03', { as: api.users.bob });
    expect(res.status).toBe(200);
    const gbp = res.body.currencies.find((c: { currency: string }) => c.currency === 'GBP');
    const list = await call(api.app, 'GET', '/api/v1/invoices?period=2025-03&kind=invoice', { as: api.users.bob });
    const sum = list.body.invoices.reduce((t: number, i: { total: string }) => t + Math.round(Number(i.total) * 100), 0);
    expect(gbp.issued.count).toBe(2);
    expect(Math.round(Number(gbp.issued.total) * 100)).toBe(sum);
    expect((await call(api.app, 'GET', '/api/v1/billing-totals?period=2025-13', { as: api.users.bob })).status).toBe(400);
    expect((await call(api.app, 'GET', '/api/v1/billing-totals', { as: api.users.cora })).status).toBe(403);
  });

  it('serves the analyses the agents use: a line, compliance, the month invoice, comparisons, bill changes, flagged cases', async () => {
    const as = { as: api.users.dan };
    const explained = await call(api.app, 'GET', '/api/v1/invoices/INV-000001/explanation', as);
    const lineId = explained.body.lines[0].id as string;
    const line = await call(api.app, 'GET', `/api/v1/invoices/INV-000001/lines/${encodeURIComponent(lineId)}`, as);
    expect(line.status).toBe(200);
    expect(line.body.id).toBe(lineId);
    expect(line.body.amount).toBe(explained.body.lines[0].amount);
    expect((await call(api.app, 'GET', '/api/v1/invoices/INV-000001/lines/no-such-line', as)).status).toBe(404);
    const compliance = await call(api.app, 'GET', '/api/v1/invoices/INV-000001/compliance', as);
    expect(compliance.body).toMatchObject({ invoice: 'INV-000001', accountId: 'A1', jurisdiction: 'GB', passed: true });
    const found = await call(api.app, 'GET', '/api/v1/accounts/A1/invoice?period=2025-03', as);
    expect(found.body).toMatchObject({ number: 'INV-000001', total: '12.35', status: 'issued' });
    // March is A1's first bill: nothing earlier to compare with, said in words.
    const compared = await call(api.app, 'GET', '/api/v1/invoice-comparisons?accountId=A1&period=2025-03', as);
    expect(compared.body).toMatchObject({ accountId: 'A1', comparison: null });
    expect(compared.body.note).toContain('no invoice before 2025-03');
    const both = await call(api.app, 'GET', '/api/v1/invoice-comparisons?accountId=A1&invoice=INV-000001', as);
    expect(both.status).toBe(400);
    const change = await call(api.app, 'GET', '/api/v1/bill-changes?invoice=INV-000001', as);
    expect(change.body).toMatchObject({ accountId: 'A1', invoice: { number: 'INV-000001', total: '12.35' }, previous: null, comparison: null });
    const flagged = await call(api.app, 'GET', '/api/v1/flagged-invoices', as);
    expect(flagged.body).toEqual({ held: [], pendingProposals: [] });
  });

  it('lists what the rules could not classify and suggests a category for an event; never for a customer or another tenant', async () => {
    const records = await call(api.app, 'GET', '/api/v1/unclassified-records?limit=5', { as: api.users.dan });
    expect(records.status).toBe(200);
    expect(records.body.summary).toMatch(/^\d+ unclassified events/);
    expect(records.body.unclassifiedTotal).toBe(records.body.unclassified.length);
    const event = (await call(api.app, 'GET', '/api/v1/usage-events?limit=1', { as: api.users.dan })).body.events[0];
    const suggestion = await call(api.app, 'GET', `/api/v1/usage-events/${event.id}/category-suggestion`, { as: api.users.dan });
    expect(suggestion.status).toBe(200);
    expect(suggestion.body.eventId).toBe(event.id);
    expect(typeof suggestion.body.changesCategory).toBe('boolean');
    expect((await call(api.app, 'GET', `/api/v1/usage-events/${event.id}/category-suggestion`, { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/unclassified-records', { as: api.users.cora })).status).toBe(403);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit, notesFor, setApprovalPolicy } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { call, setUpApi, type ApiUser } from '../testing/api-setup.ts';

describe('/api/v1/proposals: four eyes through the API, as in the CLI', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  const waive = (as: ApiUser, number = 'INV-000001') =>
    call(api.app, 'POST', `/api/v1/invoices/${number}/credit-proposals`, { as, body: { kind: 'fee_waiver', lineQuery: 'Talk 10 monthly', reason: 'network outage on 3 March' } });
  const decide = (as: ApiUser, id: number, body: object = { decision: 'approve', reason: 'checked the outage ticket' }) => call(api.app, 'POST', `/api/v1/proposals/${id}/decisions`, { as, body });

  it('alice proposes a fee waiver, cannot approve it herself, bob approves and one credit note is posted', async () => {
    const proposed = await waive(api.users.alice);
    expect(proposed.status).toBe(201);
    // 10.00 fee at 20% VAT: computed by the billing tools before anyone decided anything
    expect(proposed.body).toMatchObject({ existing: false, proposal: { kind: 'fee_waiver', status: 'pending', amount: '10.00', requestedBy: 'alice', requiredApprovals: 1 } });
    expect(proposed.body.proposal.payload.preview).toMatchObject({ subtotal: '-10.00', taxTotal: '-2.00', total: '-12.00' });
    const id: number = proposed.body.proposal.id;

    const own = await decide(api.users.alice, id);
    expect([own.status, own.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(own.body.error.message).toContain('four eyes');

    const approved = await decide(api.users.bob, id);
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ id, status: 'posted', postingRef: 'CN-000001', decisions: [{ decidedBy: 'bob', decision: 'approve', verified: true }] });
    expect(notesFor(store, 1).map((n) => n.total)).toEqual(['-12.00']);

    // approving again is a conflict, never a second note; asking again returns the same proposal
    const again = await decide(api.users.carol, id);
    expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT']);
    expect((await waive(api.users.carol)).body).toMatchObject({ existing: true, proposal: { id, status: 'posted' } });
    expect(notesFor(store, 1)).toHaveLength(1);
    expect(listAudit(store, 't', { subject: `proposal:${id}` }).map((e) => `${e.event}:${e.actor}`)).toEqual([
      'proposal:alice',
      'refusal:alice',
      'decision:bob',
      'posting:switchboard',
      'refusal:carol',
    ]);
  });

  it('needs a second, different approver above the policy amount', async () => {
    setApprovalPolicy(store, { secondApproverAbove: '5.00' }, { tenant: 't', userId: 'ada' });
    const id: number = (await waive(api.users.alice)).body.proposal.id;
    const first = await decide(api.users.bob, id);
    expect([first.status, first.body.status, first.body.requiredApprovals]).toEqual([201, 'pending', 2]);
    expect((await decide(api.users.bob, id)).status).toBe(409);
    expect(notesFor(store, 1)).toHaveLength(0);
    const second = await decide(api.users.carol, id, { decision: 'approve', reason: 'second pair of eyes', amount: '5.00' });
    expect([second.status, second.body.status]).toEqual([201, 'posted']);
    expect(notesFor(store, 1).map((n) => n.total)).toEqual(['-6.00']);
  });

  it('lists and shows proposals with filters, and names a bad field', async () => {
    const id: number = (await waive(api.users.alice)).body.proposal.id;
    const list = await call(api.app, 'GET', '/api/v1/proposals?status=pending&kind=fee_waiver&invoice=INV-000001', { as: api.users.bob });
    expect(list.status).toBe(200);
    expect(list.body.proposals.map((p: { id: number }) => p.id)).toEqual([id]);
    expect((await call(api.app, 'GET', '/api/v1/proposals?kind=credit', { as: api.users.bob })).body.proposals).toEqual([]);
    expect((await call(api.app, 'GET', '/api/v1/proposals?accountId=A2', { as: api.users.dan })).body.proposals).toEqual([]);
    const shown = await call(api.app, 'GET', `/api/v1/proposals/${id}`, { as: api.users.dan });
    expect(shown.body).toMatchObject({ id, kind: 'fee_waiver', payload: { invoiceNumber: 'INV-000001', lineCharged: '10.00' } });
    const bad = await decide(api.users.bob, id, { decision: 'approve', reason: 'x' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_INPUT']);
    expect(bad.body.error.message).toContain('reason');
    const raised = await decide(api.users.bob, id, { decision: 'approve', reason: 'more', amount: '12.00' });
    expect([raised.status, raised.body.error.code]).toEqual([400, 'INVALID_INPUT']);
    expect((await call(api.app, 'GET', '/api/v1/proposals?status=maybe', { as: api.users.bob })).status).toBe(400);
  });

  it('is 403 for the customer and, on decisions, for an analyst who is not an approver', async () => {
    const id: number = (await waive(api.users.alice)).body.proposal.id;
    const { cora, dan } = api.users;
    expect((await call(api.app, 'GET', '/api/v1/proposals', { as: cora })).status).toBe(403);
    expect((await call(api.app, 'GET', `/api/v1/proposals/${id}`, { as: cora })).status).toBe(403);
    expect((await decide(cora, id)).status).toBe(403);
    expect((await waive(cora)).status).toBe(403);
    const byDan = await decide(dan, id);
    expect([byDan.status, byDan.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(byDan.body.error.message).toContain('approver');
    expect((await call(api.app, 'GET', `/api/v1/proposals/${id}`, { as: api.users.bob })).body).toMatchObject({ status: 'pending', decisions: [] });
  });

  it('is 404 for another tenant on every id, and records its attempt in its own tenant only', async () => {
    const id: number = (await waive(api.users.alice)).body.proposal.id;
    const { uma } = api.users;
    const before = listAudit(store, 't');
    expect((await call(api.app, 'GET', `/api/v1/proposals/${id}`, { as: uma })).status).toBe(404);
    expect((await decide(uma, id)).status).toBe(404);
    expect((await waive(uma)).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/proposals?invoice=INV-000001', { as: uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/proposals?accountId=A1', { as: uma })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/proposals', { as: uma })).body.proposals).toEqual([]);
    for (const kind of ['release', 'void']) {
      expect((await call(api.app, 'POST', `/api/v1/invoices/INV-000001/${kind}-proposals`, { as: uma, body: { reason: 'trying' } })).status).toBe(404);
    }
    expect(listAudit(store, 't')).toEqual(before);
    expect(listAudit(store, 'u').map((e) => `${e.event}:${e.subject}`)).toEqual([`refusal:proposal:${id}`]);
  });

  it('publishes the routes with their roles; creating POSTs are 201 and take an Idempotency-Key', async () => {
    const { body: doc } = await call(api.app, 'GET', '/api/openapi.json');
    const decisions = doc.paths['/api/v1/proposals/{proposalId}/decisions'].post;
    expect(Object.keys(decisions.responses)).toContain('201');
    expect(decisions.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['proposalId', 'idempotency-key']));
    expect(decisions['x-roles']).not.toContain('customer');
    for (const path of ['release-proposals', 'void-proposals', 'credit-proposals']) expect(Object.keys(doc.paths[`/api/v1/invoices/{number}/${path}`].post.responses)).toContain('201');
  });
});

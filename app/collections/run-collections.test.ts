import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { decideProposal } from '../../graphs/approval/graph.ts';
import { testCatalog } from '../../tools/charging/testing/charging-fixtures.ts';
import { addDays } from '../../tools/time/index.ts';
import { getInvoice, listNotifications, listProposals, notesFor, saveCatalogVersion, saveUser, type UserRecord } from '../../db/index.ts';
import { paymentAllocations } from '../../db/payment-schema.ts';
import { insertPromise, listPromises, listRestrictions } from '../../db/promise-store.ts';
import { createProposal, type Requester } from '../../db/proposal-store.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { billPeriod } from '../billing/index.ts';
import { accountCollectionsView, runCollections } from './run-collections.ts';

/* A1's March invoice INV-000001, issued 2025-04-01 (A2, a business, is billed too: the checks read A1's rows). */
let store: ReturnType<typeof createTempStore>;
let bob: UserRecord;
let due: string;
const cycle: Requester = { tenant: 't', userId: 'collections', kind: 'cycle' };
const dunning = () => listNotifications(store, 't', { accountId: 'A1' }).filter((n) => n.payload.kind === 'dunning_step');
const mine = (r: { proposed: { accountId: string }[] }) => r.proposed.filter((p) => p.accountId === 'A1');
const a1Steps = () => listProposals(store, 't', { kind: 'dunning_step', accountId: 'A1' });
const approve = (id: number, today: string) => decideProposal({ store, tenant: 't', actor: bob, today }, id, { decision: 'approve', reason: 'agreed' });

beforeEach(() => {
  store = createTempStore();
  setUpBillingOperator(store);
  saveCatalogVersion(store, testCatalog({ lateFee: { name: 'Late payment fee', fixed: '7.50' } }));
  billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  saveUser(store, { id: 'alice', tenant: 't', name: 'Alice Analyst', roles: ['analyst'] });
  bob = saveUser(store, { id: 'bob', tenant: 't', name: 'Bob Approver', roles: ['approver'] });
  due = getInvoice(store, 'INV-000001').document.dueDate!;
});
afterEach(() => store.cleanup());

describe('the collections run walks the ladder (real SQLite)', () => {
  it('sends the reminder itself, once, on the channels of the risk band', () => {
    runCollections(store, cycle, addDays(due, 5));
    expect(dunning()).toEqual([]);
    runCollections(store, cycle, addDays(due, 10));
    expect(runCollections(store, cycle, addDays(due, 11)).remindersSent).toBe(0);
    expect(dunning().map((n) => n.payload)).toEqual([expect.objectContaining({ step: 'reminder', action: 'reminder', number: 'INV-000001', proposalId: null, channels: ['email'] })]);
  });

  it('proposes the late fee once, and posting issues one debit note at the catalog amount', async () => {
    runCollections(store, cycle, addDays(due, 10));
    // The overview shows the catalog's fee, not the ladder's fallback.
    expect(accountCollectionsView(store, 't', 'A1', addDays(due, 22)).plan.steps.map((s) => [s.stepId, s.lateFee])).toEqual([['late_fee', '7.50']]);
    const run = runCollections(store, cycle, addDays(due, 22));
    expect(mine(run)).toEqual([expect.objectContaining({ step: 'late_fee', existing: false })]);
    expect(mine(runCollections(store, cycle, addDays(due, 23)))).toEqual([expect.objectContaining({ step: 'late_fee', existing: true })]);
    const [p] = a1Steps();
    expect(p).toMatchObject({ amount: '7.50', status: 'pending', requesterKind: 'cycle' });
    expect((await approve(p!.id, addDays(due, 24))).status).toBe('posted');
    const notes = notesFor(store, 1);
    expect(notes.map((n) => [n.kind, n.document.subtotal])).toEqual([['debit_note', '7.50']]);
    expect(dunning().find((n) => n.payload.kind === 'dunning_step' && n.payload.step === 'late_fee')!.payload).toMatchObject({ action: 'late_fee', lateFee: '7.50', noteNumber: notes[0]!.number });
    // Running again proposes nothing more until the restriction is due.
    expect(mine(runCollections(store, cycle, addDays(due, 25)))).toEqual([]);
  });

  it('restricts outgoing calls and then proposes barring, each only after approval of the one before', async () => {
    runCollections(store, cycle, addDays(due, 10));
    runCollections(store, cycle, addDays(due, 22));
    await approve(a1Steps()[0]!.id, addDays(due, 22));
    expect(mine(runCollections(store, cycle, addDays(due, 36)))).toEqual([expect.objectContaining({ step: 'restriction' })]);
    await approve(listProposals(store, 't', { kind: 'dunning_step', accountId: 'A1', status: ['pending'] })[0]!.id, addDays(due, 36));
    expect(listRestrictions(store, 't', 'A1')).toEqual([expect.objectContaining({ level: 'outgoing', lines: ['447700900123'] })]);
    expect(dunning().find((n) => n.payload.kind === 'dunning_step' && n.payload.step === 'restriction')!.payload).toMatchObject({ action: 'restriction' });
    expect(mine(runCollections(store, cycle, addDays(due, 61)))).toEqual([expect.objectContaining({ step: 'barring' })]);
  });

  it('never proposes a rejected step again', async () => {
    runCollections(store, cycle, addDays(due, 10));
    runCollections(store, cycle, addDays(due, 22));
    const p = a1Steps()[0]!;
    await decideProposal({ store, tenant: 't', actor: bob, today: addDays(due, 22) }, p.id, { decision: 'reject', reason: 'customer called' });
    expect(mine(runCollections(store, cycle, addDays(due, 23)))).toEqual([]);
    expect(a1Steps()).toHaveLength(1);
  });

  it('stops the ladder of a paid invoice and of one with an open customer dispute', () => {
    createProposal(
      store,
      { tenant: 't', userId: 'A1', kind: 'customer' as never },
      {
        kind: 'customer_dispute',
        accountId: 'A1',
        invoiceId: 1,
        currency: 'GBP',
        amount: '0.00',
        summary: 'Customer dispute from account A1 about invoice INV-000001',
        payload: { accountId: 'A1', invoiceId: 1, invoiceNumber: 'INV-000001', lineId: 'rec:L1:2025-03-01', lineDescription: 'Monthly fee', words: 'I never made these calls', channel: 'portal_chat' },
        reason: 'portal chat',
        targetKey: 'customer_dispute:1',
      },
    );
    expect(accountCollectionsView(store, 't', 'A1', addDays(due, 10)).disputed).toEqual([1]);
    runCollections(store, cycle, addDays(due, 10));
    expect(dunning()).toEqual([]);
    store.cleanup();
    store = createTempStore();
    setUpBillingOperator(store);
    saveCatalogVersion(store, testCatalog());
    billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
    const inv = getInvoice(store, 'INV-000001');
    store.db
      .insert(paymentAllocations)
      .values({ tenant: 't', kind: 'payment', paymentId: null, invoiceId: inv.id, accountId: 'A1', amount: inv.total, currency: 'GBP', date: addDays(due, 2), createdAt: new Date().toISOString() })
      .run();
    runCollections(store, cycle, addDays(due, 10));
    expect(dunning()).toEqual([]);
  });

  it('pauses while a promise is open; a kept one closes, a broken one resumes the ladder and is reported', () => {
    const promise = (promisedFor: string) =>
      insertPromise(store, { tenant: 't', accountId: 'A1', amount: '12.00', currency: 'GBP', promisedFor, recordedOn: addDays(due, 8), recordedBy: 'alice', note: null, at: new Date() });
    const p = promise(addDays(due, 15));
    expect(runCollections(store, cycle, addDays(due, 10)).paused).toEqual(['A1']);
    expect(dunning()).toEqual([]);
    const broken = runCollections(store, cycle, addDays(due, 16));
    expect(broken).toMatchObject({ promisesBroken: [p.id], paused: [] });
    expect(dunning().map((n) => n.payload.kind === 'dunning_step' && n.payload.step)).toEqual(['reminder']);
    expect(runCollections(store, cycle, addDays(due, 17)).promisesBroken).toEqual([]);
    const q = promise(addDays(due, 30));
    const inv = getInvoice(store, 'INV-000001');
    store.db
      .insert(paymentAllocations)
      .values({ tenant: 't', kind: 'payment', paymentId: null, invoiceId: inv.id, accountId: 'A1', amount: '12.00', currency: 'GBP', date: addDays(due, 18), createdAt: new Date().toISOString() })
      .run();
    expect(runCollections(store, cycle, addDays(due, 19)).promisesKept).toEqual([q.id]);
    expect(listPromises(store, 't', { accountId: 'A1' }).map((x) => [x.id, x.status])).toEqual([
      [q.id, 'kept'],
      [p.id, 'broken'],
    ]);
    const kinds = listNotifications(store, 't', { accountId: 'A1' })
      .filter((n) => n.payload.kind === 'payment_promise')
      .map((n) => n.payload);
    expect(kinds).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'broken' }), expect.objectContaining({ status: 'kept' })]));
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeInvoiceStatus, getProposal, listAudit, listInvoices, notesFor, openDatabase, saveUser, setApprovalPolicy, type UserRecord } from '../../db/index.ts';
import { postProposal, proposeInvoiceCredit, proposeRelease, proposeVoid } from '../../app/proposals/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { ingestAndRate, setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { decideProposal, openApproval } from './graph.ts';
import { billPeriod } from '../../app/billing/index.ts';

let store: ReturnType<typeof createTempStore>;
let alice: UserRecord;
let bob: UserRecord;
let carol: UserRecord;
const asAnalyst = (u: UserRecord) => ({ tenant: u.tenant, userId: u.id, kind: 'analyst' as const, threadId: 't-1' });

beforeEach(async () => {
  store = createTempStore();
  setUpBillingOperator(store);
  await ingestAndRate(store);
  billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  alice = saveUser(store, { id: 'alice', tenant: 't', name: 'Alice Analyst', roles: ['analyst', 'approver'] });
  bob = saveUser(store, { id: 'bob', tenant: 't', name: 'Bob Approver', roles: ['approver'] });
  carol = saveUser(store, { id: 'carol', tenant: 't', name: 'Carol Approver', roles: ['approver', 'analyst'] });
});
afterEach(() => store.cleanup());

const waiveTalkFee = () => proposeInvoiceCredit(store, asAnalyst(alice), { kind: 'fee_waiver', invoice: 'INV-000001', lineQuery: 'Talk 10 monthly', reason: 'network outage on 3 March' }).proposal;
const approve = (reason = 'checked the outage ticket') => ({ decision: 'approve' as const, reason });

describe('four-eyes approval through the approval graph (real SQLite)', () => {
  it('computes the waiver with the tools, refuses the requester, posts one credit note when another approver approves', async () => {
    const p = waiveTalkFee();
    // 10.00 fee at 20% VAT: the credit note the tools computed, before anyone decided anything
    expect(p).toMatchObject({ kind: 'fee_waiver', status: 'pending', amount: '10.00', requiredApprovals: 1 });
    expect(p.payload.preview).toMatchObject({ subtotal: '-10.00', taxTotal: '-2.00', total: '-12.00' });
    await openApproval({ store, tenant: 't' }, p.id);
    await expect(decideProposal({ store, tenant: 't', actor: alice }, p.id, approve())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(getProposal(store, 't', p.id).status).toBe('pending');
    const done = await decideProposal({ store, tenant: 't', actor: bob, today: '2025-04-05' }, p.id, approve());
    expect(done.status).toBe('posted');
    const notes = notesFor(store, 1);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'credit_note', number: 'CN-000001', total: '-12.00', status: 'issued' });
    expect(done.postingRef).toBe('CN-000001');
    // Deciding again, posting again: nothing more
    await expect(decideProposal({ store, tenant: 't', actor: carol }, p.id, approve())).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(postProposal(store, 't', p.id)).toMatchObject({ alreadyPosted: true, ref: 'CN-000001' });
    expect(notesFor(store, 1)).toHaveLength(1);
    const events = listAudit(store, 't', { subject: `proposal:${p.id}` }).map((e) => `${e.event}:${e.actor}`);
    expect(events).toEqual(['proposal:alice', 'refusal:alice', 'decision:bob', 'posting:switchboard', 'refusal:carol']);
  });

  it('needs a second, different approver above the policy amount, and resumes after a restart', async () => {
    setApprovalPolicy(store, { secondApproverAbove: '5.00' }, { tenant: 't', userId: 'root' });
    const p = waiveTalkFee();
    expect(p.requiredApprovals).toBe(2);
    expect((await decideProposal({ store, tenant: 't', actor: bob }, p.id, approve())).status).toBe('pending');
    await expect(decideProposal({ store, tenant: 't', actor: bob }, p.id, approve())).rejects.toMatchObject({ code: 'CONFLICT' });
    // The process stops; another one opens the same file and the approval goes on from its checkpoint
    store.close();
    const reopened = openDatabase(store.path);
    try {
      const done = await decideProposal({ store: reopened, tenant: 't', actor: carol, today: '2025-04-05' }, p.id, approve('second pair of eyes'));
      expect(done.status).toBe('posted');
      expect(done.decisions.map((d) => d.decidedBy)).toEqual(['bob', 'carol']);
      expect(listInvoices(reopened, { accountId: 'A1' }).filter((i) => i.kind === 'credit_note')).toHaveLength(1);
    } finally {
      // better-sqlite3's close is idempotent: afterEach's cleanup still deletes the folder.
      reopened.close();
    }
  });

  it('lets an approver lower a waiver but never raise it, and a rejection posts nothing', async () => {
    const p = waiveTalkFee();
    await expect(decideProposal({ store, tenant: 't', actor: bob }, p.id, { ...approve(), amount: '12.00' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const done = await decideProposal({ store, tenant: 't', actor: bob }, p.id, { ...approve('half, as agreed'), amount: '5.00' });
    expect(done.status).toBe('posted');
    expect(notesFor(store, 1)[0]).toMatchObject({ total: '-6.00' });
    const release = () => proposeRelease(store, asAnalyst(alice), { invoice: 'INV-000002', reason: 'x' });
    expect(release).toThrow(/not held/);
    const other = proposeInvoiceCredit(store, asAnalyst(alice), { kind: 'credit', invoice: 'INV-000002', amount: '1.00', reason: 'goodwill' }).proposal;
    const rejected = await decideProposal({ store, tenant: 't', actor: bob }, other.id, { decision: 'reject', reason: 'no grounds' });
    expect(rejected.status).toBe('rejected');
    expect(notesFor(store, 2)).toHaveLength(0);
  });

  it("never shows or decides another tenant's proposal, and refuses a user without the approver role", async () => {
    const p = waiveTalkFee();
    const mallory = saveUser(store, { id: 'mallory', tenant: 'other', name: 'Mallory', roles: ['approver'] });
    const dan = saveUser(store, { id: 'dan', tenant: 't', name: 'Dan', roles: ['analyst'] });
    await expect(decideProposal({ store, tenant: mallory.tenant, actor: mallory }, p.id, approve())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(decideProposal({ store, tenant: 't', actor: dan }, p.id, approve())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(() => proposeInvoiceCredit(store, { tenant: 'other', userId: 'mallory', kind: 'analyst' }, { kind: 'credit', invoice: 'INV-000001', amount: '1.00', reason: 'x' })).toThrow(/no invoice/);
    expect(getProposal(store, 't', p.id).status).toBe('pending');
  });

  it("records another tenant's approval attempt as a refusal of the acting user's tenant, revealing nothing of the proposal", async () => {
    const p = waiveTalkFee();
    const mallory = saveUser(store, { id: 'mallory', tenant: 'other', name: 'Mallory', roles: ['approver'] });
    const before = listAudit(store, 't');
    await expect(decideProposal({ store, tenant: mallory.tenant, actor: mallory }, p.id, approve())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // a missing id and another tenant's id leave the same record, so the record itself says nothing of tenant t
    await expect(decideProposal({ store, tenant: mallory.tenant, actor: mallory }, 999, { decision: 'reject', reason: 'just trying' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const refusals = listAudit(store, 'other').filter((e) => e.event === 'refusal');
    expect(refusals).toEqual([
      expect.objectContaining({
        actor: 'mallory',
        actorKind: 'approver',
        subject: `proposal:${p.id}`,
        detail: { code: 'NOT_FOUND', message: `no proposal ${p.id}`, attemptedId: p.id, decision: 'approve', tenant: 'other' },
      }),
      expect.objectContaining({ actor: 'mallory', subject: 'proposal:999', detail: { code: 'NOT_FOUND', message: 'no proposal 999', attemptedId: 999, decision: 'reject', tenant: 'other' } }),
    ]);
    expect(listAudit(store, 't')).toEqual(before);
    expect(getProposal(store, 't', p.id)).toMatchObject({ status: 'pending', decisions: [] });
  });

  it('voids an invoice only once another person approves, and never a paid one', async () => {
    const p = proposeVoid(store, asAnalyst(alice), { invoice: 'INV-000002', reason: 'issued to the wrong customer' }).proposal;
    expect(p).toMatchObject({ kind: 'void_invoice', amount: '18.12', status: 'pending' });
    expect(listInvoices(store, { accountId: 'A2' })[0]!.status).toBe('issued');
    await expect(decideProposal({ store, tenant: 't', actor: alice }, p.id, approve())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await decideProposal({ store, tenant: 't', actor: bob }, p.id, approve())).postingRef).toBe('INV-000002 void');
    expect(listInvoices(store, { accountId: 'A2' })[0]!.status).toBe('void');
    expect(() => proposeVoid(store, asAnalyst(alice), { invoice: 'INV-000002', reason: 'again' })).toThrow(/is void and cannot be voided/);
    changeInvoiceStatus(store, 1, 'paid');
    expect(() => proposeVoid(store, asAnalyst(alice), { invoice: 'INV-000001', reason: 'x' })).toThrow(/is paid and cannot be voided/);
  });

  it('asking twice for the same waiver returns the open proposal instead of a second one', () => {
    const a = waiveTalkFee();
    const b = proposeInvoiceCredit(store, asAnalyst(carol), { kind: 'fee_waiver', invoice: 'INV-000001', lineQuery: 'talk monthly', reason: 'again' });
    expect(b).toMatchObject({ existing: true, proposal: { id: a.id } });
  });
});

import { HumanMessage } from '@langchain/core/messages';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getProposal, listAudit, notesFor, openDatabase, saveUser, setApprovalPolicy, tenantInvoice, type Store } from '../../db/index.ts';
import { postProposal } from '../../app/proposals/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import type { AgentContext } from '../../agents/context.ts';
import { approvalTools } from '../../agents/tools/approval-tools.ts';
import { approvalThreadId, buildApprovalGraph, decideProposal } from '../approval/index.ts';
import { chat, setUpChat, threadMessages, TODAY, type ChatUsers } from './testing/chat-setup.ts';

/* Proposals made in chat wait in their own approval thread at interrupt(); a decision is taken only
 * when an approver states it in chat, under the four-eyes rules, and posting happens once. */

let store: ReturnType<typeof createTempStore>;
let u: ChatUsers;

beforeEach(async () => {
  store = createTempStore();
  u = await setUpChat(store);
});
afterEach(() => store.cleanup());

const WAIVER = 'waive the monthly fee on invoice INV-000001, network outage on 3 March';
const SUMMARY = 'Waive Talk 10 monthly fee on invoice INV-000001: credit note of 10.00 net + 2.00 tax = 12.00 GBP';
const inv1 = (s: Store = store) => tenantInvoice(s, 't', 'INV-000001').id;

async function askWaiver(threadId?: string) {
  const r = await chat(store, u.alice, WAIVER, threadId);
  expect(r.proposals).toMatchObject([{ kind: 'fee_waiver', status: 'pending', summary: SUMMARY, amount: '10.00' }]);
  return r;
}

async function approvalState(s: Store, id: number) {
  return buildApprovalGraph({ store: s, tenant: 't' }).getState({ configurable: { thread_id: approvalThreadId(id) } });
}

async function expectWaitingAtInterrupt(s: Store, id: number, approvals: string[] = []) {
  const snap = await approvalState(s, id);
  expect(snap.next).toEqual(['await_decision']);
  const interrupts = snap.tasks.flatMap((t) => t.interrupts);
  expect(interrupts).toHaveLength(1);
  expect(interrupts[0]!.value).toMatchObject({ proposalId: id, kind: 'fee_waiver', amount: '10.00', currency: 'GBP', requestedBy: 'alice', approvals });
}

describe('interrupt and resume across a restart', () => {
  it('waits at the interrupt, survives closing the database, posts CN-000001 of -12.00 once when another person approves in chat, and continues the thread', async () => {
    const first = await chat(store, u.alice, 'Explain invoice INV-000001');
    const thread = first.threadId;
    const w = await askWaiver(thread);
    expect(w.threadId).toBe(thread);
    const id = w.proposals[0]!.id;
    await expectWaitingAtInterrupt(store, id);
    expect(notesFor(store, inv1())).toEqual([]);
    const before = await threadMessages(store, u.alice, thread);

    // The process stops; a new one opens the same file
    store.close();
    const reopened = openDatabase(store.path);
    try {
      await expectWaitingAtInterrupt(reopened, id);
      const a = await chat(reopened, u.bob, `approve proposal ${id}, outage confirmed`);
      expect(a.agents).toEqual(['supervisor']);
      expect(a.tools).toEqual([{ name: 'decide_proposal', ok: true }]);
      expect(a.answer).toContain(`Proposal ${id} approved and posted: CN-000001. ${SUMMARY}`);
      const notes = notesFor(reopened, inv1(reopened));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ kind: 'credit_note', number: 'CN-000001', total: '-12.00', status: 'issued' });
      expect([notes[0]!.document.subtotal, notes[0]!.document.taxTotal]).toEqual(['-10.00', '-2.00']);
      expect(getProposal(reopened, 't', id)).toMatchObject({ status: 'posted', postingRef: 'CN-000001' });
      const done = await approvalState(reopened, id);
      expect(done.next).toEqual([]);
      expect(done.values).toMatchObject({ proposalId: id, status: 'posted', postingRef: 'CN-000001' });

      // --thread: the earlier conversation is still there and grows
      const again = await chat(reopened, u.alice, `show proposal ${id}`, thread);
      expect(again.threadId).toBe(thread);
      expect(again.answer).toContain(`Proposal ${id} [posted] fee_waiver for account A1: ${SUMMARY}`);
      expect(again.answer).toContain('  - approve by bob at');
      expect(again.answer).toContain('Posted: CN-000001');
      const after = await threadMessages(reopened, u.alice, thread);
      expect(before.length).toBeGreaterThan(4);
      expect(after.length).toBeGreaterThan(before.length);
      expect(after.slice(0, before.length).map((m) => m.content)).toEqual(before.map((m) => m.content));
      expect(after.filter((m) => HumanMessage.isInstance(m)).map((m) => m.content)).toEqual(['Explain invoice INV-000001', WAIVER, `show proposal ${id}`]);
      // an approval thread is never a chat thread
      await expect(chat(reopened, u.alice, 'help', approvalThreadId(id))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    } finally {
      reopened.close();
    }
  });
});

describe('four eyes through chat', () => {
  it('refuses the requester and an analyst without the approver role; the proposal stays pending and waiting', async () => {
    const id = (await askWaiver()).proposals[0]!.id;
    const own = await chat(store, u.alice, `approve proposal ${id}, I checked it myself`);
    expect(own.tools).toEqual([{ name: 'decide_proposal', ok: false }]);
    expect(own.answer).toContain(`four eyes: alice asked for proposal ${id} and cannot approve or reject it (FORBIDDEN)`);
    const noRole = await chat(store, u.dan, `approve proposal ${id}`);
    expect(noRole.tools).toEqual([{ name: 'decide_proposal', ok: false }]);
    expect(noRole.answer).toContain('dan does not hold the approver role (FORBIDDEN)');
    const rejectOwn = await chat(store, u.alice, `reject proposal ${id}`);
    expect(rejectOwn.answer).toContain('four eyes');
    expect(getProposal(store, 't', id)).toMatchObject({ status: 'pending', decisions: [] });
    expect(notesFor(store, inv1())).toEqual([]);
    await expectWaitingAtInterrupt(store, id);
    expect(listAudit(store, 't', { subject: `proposal:${id}` }).map((e) => `${e.event}:${e.actor}`)).toEqual(['proposal:alice', 'refusal:alice', 'refusal:dan', 'refusal:alice']);
    // the refusals leave the thread able to take a real decision
    expect((await chat(store, u.bob, `approve proposal ${id}, outage confirmed`)).answer).toContain('approved and posted: CN-000001');
  });

  it('never approves on a message that does not state the decision', async () => {
    const id = (await askWaiver()).proposals[0]!.id;
    for (const message of [`show proposal ${id}`, `show proposal ${id} and approve it`, `is proposal ${id} ok to approve?`, "what's pending approval?"]) {
      const r = await chat(store, u.bob, message);
      expect(r.tools.map((t) => t.name)).not.toContain('decide_proposal');
    }
    expect(getProposal(store, 't', id)).toMatchObject({ status: 'pending', decisions: [] });
    await expectWaitingAtInterrupt(store, id);
  });

  it('the decide_proposal tool refuses a decision the utterance does not state', async () => {
    const id = (await askWaiver()).proposals[0]!.id;
    const decided: number[] = [];
    const tool = (utterance: string, withDecide = true) => {
      const ctx: AgentContext = {
        store,
        user: u.bob,
        threadId: 'thread-direct',
        today: TODAY,
        utterance,
        requesterKind: 'analyst',
        ...(withDecide
          ? {
              decide: (pid: number, response: Parameters<NonNullable<AgentContext['decide']>>[1]) => (
                decided.push(pid), decideProposal({ store, tenant: 't', actor: u.bob, today: TODAY }, pid, response)
              ),
            }
          : {}),
      };
      return approvalTools(ctx).find((t) => t.tool.name === 'decide_proposal')!.tool;
    };
    const approve = { proposalId: id, decision: 'approve', reason: 'looks right' };
    const run = async (utterance: string, args: object = approve, withDecide = true) =>
      JSON.parse(String(await tool(utterance, withDecide).invoke(args))) as { error?: { code: string; message: string }; status?: string };
    const stateIt = `a decision is taken only when the analyst states it: say "approve ${id}" yourself`;
    expect(await run(`show proposal ${id}`)).toEqual({ error: { code: 'FORBIDDEN', message: stateIt } });
    expect(await run(`approve proposal ${id + 10}`)).toEqual({ error: { code: 'FORBIDDEN', message: stateIt } });
    expect(await run(`reject proposal ${id}`)).toEqual({ error: { code: 'FORBIDDEN', message: stateIt } });
    expect(await run(`approve or reject proposal ${id}?`)).toEqual({ error: { code: 'FORBIDDEN', message: stateIt } });
    expect(await run(`approve proposal ${id}`, approve, false)).toEqual({ error: { code: 'FORBIDDEN', message: 'decisions are not taken in this kind of run' } });
    expect(decided).toEqual([]);
    expect(getProposal(store, 't', id).status).toBe('pending');
    expect(listAudit(store, 't', { threadId: 'thread-direct' }).map((e) => `${e.event}:${e.subject}`)).toEqual(Array(5).fill('tool_error:decide_proposal'));
    // stated: it goes through
    expect(await run(`approve proposal ${id}`)).toMatchObject({ status: 'posted' });
    // the decision went through the proposals.decide operation as bob, not through a hook the model could reach
    expect(decided).toEqual([]);
    expect(getProposal(store, 't', id).decisions.map((d) => `${d.decision}:${d.decidedBy}:${d.verified}`)).toEqual(['approve:bob:true']);
  });

  it('needs a second, different approver above the policy threshold', async () => {
    setApprovalPolicy(store, { secondApproverAbove: '5.00' }, { tenant: 't', userId: 'root' });
    const w = await askWaiver();
    const id = w.proposals[0]!.id;
    expect(w.proposals[0]!.requiredApprovals).toBe(2);
    expect(w.answer).toContain(`waits for two approvers other than alice`);
    const first = await chat(store, u.bob, `approve proposal ${id}, outage confirmed`);
    expect(first.tools).toEqual([{ name: 'decide_proposal', ok: true }]);
    expect(first.answer).toContain(`Your approval of proposal ${id} is recorded; it needs 2 approvals from different people, so it waits for another approver.`);
    await expectWaitingAtInterrupt(store, id, ['bob']);
    const twice = await chat(store, u.bob, `approve proposal ${id}`);
    expect(twice.answer).toContain(`bob already decided on proposal ${id}; a second approval must come from another person (CONFLICT)`);
    expect(notesFor(store, inv1())).toEqual([]);
    const second = await chat(store, u.carol, `approve proposal ${id}, second pair of eyes`);
    expect(second.answer).toContain(`Proposal ${id} approved and posted: CN-000001.`);
    expect(getProposal(store, 't', id).decisions.map((d) => d.decidedBy)).toEqual(['bob', 'carol']);
    expect(notesFor(store, inv1()).map((n) => n.total)).toEqual(['-12.00']);
  });

  it('lets an approver lower the amount in chat, and a rejection posts nothing', async () => {
    const id = (await askWaiver()).proposals[0]!.id;
    const half = await chat(store, u.bob, `approve proposal ${id} for 5.00, half as agreed with the customer`);
    expect(half.answer).toContain('approved and posted: CN-000001');
    // 5.00 net + 1.00 VAT
    expect(notesFor(store, inv1()).map((n) => n.total)).toEqual(['-6.00']);

    const credit = (await chat(store, u.alice, 'credit 1.00 on invoice INV-000002, late delivery')).proposals[0]!;
    const no = await chat(store, u.bob, `reject proposal ${credit.id}, no grounds`);
    expect(no.answer).toContain(`Proposal ${credit.id} is now rejected.`);
    expect(getProposal(store, 't', credit.id).status).toBe('rejected');
    expect(notesFor(store, tenantInvoice(store, 't', 'INV-000002').id)).toEqual([]);
    expect((await approvalState(store, credit.id)).next).toEqual([]);
  });
});

describe('idempotent posting', () => {
  it('approving twice and posting twice leave one credit note', async () => {
    const id = (await askWaiver()).proposals[0]!.id;
    expect((await chat(store, u.bob, `approve proposal ${id}, outage confirmed`)).answer).toContain('approved and posted: CN-000001');
    const late = await chat(store, u.carol, `approve proposal ${id}, me too`);
    expect(late.tools).toEqual([{ name: 'decide_proposal', ok: false }]);
    expect(late.answer).toContain(`proposal ${id} is posted; only a pending proposal can be decided (CONFLICT)`);
    expect(postProposal(store, 't', id, { today: TODAY })).toEqual({ proposalId: id, kind: 'fee_waiver', ref: 'CN-000001', alreadyPosted: true });
    expect(postProposal(store, 't', id, { today: TODAY })).toMatchObject({ alreadyPosted: true });
    expect(notesFor(store, inv1()).map((n) => [n.number, n.total])).toEqual([['CN-000001', '-12.00']]);
    expect(listAudit(store, 't', { subject: `proposal:${id}` }).map((e) => `${e.event}:${e.actor}`)).toEqual(['proposal:alice', 'decision:bob', 'posting:switchboard', 'refusal:carol']);
  });
});

describe('another tenant in chat', () => {
  it("answers NOT_FOUND to another tenant's approver and records the attempt in that approver's own tenant", async () => {
    const id = (await askWaiver()).proposals[0]!.id;
    const mallory = saveUser(store, { id: 'mallory', tenant: 'other', name: 'Mallory', roles: ['approver', 'analyst'] });
    const r = await chat(store, mallory, `approve proposal ${id}, looks fine`);
    expect(r.tools).toEqual([{ name: 'decide_proposal', ok: false }]);
    expect(r.answer).toContain(`no proposal ${id}`);
    const refusal = listAudit(store, 'other').find((e) => e.event === 'refusal');
    expect(refusal).toMatchObject({ actor: 'mallory', subject: `proposal:${id}`, detail: { code: 'NOT_FOUND', attemptedId: id, tenant: 'other' } });
    expect(JSON.stringify(refusal)).not.toContain('Talk 10');
    expect(getProposal(store, 't', id)).toMatchObject({ status: 'pending', decisions: [] });
  });
});

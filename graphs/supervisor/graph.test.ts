import { AIMessage, ToolMessage } from '@langchain/core/messages';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountPeriodInvoice, listAudit } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { BILLING_CDRS, ingestAndRate } from '../../cli/commands/testing/billing-setup.ts';
import { explainInvoice } from '../../tools/audit/index.ts';
import type { AgentContext } from '../../agents/context.ts';
import { buildSupervisorGraph } from './graph.ts';
import { runChatTurn, type ChatTurnResult } from './run-chat-turn.ts';
import { billApril, chat, model, setUpChat, threadMessages, toolNames, TODAY, type ChatUsers } from './testing/chat-setup.ts';
import { billPeriod } from '../../app/billing/index.ts';

/* The whole supervisor graph with the offline model on a real SQLite file: what a turn costs in
 * model calls, what it leaves in the audit log and in its checkpointed thread. */

let store: ReturnType<typeof createTempStore>;
let u: ChatUsers;

beforeEach(async () => {
  store = createTempStore();
  u = await setUpChat(store);
});
afterEach(() => store.cleanup());

function expectCounted(r: ChatTurnResult, llmCalls: number) {
  expect(r.usage.llmCalls).toBe(llmCalls);
  expect(r.usage.promptTokens).toBeGreaterThan(0);
  expect(r.usage.completionTokens).toBeGreaterThan(0);
  expect(r.usage.totalTokens).toBe(r.usage.promptTokens + r.usage.completionTokens);
}

describe('model usage per turn', () => {
  it('counts every model call of a turn: handoff, one call per tool, the answer', async () => {
    // supervisor hands off, the specialist calls its tool, then answers
    expectCounted(await chat(store, u.alice, 'Explain invoice INV-000001'), 3);
    // two tools: find_invoice, then explain_invoice
    expectCounted(await chat(store, u.alice, "explain account A1's 2025-03 invoice"), 4);
    expectCounted(await chat(store, u.alice, 'waive the monthly fee on invoice INV-000001, outage'), 3);
    // the supervisor's own tools need no handoff
    expectCounted(await chat(store, u.bob, 'list pending proposals'), 2);
    expectCounted(await chat(store, u.bob, 'approve proposal 1, outage confirmed'), 2);
    expectCounted(await chat(store, u.alice, 'how was event 2 priced?'), 3);
    // help and "not understood" are answered by the supervisor alone, in one call
    expectCounted(await chat(store, u.alice, 'help'), 1);
    expectCounted(await chat(store, u.alice, 'make me a sandwich'), 1);
  });

  it('makes no model call per CDR: a month of 240 calls costs the same calls as one of 3, and a bounded prompt', async () => {
    const small = await chat(store, u.alice, "explain account A1's 2025-03 invoice");
    const lines = Array.from(
      { length: 240 },
      (_, i) => `m${i},voice,outbound,447700900123,,,,+447812345678,2025-04-${String(1 + (i % 28)).padStart(2, '0')}T${String(8 + Math.floor(i / 28)).padStart(2, '0')}:00:00Z,90,answered,,`,
    );
    await ingestAndRate(store, [BILLING_CDRS[0]!, ...lines]);
    billPeriod(store, { period: '2025-04', timezone: 'UTC', issueDate: '2025-05-01' });
    const april = accountPeriodInvoice(store, 't', 'A1', '2025-04');
    const usage = april.document.lines.find((l) => l.provenance.usageEvents.length > 0)!;
    expect(usage.provenance.usageEvents).toHaveLength(240);
    const big = await chat(store, u.alice, "explain account A1's 2025-04 invoice");
    expect(big.tools).toEqual([
      { name: 'find_invoice', ok: true },
      { name: 'explain_invoice', ok: true },
    ]);
    expect(big.usage.llmCalls).toBe(4);
    expect(big.usage.llmCalls).toBe(small.usage.llmCalls);
    // the tool hands the model 3 example events per line, not the 240
    expect(big.usage.promptTokens).toBeLessThan(small.usage.promptTokens * 2);
    expect(big.answer).toContain(`Total ${april.total} GBP`);
    expect(big.answer).toContain('; 240 usage events (e.g. #');
    expect(explainInvoice(april.document, { maxEventsPerLine: 3 }).lines.find((l) => l.eventCount === 240)!.events).toHaveLength(3);
  });
});

describe('the audit log', () => {
  it('has a tool_call for every tool a turn used, the proposal, the decision and the posting', async () => {
    await billApril(store);
    const turns = [
      await chat(store, u.alice, "explain account A1's 2025-04 invoice"),
      await chat(store, u.alice, 'compare account A1 2025-04 with 2025-03'),
      await chat(store, u.alice, 'waive the monthly fee on invoice INV-000001, network outage'),
    ];
    const decision = await chat(store, u.bob, 'approve proposal 1, outage confirmed');
    for (const [r, actor] of [...turns.map((t) => [t, 'alice'] as const), [decision, 'bob'] as const]) {
      const calls = listAudit(store, 't', { threadId: r.threadId }).filter((e) => e.event === 'tool_call');
      expect(calls.map((e) => e.subject)).toEqual(toolNames(r));
      expect(calls.map((e) => `${e.actor}:${e.actorKind}`)).toEqual(toolNames(r).map(() => `${actor}:agent`));
    }
    expect(toolNames(turns[0]!)).toEqual(['find_invoice', 'explain_invoice']);
    const [find, explain] = listAudit(store, 't', { threadId: turns[0]!.threadId });
    expect(find).toMatchObject({ actor: 'alice', event: 'tool_call', subject: 'find_invoice', detail: { agent: 'auditor', kind: 'read', args: { accountId: 'A1', period: '2025-04' } } });
    expect(explain).toMatchObject({ actor: 'alice', subject: 'explain_invoice', detail: { args: { invoice: 'INV-000003' } } });
    expect(listAudit(store, 't', { threadId: turns[2]!.threadId }).map((e) => `${e.event}:${e.subject}:${e.actor}`)).toEqual([
      'proposal:proposal:1:alice',
      'tool_call:propose_fee_waiver:alice',
      // posted when bob approved, in the thread the proposal came from
      'posting:proposal:1:switchboard',
    ]);
    expect(listAudit(store, 't', { threadId: decision.threadId }).map((e) => `${e.event}:${e.subject}:${e.actor}`)).toEqual(['tool_call:decide_proposal:bob']);
    const trail = listAudit(store, 't', { subject: 'proposal:1' });
    expect(trail.map((e) => `${e.event}:${e.actor}:${e.actorKind}`)).toEqual(['proposal:alice:agent', 'decision:bob:approver', 'posting:switchboard:system']);
    expect(trail[1]).toMatchObject({ threadId: 'approval-1', detail: { decision: 'approve', reason: 'approve proposal 1, outage confirmed', status: 'approved', amount: '10.00' } });
    expect(trail[2]).toMatchObject({ threadId: turns[2]!.threadId, detail: { kind: 'fee_waiver', ref: 'CN-000001', amount: '10.00', currency: 'GBP' } });
  });

  it('records a refused tool call as tool_error with its code', async () => {
    const r = await chat(store, u.alice, 'Explain invoice INV-000099');
    expect(r.tools).toEqual([{ name: 'explain_invoice', ok: false }]);
    expect(r.answer).toContain('I could not complete explain invoice: no invoice INV-000099 (NOT_FOUND).');
    expect(listAudit(store, 't', { threadId: r.threadId })).toMatchObject([{ event: 'tool_error', subject: 'explain_invoice', detail: { code: 'NOT_FOUND', args: { invoice: 'INV-000099' } } }]);
  });
});

describe('the checkpointed thread', () => {
  it('keeps the handoff, the specialist and the proposal ids in state', async () => {
    const r = await chat(store, u.alice, 'waive the monthly fee on invoice INV-000001, outage');
    const ctx: AgentContext = { store, user: u.alice, threadId: r.threadId, today: TODAY, utterance: '', requesterKind: 'analyst' };
    const state = (await buildSupervisorGraph(ctx, model).getState({ configurable: { thread_id: r.threadId } })).values as { activeAgent: string; proposalIds: number[] };
    expect(state.activeAgent).toBe('collections');
    expect(state.proposalIds).toEqual([1]);
    const messages = await threadMessages(store, u.alice, r.threadId);
    const handoff = messages.find((m) => AIMessage.isInstance(m) && m.tool_calls?.[0]?.name === 'transfer_to_collections');
    expect(handoff).toBeDefined();
    expect(messages.filter((m) => ToolMessage.isInstance(m)).map((m) => [m.name, String(m.content).slice(0, 24)])).toEqual([
      ['transfer_to_collections', 'Transferred to collectio'],
      ['propose_fee_waiver', '{"proposalId":1,"already'],
    ]);
    expect(String(messages[messages.length - 1]!.content)).toBe(r.answer);
  });

  it('streams the answer token by token when asked, the same answer as without streaming', async () => {
    const pieces: string[] = [];
    const streamed = await runChatTurn({ store, user: u.alice, message: 'Explain invoice INV-000001', model, today: TODAY, onToken: (p) => pieces.push(p) });
    const plain = await chat(store, u.alice, 'Explain invoice INV-000001');
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(streamed.answer);
    expect(streamed.answer).toBe(plain.answer);
    expect(streamed.tools).toEqual(plain.tools);
    expect(streamed.usage.llmCalls).toBe(3);
  });
});

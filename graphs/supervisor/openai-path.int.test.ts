import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit, listProposals, listTenantInvoices, saveUser, type UserRecord } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { ingestAndRate, setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { createChatModel } from '../../agents/model/index.ts';
import { appConfigSchema } from '../../config/load-config.ts';
import { startOpenAiCompatibleServer, type ChatCompletionRequest, type OpenAiCompatibleServer, type ScriptedTurn } from '../../agents/testing/openai-compatible-server.ts';
import { runChatTurn } from './run-chat-turn.ts';
import { billPeriod } from '../../app/billing/index.ts';

/**
 * The real ChatOpenAI path through the whole supervisor graph: LangChain's OpenAI client talks HTTP
 * to a scripted chat-completions server that answers turn by turn as a real model would (handoff,
 * tool call, answer), so what the graph offers the model, what it sends back, and what a model's
 * mistakes or inventions can do are all checked on the wire.
 */

let store: ReturnType<typeof createTempStore>;
let server: OpenAiCompatibleServer | undefined;
let alice: UserRecord;
let bob: UserRecord;

beforeEach(async () => {
  store = createTempStore();
  setUpBillingOperator(store);
  await ingestAndRate(store);
  billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  alice = saveUser(store, { id: 'alice', tenant: 't', name: 'Alice', roles: ['analyst'] });
  bob = saveUser(store, { id: 'bob', tenant: 't', name: 'Bob', roles: ['approver'] });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  store.cleanup();
});

/** A scripted server and the OpenAI-compatible model pointed at it (never the offline fallback). */
async function scriptedModel(script: ScriptedTurn[]) {
  server = await startOpenAiCompatibleServer({ script });
  const created = createChatModel(appConfigSchema.parse({ openaiBaseUrl: server.baseUrl, model: 'test-model', modelMaxRetries: 0 }), {
    fallback: () => {
      throw new Error('the offline model must not be used when a base URL is configured');
    },
  });
  expect(created.kind).toBe('openai');
  return { model: created.model, server };
}

const toolNames = (r: ChatCompletionRequest | undefined) => (r?.tools ?? []).map((t) => t.function.name).sort();
const lastMessage = (r: ChatCompletionRequest | undefined) => r?.messages.at(-1);
const contentOf = (m: { content?: unknown } | undefined) => (typeof m?.content === 'string' ? m.content : JSON.stringify(m?.content ?? ''));
const events = (kind: string) => listAudit(store, 't').filter((e) => e.event === kind);

const SUPERVISOR_TOOLS = [
  'transfer_to_categoriser',
  'transfer_to_rater',
  'transfer_to_auditor',
  'transfer_to_compliance',
  'transfer_to_collections',
  'list_proposals',
  'show_proposal',
  'decide_proposal',
].sort();
const AUDITOR_TOOLS = [
  'explain_invoice',
  'preview_invoice',
  'explain_invoice_line',
  'find_invoice',
  'compare_periods',
  'explain_bill_change',
  'list_flagged_invoices',
  'list_fraud_alerts',
  'show_fraud_alert',
  'billing_totals',
  'propose_release',
].sort();
const COLLECTIONS_TOOLS = [
  'account_standing',
  'assurance_report',
  'list_dunning_candidates',
  'cashflow_forecast',
  'collections_overview',
  'record_payment_promise',
  'propose_dunning_step',
  'propose_payment_plan',
  'propose_fee_waiver',
  'propose_credit',
  'propose_refund',
  'find_payment',
  'propose_payment_match',
  'propose_write_off',
].sort();

const ANSWER = 'Invoice INV-000001 totals 12.35 GBP: the Talk 10 monthly fee 10.00 and calls 0.29, plus VAT 2.06 (from explain_invoice).';

/** What a real model does for "explain invoice INV-000001": hand off, call the tool, answer from its result. */
function explainScript(): ScriptedTurn[] {
  return [
    { toolCalls: [{ name: 'transfer_to_auditor', args: { task: 'Explain invoice INV-000001' } }], usage: { promptTokens: 120, completionTokens: 12 } },
    { toolCalls: [{ name: 'explain_invoice', args: { invoice: 'INV-000001' } }], usage: { promptTokens: 340, completionTokens: 18 } },
    { content: ANSWER, usage: { promptTokens: 900, completionTokens: 30 } },
  ];
}

/** The checks shared by the invoke and the streaming runs of the explain script. */
function expectExplainedOverTheWire(r: Awaited<ReturnType<typeof runChatTurn>>, srv: OpenAiCompatibleServer, message: string) {
  expect(srv.failures).toEqual([]);
  expect(srv.remainingTurns()).toBe(0);
  expect(srv.requests).toHaveLength(3);
  expect(srv.received.every((x) => x.method === 'POST' && x.path === '/v1/chat/completions')).toBe(true);

  expect(r.answer).toBe(ANSWER);
  expect(r.answer).toContain('12.35');
  expect(r.agents).toEqual(['supervisor', 'auditor']);
  expect(r.tools).toEqual([{ name: 'explain_invoice', ok: true }]);
  expect(r.proposals).toEqual([]);
  // Counted from the server's usage numbers, not estimated.
  expect(r.usage).toEqual({ llmCalls: 3, promptTokens: 1360, completionTokens: 60, totalTokens: 1420 });

  const [toSupervisor, toAuditor, withResult] = srv.requests;
  for (const req of srv.requests) {
    expect(req.model).toBe('test-model');
    expect(req.parallel_tool_calls).toBe(false);
    expect(req.temperature).toBe(0);
  }
  // The supervisor is offered the five handoffs and its own proposal tools, nothing else.
  expect(toolNames(toSupervisor)).toEqual(SUPERVISOR_TOOLS);
  expect(toSupervisor!.messages[0]).toMatchObject({ role: 'system' });
  expect(contentOf(toSupervisor!.messages[0])).toContain('supervisor');
  expect(lastMessage(toSupervisor)).toMatchObject({ role: 'user', content: message });

  // The auditor is offered only its own tools, under strict schemas (no room for a tenant or a user).
  expect(toolNames(toAuditor)).toEqual(AUDITOR_TOOLS);
  for (const t of toAuditor!.tools!) expect(t.function.parameters).toMatchObject({ type: 'object', additionalProperties: false });
  expect(toAuditor!.tools!.flatMap((t) => Object.keys((t.function.parameters as { properties?: object }).properties ?? {}))).not.toEqual(expect.arrayContaining(['tenant']));
  expect(contentOf(toAuditor!.messages[0])).toContain('Auditor');
  const handoff = toAuditor!.messages.find((m) => m.role === 'assistant');
  expect(handoff?.tool_calls?.map((c) => [c.function.name, JSON.parse(c.function.arguments)])).toEqual([['transfer_to_auditor', { task: 'Explain invoice INV-000001' }]]);
  expect(lastMessage(toAuditor)).toMatchObject({ role: 'tool', tool_call_id: 'call_1_1', content: 'Transferred to auditor' });

  // The third request carries the tool's own result: the real invoice total, for the model to quote.
  expect(toolNames(withResult)).toEqual(AUDITOR_TOOLS);
  const result = lastMessage(withResult)!;
  expect(result).toMatchObject({ role: 'tool', tool_call_id: 'call_2_1' });
  const parsed = JSON.parse(contentOf(result)) as Record<string, unknown>;
  expect(parsed).toMatchObject({ header: { number: 'INV-000001', subtotal: '10.29', taxTotal: '2.06', total: '12.35', currency: 'GBP', buyer: { accountId: 'A1' } } });

  // The tool ran as the authenticated analyst, in her tenant, and was audited.
  const calls = listAudit(store, 't', { threadId: r.threadId }).filter((e) => e.event === 'tool_call');
  expect(calls.map((e) => [e.subject, e.actor])).toEqual([['explain_invoice', 'alice']]);
}

describe('the real ChatOpenAI path through the supervisor graph', () => {
  it('invoke: handoff, tool call, answer from the tool result; the requests and the usage are as sent', async () => {
    const { model, server: srv } = await scriptedModel(explainScript());
    const message = 'Explain invoice INV-000001 please';
    const r = await runChatTurn({ store, user: alice, message, model });
    expectExplainedOverTheWire(r, srv, message);
    expect(srv.requests.every((req) => !req.stream)).toBe(true);
  });

  it('streaming: onToken gets the answer as the server streams it (SSE), the pieces join to the answer', async () => {
    const { model, server: srv } = await scriptedModel(explainScript());
    const message = 'Explain invoice INV-000001 please';
    const pieces: string[] = [];
    const r = await runChatTurn({ store, user: alice, message, model, onToken: (p) => pieces.push(p) });
    expectExplainedOverTheWire(r, srv, message);
    expect(srv.requests.every((req) => req.stream === true && req.stream_options?.include_usage === true)).toBe(true);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(r.answer);
  });

  it('a second turn in the thread sends the first turn back as question and answer (not its tool calls) and continues it', async () => {
    const { model, server: srv } = await scriptedModel([...explainScript(), { content: 'The VAT of 2.06 is 20% of 10.29 (from explain_invoice).' }]);
    const first = await runChatTurn({ store, user: alice, message: 'Explain invoice INV-000001', model });
    const second = await runChatTurn({ store, user: alice, message: 'And the VAT?', model, threadId: first.threadId });
    expect(second.threadId).toBe(first.threadId);
    expect(second.answer).toContain('2.06');
    expect(second.agents).toEqual(['supervisor']);
    expect(second.tools).toEqual([]);
    const last = srv.requests[3]!;
    expect(toolNames(last)).toEqual(SUPERVISOR_TOOLS);
    expect(last.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(last.messages.slice(1).map(contentOf)).toEqual(['Explain invoice INV-000001', ANSWER, 'And the VAT?']);
    // The earlier turn's tool result (the whole invoice explanation) is not sent again.
    expect(JSON.stringify(last)).not.toContain('arithmetic');
  });
});

describe('what a scripted model cannot do', () => {
  it('a tool outside the agent’s set (the auditor calling propose_credit) gets an error tool message; nothing is proposed', async () => {
    const { model, server: srv } = await scriptedModel([
      { toolCalls: [{ name: 'transfer_to_auditor', args: { task: 'credit the customer' } }] },
      { toolCalls: [{ name: 'propose_credit', args: { invoice: 'INV-000001', amount: '5.00', reason: 'goodwill for the outage' } }] },
      { content: 'I cannot propose credits; the collections agent does that.' },
    ]);
    const r = await runChatTurn({ store, user: alice, message: 'Explain invoice INV-000001 and credit 5.00', model });
    expect(srv.failures).toEqual([]);
    expect(toolNames(srv.requests[1])).not.toContain('propose_credit');
    const reply = lastMessage(srv.requests[2]);
    expect(reply).toMatchObject({ role: 'tool', tool_call_id: 'call_2_1' });
    expect(contentOf(reply)).toMatch(/propose_credit.*not found/);
    expect(r.tools).toEqual([{ name: 'propose_credit', ok: false }]);
    expect(r.proposals).toEqual([]);
    expect(listProposals(store, 't')).toEqual([]);
    expect(events('proposal')).toEqual([]);
    expect(events('tool_call')).toEqual([]);
  });

  it('the supervisor cannot call a specialist’s tool directly either', async () => {
    const { model, server: srv } = await scriptedModel([
      { toolCalls: [{ name: 'propose_fee_waiver', args: { invoice: 'INV-000001', fee: 'monthly fee', reason: 'outage last week' } }] },
      { content: 'Handing that to collections would be the way.' },
    ]);
    const r = await runChatTurn({ store, user: alice, message: 'waive the monthly fee on INV-000001', model });
    expect(srv.failures).toEqual([]);
    expect(contentOf(lastMessage(srv.requests[1]))).toMatch(/propose_fee_waiver.*not found/);
    expect(r.tools).toEqual([{ name: 'propose_fee_waiver', ok: false }]);
    expect(listProposals(store, 't')).toEqual([]);
  });

  it.each([
    { field: 'tenant', agent: 'collections', tool: 'propose_fee_waiver', args: { invoice: 'INV-000001', fee: 'monthly fee', reason: 'outage last week', tenant: 'other' } },
    { field: 'userId', agent: 'collections', tool: 'propose_credit', args: { invoice: 'INV-000001', amount: '1.00', reason: 'goodwill', userId: 'bob' } },
    { field: 'user', agent: 'auditor', tool: 'explain_invoice', args: { invoice: 'INV-000001', user: 'root' } },
    { field: 'roles', agent: 'collections', tool: 'account_standing', args: { accountId: 'A1', roles: ['approver'] } },
  ])('an extra argument ($field) is refused by the strict schema of $tool and nothing happens', async ({ agent, tool, args }) => {
    const { model, server: srv } = await scriptedModel([
      { toolCalls: [{ name: `transfer_to_${agent}`, args: { task: 'do it' } }] },
      { toolCalls: [{ name: tool, args }] },
      { content: 'That did not work.' },
    ]);
    const r = await runChatTurn({ store, user: alice, message: 'please do it for invoice INV-000001', model });
    expect(srv.failures).toEqual([]);
    const reply = lastMessage(srv.requests[2]);
    expect(reply).toMatchObject({ role: 'tool' });
    expect(contentOf(reply)).toMatch(/schema/i);
    expect(contentOf(reply)).not.toContain('12.35');
    expect(r.tools).toEqual([{ name: tool, ok: false }]);
    expect(r.proposals).toEqual([]);
    expect(listProposals(store, 't')).toEqual([]);
    expect(listProposals(store, 'other')).toEqual([]);
    // The tool's own code never ran: no audited call, no proposal.
    expect(events('tool_call')).toEqual([]);
    expect(events('proposal')).toEqual([]);
  });

  it('an invented amount: a credit of 500 on INV-000001 is refused (more than the line); a valid one is only a pending proposal', async () => {
    const { model, server: srv } = await scriptedModel([
      { toolCalls: [{ name: 'transfer_to_collections', args: { task: 'goodwill credit on INV-000001' } }] },
      { toolCalls: [{ name: 'propose_credit', args: { invoice: 'INV-000001', amount: '500', reason: 'customer was unhappy' } }] },
      { toolCalls: [{ name: 'propose_credit', args: { invoice: 'INV-000001', amount: '5.00', reason: 'customer was unhappy' } }] },
      { content: 'Proposal 1 waits for an approver: a credit of 5.00 GBP net.' },
    ]);
    const r = await runChatTurn({ store, user: alice, message: 'give the customer of INV-000001 a goodwill credit, they were unhappy', model });
    expect(srv.failures).toEqual([]);
    expect(toolNames(srv.requests[1])).toEqual(COLLECTIONS_TOOLS);

    const refused = JSON.parse(contentOf(lastMessage(srv.requests[2]))) as { error: { code: string; message: string } };
    expect(refused.error.code).toBe('INVALID_INPUT');
    expect(refused.error.message).toMatch(/10\.00 GBP left to credit, less than 500/);

    const made = JSON.parse(contentOf(lastMessage(srv.requests[3]))) as Record<string, unknown>;
    expect(made).toMatchObject({ proposalId: 1, status: 'pending', amount: '5.00', currency: 'GBP', requestedBy: 'alice' });

    expect(r.tools).toEqual([
      { name: 'propose_credit', ok: false },
      { name: 'propose_credit', ok: true },
    ]);
    expect(r.proposals).toEqual([expect.objectContaining({ id: 1, kind: 'credit', status: 'pending', amount: '5.00', currency: 'GBP', requiredApprovals: 1 })]);
    // The tools computed the tax and the total, not the model.
    expect(r.proposals[0]!.summary).toContain('credit note of 5.00 net + 1.00 tax = 6.00 GBP');
    expect(listProposals(store, 't').map((p) => [p.id, p.status, p.amount, p.requestedBy])).toEqual([[1, 'pending', '5.00', 'alice']]);
    // Nothing posts without an approver: no credit note, no decision, no posting.
    expect(listTenantInvoices(store, 't', { kind: 'credit_note' })).toEqual([]);
    expect(events('decision')).toEqual([]);
    expect(events('posting')).toEqual([]);
    expect(events('tool_error').map((e) => e.subject)).toEqual(['propose_credit']);
  });

  it('an approver’s own stated decision goes through the real model path; the model cannot raise the amount', async () => {
    const { model, server: srv } = await scriptedModel([
      { toolCalls: [{ name: 'transfer_to_collections', args: { task: 'credit' } }] },
      { toolCalls: [{ name: 'propose_credit', args: { invoice: 'INV-000001', amount: '5.00', reason: 'outage' } }] },
      { content: 'Proposal 1 created.' },
      { toolCalls: [{ name: 'decide_proposal', args: { proposalId: 1, decision: 'approve', reason: 'outage confirmed', amount: '9.00' } }] },
      { toolCalls: [{ name: 'decide_proposal', args: { proposalId: 1, decision: 'approve', reason: 'outage confirmed' } }] },
      { content: 'Proposal 1 approved and posted.' },
    ]);
    await runChatTurn({ store, user: alice, message: 'credit 5.00 on invoice INV-000001, outage', model });
    const r = await runChatTurn({ store, user: bob, message: 'approve proposal 1, outage confirmed', model });
    expect(srv.failures).toEqual([]);
    expect(JSON.parse(contentOf(lastMessage(srv.requests[4])))).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(r.tools).toEqual([
      { name: 'decide_proposal', ok: false },
      { name: 'decide_proposal', ok: true },
    ]);
    const [p] = listProposals(store, 't', { status: ['posted'] });
    expect(p).toMatchObject({ id: 1, amount: '5.00' });
    const notes = listTenantInvoices(store, 't', { kind: 'credit_note' });
    expect(notes.map((n) => n.total)).toEqual(['-6.00']);
  });
});

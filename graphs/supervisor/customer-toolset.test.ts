import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getProposal, listAudit, listTenantInvoices, saveUser, type UserRecord } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import type { AgentContext } from '../../agents/context.ts';
import { SPECIALIST_TOOLS, toolsFor } from '../../agents/specialists.ts';
import { CUSTOMER_TOOL_NAMES, customerTools } from '../../agents/tools/customer-tools.ts';
import { buildSupervisorGraph } from './graph.ts';
import { model, setUpChat, TODAY, type ChatUsers } from './testing/chat-setup.ts';

/* The customer toolset: reads of the customer's own account and cases, each through an operation
 * in the customer's context; no argument names an account, so none can widen what they see. */

let store: ReturnType<typeof createTempStore>;
let u: ChatUsers;
let cora: UserRecord;

beforeEach(async () => {
  store = createTempStore();
  u = await setUpChat(store);
  cora = saveUser(store, { id: 'cora', tenant: 't', name: 'Cora Customer', roles: ['customer'], accountId: 'A1' });
});
afterEach(() => store.cleanup());

const contextOf = (user: UserRecord): AgentContext => ({ store, user, threadId: 'thread-tools', today: TODAY, utterance: 'I dispute INV-000001', requesterKind: 'analyst' });
const toolOf = (user: UserRecord, name: string) => customerTools(contextOf(user)).find((t) => t.tool.name === name)!.tool;
const a2Invoice = () => listTenantInvoices(store, 't', { accountId: 'A2' })[0]!.number!;

describe('the customer toolset', () => {
  it('is the customer tools only: no staff tool, no handoff to a staff specialist', async () => {
    const names = customerTools(contextOf(cora)).map((t) => t.tool.name);
    expect(names).toEqual([...CUSTOMER_TOOL_NAMES]);
    const staff = [...Object.keys(SPECIALIST_TOOLS), 'supervisor'].flatMap((a) => toolsFor(a as never, contextOf(u.alice)).map((t) => t.tool.name));
    expect(names.filter((n) => staff.includes(n))).toEqual([]);
    const nodes = Object.keys(buildSupervisorGraph(contextOf(cora), model).nodes);
    expect(nodes.sort()).toEqual(['__start__', 'supervisor', 'supervisor_tools']);
  });

  it('refuses an account, tenant or user argument on every tool (strict schemas)', async () => {
    for (const t of customerTools(contextOf(cora))) {
      for (const extra of [{ accountId: 'A2' }, { tenant: 'u' }, { userId: 'alice' }]) {
        const args = t.tool.name === 'explain_my_invoice_line' ? { invoice: 'INV-000001', lineId: 'x', ...extra } : t.tool.name === 'open_case' ? { kind: 'callback', ...extra } : extra;
        await expect(t.tool.invoke(args), `${t.tool.name} with ${JSON.stringify(extra)}`).rejects.toThrow();
      }
    }
  });

  it("answers another account's invoice with NOT_FOUND, on every tool that takes one", async () => {
    const other = a2Invoice();
    for (const [name, args] of [
      ['explain_my_invoice', { invoice: other }],
      ['explain_my_invoice_line', { invoice: other, lineId: 'rec:L2:2025-03-01' }],
      ['why_my_bill_changed', { invoice: other }],
      ['open_case', { kind: 'dispute', invoice: other }],
    ] as const) {
      const out = JSON.parse(String(await toolOf(cora, name).invoke(args)));
      expect(out, name).toEqual({ error: { code: 'NOT_FOUND', message: `no invoice ${other}` } });
    }
  });

  it('reads only the own account: balance, invoices and plan options of A1', async () => {
    expect(JSON.parse(String(await toolOf(cora, 'my_balance').invoke({}))).accountId).toBe('A1');
    const invoices = JSON.parse(String(await toolOf(cora, 'my_invoices').invoke({}))).invoices as Array<{ accountId: string }>;
    expect(new Set(invoices.map((i) => i.accountId))).toEqual(new Set(['A1']));
    expect(JSON.parse(String(await toolOf(cora, 'my_plan_options').invoke({}))).account).toBe('A1');
  });

  it('keeps the customer’s own words of the turn as the case’s words (the schema has no field for a model’s version)', async () => {
    const out = JSON.parse(String(await toolOf(cora, 'open_case').invoke({ kind: 'dispute', invoice: 'INV-000001', line: 'monthly fee' })));
    expect(out).toMatchObject({ kind: 'customer_dispute', status: 'pending', invoice: 'INV-000001', line: 'Talk 10 monthly fee' });
    expect(getProposal(store, 't', out.caseId).payload).toMatchObject({ words: 'I dispute INV-000001', lineDescription: 'Talk 10 monthly fee' });
    const audit = listAudit(store, 't', { subject: 'open_case' });
    expect(audit).toEqual([expect.objectContaining({ actor: 'cora', actorKind: 'agent', event: 'tool_call' })]);
  });

  it('serves no one without an account: a staff user is refused, by role or by the missing account', async () => {
    expect(JSON.parse(String(await toolOf(u.alice, 'my_balance').invoke({})))).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(JSON.parse(String(await toolOf(u.alice, 'open_case').invoke({ kind: 'callback' })))).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

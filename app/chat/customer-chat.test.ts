import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listTenantInvoices, saveUser, type UserRecord } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { BILLING_CDRS, ingestAndRate, setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { RulesChatModel } from '../../agents/model/index.ts';
import { billPeriod } from '../billing/index.ts';
import { createContext, systemClock, userActor, type OperationEvent } from '../context.ts';
import { explainBillChange, explainInvoiceLine, findAccountInvoice } from '../invoices/index.ts';
import { runOperation } from '../operation.ts';
import { showWhatIf } from '../whatif/index.ts';
import { listThreads } from './list-threads.ts';
import { postMessage } from './post-message.ts';
import { showThread } from './show-thread.ts';

/* chat.post-message for a customer: the same operation, the toolset chosen from the stored user,
 * events on ctx.emit as for staff, and threads that are the customer's alone. */

let store: ReturnType<typeof createTempStore>;
let cora: UserRecord;
let alice: UserRecord;
const TODAY = '2025-04-05';
const model = new RulesChatModel({});

beforeEach(async () => {
  store = createTempStore();
  setUpBillingOperator(store);
  await ingestAndRate(store, BILLING_CDRS);
  billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  cora = saveUser(store, { id: 'cora', tenant: 't', name: 'Cora', roles: ['customer'], accountId: 'A1' });
  alice = saveUser(store, { id: 'alice', tenant: 't', name: 'Alice', roles: ['analyst', 'approver'] });
});
afterEach(() => store.cleanup());

const as = (user: UserRecord, emit?: (e: OperationEvent) => void) => {
  const ctx = createContext({ store, actor: userActor(user), clock: systemClock(TODAY), chatModel: async () => ({ model, name: 'RulesChatModel' }) });
  return emit ? { ...ctx, emit } : ctx;
};

describe('chat.post-message for a customer', () => {
  it('runs the customer toolset and reports its steps on ctx.emit like a staff turn', async () => {
    const events: OperationEvent[] = [];
    const out = await runOperation(
      postMessage,
      as(cora, (e) => events.push(e)),
      { message: 'I dispute the monthly fee on INV-000001' },
    );
    expect(out).toMatchObject({
      agents: ['supervisor'],
      tools: [{ name: 'open_case', ok: true }],
      proposals: [{ kind: 'customer_dispute', amount: '0.00', requiredApprovals: 1 }],
      model: 'RulesChatModel',
    });
    expect(events.map((e) => e.type).filter((t) => t !== 'token')).toEqual(['agent', 'tool', 'proposal']);
    expect(
      events
        .filter((e) => e.type === 'token')
        .map((e) => e.text)
        .join(''),
    ).toBe(out.answer);
  });

  it('lists and shows a customer only their own threads; staff see them, customers never see staff threads', async () => {
    const staff = await runOperation(postMessage, as(alice), { message: 'explain invoice INV-000002' });
    const mine = await runOperation(postMessage, as(cora), { message: 'what do I owe?' });
    expect((await runOperation(listThreads, as(cora), {})).threads.map((t) => t.id)).toEqual([mine.threadId]);
    await expect(runOperation(showThread, as(cora), { threadId: staff.threadId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(runOperation(postMessage, as(cora), { message: 'explain it', threadId: staff.threadId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const shown = await runOperation(showThread, as(cora), { threadId: mine.threadId });
    expect(shown.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect((await runOperation(listThreads, as(alice), {})).threads.map((t) => t.id).sort()).toEqual([mine.threadId, staff.threadId].sort());
  });
});

describe('the reads the portal chat uses, opened to customers', () => {
  it('are NOT_FOUND for another account, and answer for the own one', async () => {
    const other = listTenantInvoices(store, 't', { accountId: 'A2' })[0]!.number!;
    const own = listTenantInvoices(store, 't', { accountId: 'A1' })[0]!;
    const ctx = as(cora);
    await expect(runOperation(explainInvoiceLine, ctx, { invoice: other, lineId: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(runOperation(showWhatIf, ctx, { accountId: 'A2' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(runOperation(showWhatIf, ctx, { invoice: other })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(runOperation(explainBillChange, ctx, { accountId: 'A2' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(runOperation(explainBillChange, ctx, { invoice: other })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(runOperation(findAccountInvoice, ctx, { accountId: 'A2' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await runOperation(findAccountInvoice, ctx, { accountId: 'A1' })).number).toBe(own.number);
    expect((await runOperation(showWhatIf, ctx, { accountId: 'A1' })).account).toBe('A1');
    expect((await runOperation(explainBillChange, ctx, { accountId: 'A1' })).accountId).toBe('A1');
  });
});

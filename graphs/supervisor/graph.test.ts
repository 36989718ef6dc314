import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billPeriod, saveUser, type UserRecord } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { ingestAndRate, setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { RulesChatModel } from '../../agents/model/index.ts';
import { runChatTurn } from './run-chat-turn.ts';

let store: ReturnType<typeof createTempStore>;
let alice: UserRecord;
let bob: UserRecord;
const model = new RulesChatModel({});

beforeEach(async () => {
  store = createTempStore();
  setUpBillingOperator(store);
  await ingestAndRate(store);
  billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  alice = saveUser(store, { id: 'alice', tenant: 't', name: 'Alice', roles: ['analyst'] });
  bob = saveUser(store, { id: 'bob', tenant: 't', name: 'Bob', roles: ['approver'] });
});
afterEach(() => store.cleanup());

describe('smoke', () => {
  it('explains an invoice', async () => {
    const r = await runChatTurn({ store, user: alice, message: 'Explain invoice INV-000001', model });
    console.log(JSON.stringify(r, null, 2));
    const w = await runChatTurn({ store, user: alice, message: 'Please waive the monthly fee on invoice INV-000001, outage', model, threadId: r.threadId });
    console.log(JSON.stringify(w, null, 2));
    const a = await runChatTurn({ store, user: bob, message: `approve proposal ${w.proposals[0]!.id}, outage confirmed`, model });
    console.log(JSON.stringify(a, null, 2));
    expect(r.answer).toContain('12.35');
  });
});

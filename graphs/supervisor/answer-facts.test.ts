import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestAndRate } from '../../cli/commands/testing/billing-setup.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { chat, setUpChat, UNREADABLE_CDRS, type ChatUsers } from './testing/chat-setup.ts';

/* Answers found wrong by trying the agents as an analyst would (issue 9, section 3): each test
 * asks the question in chat and checks the facts the answer must carry. */

let store: ReturnType<typeof createTempStore>;
let u: ChatUsers;

beforeEach(async () => {
  store = createTempStore();
  u = await setUpChat(store);
});
afterEach(() => store.cleanup());

describe('counts beside the page shown', () => {
  it('reports every open quarantined record and unclassified event, not the page size', async () => {
    const header = UNREADABLE_CDRS[0]!;
    const calls = Array.from({ length: 12 }, (_, i) => `u${i},voice,outbound,447700900123,,,,12#34,2025-04-06T10:${String(i).padStart(2, '0')}:00Z,60,answered,,quiz line`);
    const junk = Array.from({ length: 13 }, (_, i) => `this line ${i} is not a CDR`);
    await ingestAndRate(store, [header, ...calls, ...junk]);
    const r = await chat(store, u.alice, 'show unclassified or quarantined records');
    expect(r.answer).toContain('12 unclassified events (the 10 newest shown):');
    expect(r.answer).toContain('13 quarantined records (all open; the 10 newest shown):');
    expect(r.answer).not.toMatch(/^10 quarantined records/m);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestAndRate } from '../../cli/commands/testing/billing-setup.ts';
import { proposeInvoiceCredit } from '../../app/proposals/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { decideProposal } from '../approval/index.ts';
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

describe('how an event was priced', () => {
  it('explains the connect fee, the span with its rate and increments, and the rounding in words, not cut-off JSON', async () => {
    // Event 1: 480 s to a mobile at 0.05 connect + 0.06 per minute charged per second = 0.05 + 0.48 = 0.53
    const r = await chat(store, u.alice, 'How was usage event 1 priced?');
    expect(r.tools).toEqual([{ name: 'explain_event_rating', ok: true }]);
    expect(r.answer).toContain('Connect fee 0.05 GBP, charged once');
    expect(r.answer).toContain('0 s to 480 s: 480 increments of 1 s at 0.06 per 60 s = 0.001 per increment; 480 x 0.001 = 0.48');
    expect(r.answer).toContain('0.05 + 0.48 = 0.53 before rounding; rounded up to 4 decimals: 0.53 GBP');
    expect(r.answer).not.toMatch(/[{}]/);
  });
});

describe('has the customer paid', () => {
  it('mentions the credit note against the invoice and what is still open', async () => {
    // INV-000001 (12.35 = 10.29 + 2.06 VAT); waiving the 10.00 fee: CN-000001 of -12.00, 0.35 still open.
    const p = proposeInvoiceCredit(store, { tenant: 't', userId: 'alice', kind: 'analyst' }, { kind: 'fee_waiver', invoice: 'INV-000001', lineQuery: 'monthly fee', reason: 'outage' }).proposal;
    await decideProposal({ store, tenant: 't', actor: u.bob, today: '2025-04-05' }, p.id, { decision: 'approve', reason: 'agreed' });
    const r = await chat(store, u.alice, 'Has account A1 paid INV-000001?');
    expect(r.tools.map((t) => t.name)).toContain('explain_invoice');
    expect(r.answer).toContain('INV-000001 (total 12.35 GBP) is not marked paid (status issued); credit note CN-000001 of -12.00 GBP issued 2025-04-05');
    expect(r.answer).toContain('0.35 GBP is still open, due 2025-04-15');
  });
});

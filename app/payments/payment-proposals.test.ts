import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getInvoice } from '../../db/invoice-store.ts';
import { listPayments } from '../../db/payment-ledger-store.ts';
import { listAllocations } from '../../db/payment-store.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import type { UserRecord } from '../../db/user-store.ts';
import { decideProposal } from '../../graphs/approval/graph.ts';
import { postProposal } from '../proposals/post-proposal.ts';
import { importPayments } from './import-payments.ts';
import { proposePaymentMatch, proposeWriteOff } from './propose-payment-actions.ts';
import { setUpBilledLedger, statementOf, tx } from './testing/billed-ledger.ts';

let store: ReturnType<typeof createTempStore>;
let users: Awaited<ReturnType<typeof setUpBilledLedger>>;
beforeEach(async () => {
  store = createTempStore();
  users = await setUpBilledLedger(store);
});
afterEach(() => store.cleanup());

const asAgent = () => ({ tenant: 't', userId: users.alice.id, kind: 'agent' as const, agent: 'collections', threadId: 'th-1' });
const approve = (id: number, by: UserRecord = users.bob) => decideProposal({ store, tenant: 't', actor: by, today: '2025-04-12' }, id, { decision: 'approve', reason: 'checked the statement' });

describe('payment proposals (four eyes, real SQLite)', () => {
  it('an agent proposes a match; nothing moves until a person approves; posting again allocates nothing more', async () => {
    importPayments(store, 't', { content: statementOf('S1', [[tx('R1', '12.35', { payerName: 'A L' })]]), by: 'alice', today: '2025-04-11' });
    const [p] = listPayments(store, 't', { state: 'unmatched' });
    const { proposal } = proposePaymentMatch(store, asAgent(), { paymentId: p!.id, accountId: 'A1', invoices: ['INV-000001'], reason: 'payer initials match Ada Lovelace' });
    expect(proposal).toMatchObject({ kind: 'match_payment', status: 'pending', amount: '12.35', requesterKind: 'agent' });
    expect(proposePaymentMatch(store, asAgent(), { paymentId: p!.id, accountId: 'A1', invoices: [], reason: 'again' }).existing).toBe(true);
    expect(listAllocations(store, 't')).toEqual([]);
    expect((await approve(proposal.id)).status).toBe('posted');
    expect(listPayments(store, 't')[0]).toMatchObject({ state: 'matched', matchMethod: 'manual', matchedBy: 'bob', accountId: 'A1' });
    expect(getInvoice(store, 'INV-000001').status).toBe('paid');
    expect(postProposal(store, 't', proposal.id).alreadyPosted).toBe(true);
    expect(listAllocations(store, 't')).toHaveLength(1);
    expect(() => proposePaymentMatch(store, asAgent(), { paymentId: p!.id, accountId: 'A1', invoices: [], reason: 'once more' })).toThrow(/is matched/);
  });

  it('a write-off of what is open after a part payment settles the invoice with a write_off allocation, once', async () => {
    importPayments(store, 't', { content: statementOf('S1', [[tx('R1', '18.00', { remittance: 'INV-000002' })]]), by: 'alice', today: '2025-04-11' });
    const { proposal } = proposeWriteOff(store, asAgent(), { invoice: 'INV-000002', reason: 'twelve pence is not worth chasing' });
    expect(proposal).toMatchObject({ kind: 'write_off', amount: '0.12', payload: { invoiceNumber: 'INV-000002', open: '0.12' } });
    await approve(proposal.id);
    expect(getInvoice(store, 'INV-000002').status).toBe('paid');
    const offs = listAllocations(store, 't').filter((a) => a.kind === 'write_off');
    expect(offs).toEqual([expect.objectContaining({ invoiceId: 2, amount: '0.12', paymentId: null })]);
    expect(postProposal(store, 't', proposal.id).alreadyPosted).toBe(true);
    expect(() => proposeWriteOff(store, asAgent(), { invoice: 'INV-000002', reason: 'again please' })).toThrow(/is paid/);
  });
});

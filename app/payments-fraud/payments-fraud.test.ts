import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { decideProposal } from '../../graphs/approval/graph.ts';
import { getProposal, importAccounts, listFraudAlerts, saveUser, type UserRecord } from '../../db/index.ts';
import { accountsFileSchema } from '../../tools/catalog/index.ts';
import { accountCreditBalance } from '../../db/payment-store.ts';
import { postRefund } from '../../db/payment-fraud-store.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { insertPayments } from '../../db/testing/insert-payments.ts';
import { postProposal } from '../proposals/post-proposal.ts';
import { proposeRefund } from './propose-refund.ts';
import { scanPaymentFraud } from './scan-payment-fraud.ts';

// Ada Lovelace (A1, customer C1) and Babbage Engines Ltd (A2, C2) of tenant t.
const ADA_IBAN = 'GB29NWBK60161331926819';
const MULE = 'DE89370400440532013000';
let store: ReturnType<typeof createTempStore>;
let alice: UserRecord;
let bob: UserRecord;
const asAlice = () => ({ tenant: 't', userId: alice.id, kind: 'analyst' as const });
const decide = (who: UserRecord, id: number, decision: 'approve' | 'reject' = 'approve') =>
  decideProposal({ store, tenant: 't', actor: who, today: '2025-04-20' }, id, { decision, reason: 'checked the statement' });
const rows = (table: string) => store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[];

beforeEach(() => {
  store = createTempStore();
  setUpBillingOperator(store);
  alice = saveUser(store, { id: 'alice', tenant: 't', name: 'Alice Analyst', roles: ['analyst', 'approver'] });
  bob = saveUser(store, { id: 'bob', tenant: 't', name: 'Bob Approver', roles: ['approver'] });
  // Ada overpaid 40.00 on 10 April: her credit balance is 40.00.
  insertPayments(store, 't', [{ accountId: 'A1', payerName: 'LOVELACE ADA', payerIban: ADA_IBAN, amount: '70.00', unallocated: '40.00', bookingDate: '2025-04-10' }]);
});
afterEach(() => store.cleanup());

describe('refunds of a credit balance (real SQLite)', () => {
  it('proposes, needs another person, posts one refund payment and one negative credit, and posting again does nothing again', async () => {
    const { proposal, alertId } = proposeRefund(store, asAlice(), { accountId: 'A1', amount: '25', iban: 'gb29 nwbk 6016 1331 9268 19', reason: 'customer asked', today: '2025-04-20' });
    expect(alertId).toBeNull();
    expect(proposal).toMatchObject({
      kind: 'refund',
      status: 'pending',
      amount: '25.00',
      currency: 'GBP',
      payload: { iban: ADA_IBAN, holderName: 'Ada Lovelace', creditBalance: '40.00', destinationCheck: { passed: true } },
    });
    expect(() => postProposal(store, 't', proposal.id)).toThrow(/only an approved proposal/);
    await expect(decide(alice, proposal.id)).rejects.toThrow(/four eyes/);
    expect(accountCreditBalance(store, 't', 'A1')).toBe('40');
    const posted = await decide(bob, proposal.id);
    expect(posted.status).toBe('posted');
    expect(posted.postingRef).toMatch(/^refund payment \d+: 25.00 GBP to GB29/);
    expect(accountCreditBalance(store, 't', 'A1')).toBe('15');
    const refund = rows('payments').filter((p) => p.kind === 'refund');
    expect(refund).toMatchObject([{ entry_key: `refund:proposal:${proposal.id}`, amount: '25.00', payer_iban: ADA_IBAN, account_id: 'A1', matched_by: 'bob', state: 'matched' }]);
    expect(rows('account_credits').filter((c) => c.reason === 'refund')).toMatchObject([{ amount: '-25.00', proposal_id: proposal.id, payment_id: refund[0]!.id }]);
    // A second posting (a retry) finds it posted; a resume after a crash between paying and marking it posted finds the payment by its key.
    expect(postProposal(store, 't', proposal.id)).toMatchObject({ alreadyPosted: true });
    const again = { tenant: 't', proposalId: proposal.id, accountId: 'A1', amount: '25.00', currency: 'GBP', iban: ADA_IBAN, holderName: 'Ada Lovelace', approvedBy: 'bob', today: '2025-04-21' };
    expect(postRefund(store, again)).toEqual({ paymentId: refund[0]!.id, alreadyPosted: true });
    expect(rows('payments').filter((p) => p.kind === 'refund')).toHaveLength(1);
    expect(rows('account_credits').filter((c) => c.reason === 'refund')).toHaveLength(1);
    expect(accountCreditBalance(store, 't', 'A1')).toBe('15');
  });

  it('refuses more than the credit balance, an account without credit, and an IBAN whose check digits fail', () => {
    expect(() => proposeRefund(store, asAlice(), { accountId: 'A1', amount: '40.01', iban: ADA_IBAN, reason: 'asked', today: '2025-04-20' })).toThrow(/more than the credit balance of 40.00 GBP/);
    expect(() => proposeRefund(store, asAlice(), { accountId: 'A2', iban: ADA_IBAN, reason: 'asked', today: '2025-04-20' })).toThrow(/no credit balance/);
    expect(() => proposeRefund(store, asAlice(), { accountId: 'A1', iban: 'GB29NWBK60161331926818', reason: 'asked', today: '2025-04-20' })).toThrow(/not a valid IBAN/);
    expect(rows('proposals')).toHaveLength(0);
  });

  it('refunds the whole balance when no amount is given; asking twice finds the open proposal', () => {
    const a = proposeRefund(store, asAlice(), { accountId: 'A1', iban: ADA_IBAN, reason: 'asked', today: '2025-04-20' });
    const b = proposeRefund(store, asAlice(), { accountId: 'A1', iban: ADA_IBAN, reason: 'asked again', today: '2025-04-20' });
    expect([a.proposal.amount, b.existing, b.proposal.id]).toEqual(['40.00', true, a.proposal.id]);
  });

  it('flags a refund to an IBAN that never paid the account (evidence on the proposal and an alert); it still waits for approval; a scan stores nothing twice', async () => {
    insertPayments(store, 't', [{ accountId: 'A2', payerName: 'Max Payne', payerIban: MULE, bookingDate: '2025-04-02' }]);
    const { proposal, alertId } = proposeRefund(store, asAlice(), { accountId: 'A1', iban: MULE, holderName: 'Max Payne', reason: 'customer emailed new bank details', today: '2025-04-20' });
    expect(proposal.status).toBe('pending');
    expect(proposal.summary).toContain('FLAGGED (critical)');
    expect(proposal.payload.destinationCheck).toMatchObject({ passed: false, paidFrom: [ADA_IBAN], severity: 'critical' });
    expect(proposal.payload.destinationCheck.signals.join(' ')).toMatch(/overpayment of 40.00 GBP on 2025-04-10, 10 days before/);
    expect(proposal.payload.destinationCheck.signals.join(' ')).toMatch(/paid 1 account\(s\) of other customers: A2/);
    const [alert] = listFraudAlerts(store, 't', { detector: 'refund_destination' });
    expect(alert).toMatchObject({ id: alertId, source: 'payments', subjectKind: 'account', subject: 'A1', severity: 'critical', key: `refund_destination:proposal:${proposal.id}` });
    expect(alert!.evidence.events[0]).toBe(`proposal:${proposal.id}`);
    const scan = scanPaymentFraud(store, 't', { today: '2025-04-21' });
    expect(scan.refunds).toBe(1);
    expect(listFraudAlerts(store, 't', { detector: 'refund_destination' })).toHaveLength(1);
    expect((await decide(bob, proposal.id, 'reject')).status).toBe('rejected');
    expect(getProposal(store, 't', proposal.id).status).toBe('rejected');
    expect(accountCreditBalance(store, 't', 'A1')).toBe('40');
  });
});

describe('payments.scan-fraud (real SQLite)', () => {
  it('raises payer-name and shared-instrument alerts once, for one import or the whole history, and a rescan stores nothing new', () => {
    // A third customer so that one IBAN can pay for three.
    importAccounts(
      store,
      accountsFileSchema.parse({
        customers: [{ id: 'C3', name: 'Charles Babbage', address: { lines: ['1 Dorset St'], city: 'London', postcode: 'W1U 4EG', region: null, country: 'GB' }, customerSince: '2024-01-01' }],
        accounts: [{ id: 'A3', customerId: 'C3', currency: 'GBP', taxJurisdiction: { country: 'GB' } }],
        subscriptions: [],
      }),
      { tenant: 't' },
    );
    insertPayments(store, 't', [
      { importId: 7, accountId: 'A1', payerName: 'Max Payne', payerIban: MULE, bookingDate: '2025-04-12' },
      { importId: 7, accountId: 'A2', payerName: 'Max Payne', payerIban: MULE, bookingDate: '2025-04-13' },
    ]);
    const first = scanPaymentFraud(store, 't', { importId: 7, today: '2025-04-14' });
    expect(first.byDetector).toEqual({ payer_name: 2 }); // two customers only so far; Max Payne is neither Ada Lovelace nor Babbage Engines
    insertPayments(store, 't', [{ importId: 8, accountId: 'A3', payerName: 'C. Babbage', payerIban: MULE, bookingDate: '2025-04-14' }]);
    const second = scanPaymentFraud(store, 't', { importId: 8, today: '2025-04-14' });
    expect(second.byDetector).toEqual({ shared_instrument: 1 }); // import 8 brings the third customer: C. Babbage is the customer's own name
    const shared = listFraudAlerts(store, 't', { detector: 'shared_instrument' });
    expect(shared).toMatchObject([{ source: 'payments', batchId: 8, subjectKind: 'payer', subject: MULE, severity: 'warning' }]);
    expect(shared[0]!.evidence.statistics).toMatchObject({ customers: 3, accounts: 3 });
    expect(scanPaymentFraud(store, 't', { today: '2025-04-20' }).alerts).toEqual([]);
    expect(scanPaymentFraud(store, 't', { importId: 7, today: '2025-04-20' }).alerts).toEqual([]);
    expect(scanPaymentFraud(store, 't', { importId: 99, today: '2025-04-20' })).toEqual({ payments: 0, refunds: 0, alerts: [], byDetector: {} });
  });
});

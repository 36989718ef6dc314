import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { insertPayments } from '../../db/testing/insert-payments.ts';
import { call, setUpApi, TODAY } from '../testing/api-setup.ts';
import { addDays } from '../../tools/time/index.ts';

const ADA_IBAN = 'GB29NWBK60161331926819';
// The API's clock is the tests' TODAY: payments are booked in the days before it.
const daysAgo = (n: number) => addDays(TODAY, -n);

describe('/api/v1 refunds and payment-fraud scans', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
    insertPayments(store, 't', [{ accountId: 'A1', payerName: 'Ada Lovelace', payerIban: ADA_IBAN, amount: '70.00', unallocated: '40.00', bookingDate: daysAgo(5) }]);
  });
  afterEach(() => store.cleanup());

  it('proposes a refund (201, once per Idempotency-Key), refuses beyond the credit and across tenants; another person approves it', async () => {
    const path = '/api/v1/accounts/A1/refund-proposals';
    const over = await call(api.app, 'POST', path, { as: api.users.dan, body: { amount: '41.00', iban: ADA_IBAN, reason: 'customer asked' } });
    expect([over.status, over.body.error.code]).toEqual([409, 'CONFLICT']);
    const made = await call(api.app, 'POST', path, { as: api.users.dan, body: { amount: '10.00', iban: ADA_IBAN, reason: 'customer asked' }, headers: { 'Idempotency-Key': 'k1' } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ existing: false, alertId: null, proposal: { kind: 'refund', status: 'pending', amount: '10.00', payload: { destinationCheck: { passed: true } } } });
    const again = await call(api.app, 'POST', path, { as: api.users.dan, body: { amount: '10.00', iban: ADA_IBAN, reason: 'customer asked' }, headers: { 'Idempotency-Key': 'k1' } });
    expect(again.body.proposal.id).toBe(made.body.proposal.id);
    expect((await call(api.app, 'POST', path, { as: api.users.uma, body: { iban: ADA_IBAN, reason: 'customer asked' } })).status).toBe(404);
    expect((await call(api.app, 'POST', path, { as: api.users.cora, body: { iban: ADA_IBAN, reason: 'customer asked' } })).status).toBe(403);
    const id = made.body.proposal.id;
    const decided = await call(api.app, 'POST', `/api/v1/proposals/${id}/decisions`, { as: api.users.bob, body: { decision: 'approve', reason: 'statement checked' } });
    expect(decided.body).toMatchObject({ status: 'posted' });
    expect(store.sqlite.prepare("SELECT amount FROM account_credits WHERE reason = 'refund'").all()).toEqual([{ amount: '-10.00' }]);
  });

  it('scans for payment fraud and stores a flag once', async () => {
    insertPayments(store, 't', [{ accountId: 'A1', payerName: 'Oliver Grant', payerIban: ADA_IBAN, bookingDate: daysAgo(3) }]);
    const first = await call(api.app, 'POST', '/api/v1/payments/fraud-scan', { as: api.users.dan, body: {} });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ byDetector: { payer_name: 1 } });
    expect((await call(api.app, 'POST', '/api/v1/payments/fraud-scan', { as: api.users.dan, body: {} })).body.alerts).toEqual([]);
    const alerts = await call(api.app, 'GET', '/api/v1/alerts?detector=payer_name', { as: api.users.dan });
    expect(alerts.body.alerts).toMatchObject([{ detector: 'payer_name', source: 'payments', subjectKind: 'account', subject: 'A1' }]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveUser, type UserRecord } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { BillingError } from '../../tools/errors.ts';
import { createContext, systemClock, userActor } from '../context.ts';
import { runOperation } from '../operation.ts';
import { importPayments } from '../payments/index.ts';
import { rf, setUpBilledLedger, statementOf, tx } from '../payments/testing/billed-ledger.ts';
import { showMyPayments } from './index.ts';

let store: ReturnType<typeof createTempStore>;
let alice: UserRecord;
let cora: UserRecord;
let bert: UserRecord;
const as = (user: UserRecord, today = '2025-04-12') => createContext({ store, actor: userActor(user), clock: systemClock(today) });
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof BillingError ? e.code : String(e)),
  );

beforeAll(async () => {
  store = createTempStore();
  ({ alice } = await setUpBilledLedger(store));
  cora = saveUser(store, { id: 'cora', tenant: 't', name: 'Cora', roles: ['customer'], accountId: 'A1' });
  bert = saveUser(store, { id: 'bert', tenant: 't', name: 'Bert', roles: ['customer'], accountId: 'A2' });
  // A1 overpays INV-000001 (12.35) by 7.65; A2 pays part of INV-000002 (18.12); a stranger's entry stays unmatched.
  importPayments(store, 't', {
    content: statementOf('S1', [
      [tx('R1', '20.00', { creditorReference: rf('INV-000001'), payerName: 'Ada Lovelace' })],
      [tx('R2', '10.00', { creditorReference: rf('INV-000002'), payerName: 'Babbage Engines Ltd' })],
      [tx('R3', '30.50', { payerName: 'Nobody We Know' })],
    ]),
    by: 'alice',
    today: '2025-04-11',
  });
});
afterAll(() => store.cleanup());

describe('portal.payments (real SQLite, a camt.053 imported)', () => {
  it('shows a customer their own payments, what each settled and became credit, their open balance and their account credit', async () => {
    const r = await runOperation(showMyPayments, as(cora), {});
    expect(r.accountId).toBe('A1');
    expect(r.payments).toEqual([
      { id: 1, bookingDate: '2025-04-10', amount: '20.00', currency: 'GBP', state: 'matched', returned: false, settled: [{ invoiceNumber: 'INV-000001', amount: '12.35' }], credit: '7.65' },
    ]);
    expect(r.accountCredit).toBe('7.65');
    expect(r.balance).toMatchObject({ currency: 'GBP', openBalance: '0.00' });

    const b = await runOperation(showMyPayments, as(bert), {});
    expect(b.payments.map((p) => [p.amount, p.state, p.settled, p.credit])).toEqual([['10.00', 'partly_matched', [{ invoiceNumber: 'INV-000002', amount: '10' }], '0']]);
    expect([b.balance.openBalance, b.accountCredit]).toEqual(['8.12', '0']);
  });

  it('is for customers only, and takes no account from the input', async () => {
    await expect(code(runOperation(showMyPayments, as(alice), {}))).resolves.toBe('FORBIDDEN');
    await expect(code(runOperation(showMyPayments, as(cora), { accountId: 'A2' } as never))).resolves.toBe('INVALID_INPUT');
  });
});

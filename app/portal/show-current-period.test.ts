import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveUser, type UserRecord } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../db/testing/ledger-fixture.ts';
import { BillingError } from '../../tools/errors.ts';
import { createContext, systemClock, userActor } from '../context.ts';
import { runOperation } from '../operation.ts';
import { showCurrentPeriod } from './index.ts';

let store: ReturnType<typeof createTempStore>;
let alice: UserRecord;
let cora: UserRecord;
let uma: UserRecord;
const as = (user: UserRecord, today = '2025-03-16') => createContext({ store, actor: userActor(user), clock: systemClock(today) });
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof BillingError ? e.code : String(e)),
  );

beforeAll(async () => {
  store = createTempStore();
  ({ alice } = await setUpLedger(store));
  cora = saveUser(store, { id: 'cora', tenant: 't', name: 'Cora', roles: ['customer'], accountId: 'A1' });
  uma = saveUser(store, { id: 'uma', tenant: 'u', name: 'Uma', roles: ['analyst', 'admin'] });
});
afterAll(() => store.cleanup());

describe('portal.current-period (the billed March of the ledger fixture)', () => {
  it("shows a customer their own period so far: minutes used up, usage beyond them, and the month's projection", async () => {
    const r = await runOperation(showCurrentPeriod, as(cora), {});
    expect(r.accountId).toBe('A1');
    expect(r.period).toEqual({ label: '2025-03', from: '2025-03-01', to: '2025-04-01', lastDay: '2025-03-31', today: '2025-03-16', daysElapsed: 16, daysTotal: 31 });
    expect(r.projection.method).toBe('forecast');
    const [line] = r.lines;
    expect(line).toMatchObject({ subscriptionId: 'L1', msisdn: '447700900123' });
    // 14 minutes of calls against 10 included; what is beyond is 0.18 + 0.11, as on INV-000001.
    expect(line!.allowances.find((a) => a.allowanceId === 'UK_MIN')).toMatchObject({ included: '10.00', used: '10.00', left: '0.00', projectedToRunOut: true });
    // The forecast: 14 minutes in 16 days, against December to February with no calls (the history
    // counts as one day at rate 0): 14/17 a day for 15 days, 12.35 more minutes, charged as copies of
    // the 1-, 5- and 8-minute calls (0.11 + 0.35 + 0.53) on top of the 0.29 so far.
    expect([r.usageCharges, r.projectedUsageCharges, r.currency, r.notRated]).toEqual(['0.29', '1.28', 'GBP', 0]);
  });

  it('counts only the days so far: on the 4th the last call is not there yet', async () => {
    const r = await runOperation(showCurrentPeriod, as(alice, '2025-03-04'), { accountId: 'A1' });
    // 13 minutes in 4 days (and a quiet history): 70.2 more minutes, copies of the 5- and 8-minute calls.
    expect([r.period.daysElapsed, r.usageCharges, r.projectedUsageCharges]).toEqual([4, '0.18', '4.93']);
  });

  it("lets staff read any account of their tenant, and nobody another's", async () => {
    // A2's Business 31 starts on the 17th, its SMS on the 20th is charged (no allowance).
    const a2 = await runOperation(showCurrentPeriod, as(alice, '2025-03-25'), { accountId: 'A2' });
    expect(a2.lines.map((l) => [l.subscriptionId, l.allowances.length])).toEqual([['L2', 0]]);
    expect(a2.usageCharges).not.toBe('0.00');
    expect(await code(runOperation(showCurrentPeriod, as(cora), { accountId: 'A2' }))).toBe('NOT_FOUND');
    expect(await code(runOperation(showCurrentPeriod, as(uma), { accountId: 'A1' }))).toBe('NOT_FOUND');
    expect(await code(runOperation(showCurrentPeriod, as(alice), {}))).toBe('INVALID_INPUT');
  });
});

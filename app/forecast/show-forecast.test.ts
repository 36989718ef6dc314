import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveUser, type UserRecord } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../db/testing/ledger-fixture.ts';
import { BillingError } from '../../tools/errors.ts';
import { createContext, systemClock, userActor } from '../context.ts';
import { runOperation } from '../operation.ts';
import { showForecast } from './index.ts';
import { FORECAST_CDRS } from './testing/forecast-ledger.ts';

let store: ReturnType<typeof createTempStore>;
let alice: UserRecord;
let cora: UserRecord;
let uma: UserRecord;
const as = (user: UserRecord, today: string) => createContext({ store, actor: userActor(user), clock: systemClock(today) });
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof BillingError ? e.code : String(e)),
  );

beforeAll(async () => {
  store = createTempStore();
  ({ alice } = await setUpLedger(store, FORECAST_CDRS));
  cora = saveUser(store, { id: 'cora', tenant: 't', name: 'Cora', roles: ['customer'], accountId: 'A1' });
  uma = saveUser(store, { id: 'uma', tenant: 'u', name: 'Uma', roles: ['analyst', 'admin'] });
});
afterAll(() => store.cleanup());

describe('forecasts.show', () => {
  it("reads the line's stored history: February's 2 minutes a day pull March's early forecast below the straight line", async () => {
    const r = await runOperation(showForecast, as(cora, '2025-03-04'), {});
    expect(r).toMatchObject({ accountId: 'A1', currency: 'GBP', method: { name: 'weekday-history', baseline: 'straight-line' }, notRated: 0 });
    expect(r.period).toEqual({ label: '2025-03', from: '2025-03-01', to: '2025-04-01', lastDay: '2025-03-31', today: '2025-03-04', daysElapsed: 4, daysTotal: 31 });
    const minutes = r.lines[0]!.allowances.find((a) => a.allowanceId === 'UK_MIN')!;
    // 13 minutes in 4 days: 100.75 on the straight line.
    expect(minutes).toMatchObject({ included: '10.00', used: '13.00', left: '0.00', straightLineUse: '100.75', projectedToExceed: true });
    // December and January came before any use but the line existed: three periods read.
    expect(minutes.historyPeriods).toBe(3);
    expect(Number(minutes.projectedUse)).toBeLessThan(100.75);
    expect(Number(minutes.projectedUse)).toBeGreaterThan(13);
    // Every call of the line draws on UK_MIN: what goes beyond it is all of the line's usage charges.
    expect(minutes.extraCharge).toBe(r.lines[0]!.projectedUsageCharges);
    expect(Number(r.projectedUsageCharges)).toBeGreaterThan(Number(r.usageCharges));
  });

  it("is the same whoever of the tenant asks, and NOT_FOUND for a customer's other account or another tenant", async () => {
    const staff = await runOperation(showForecast, as(alice, '2025-03-04'), { accountId: 'A1' });
    expect(staff.lines).toEqual((await runOperation(showForecast, as(cora, '2025-03-04'), {})).lines);
    expect(await code(runOperation(showForecast, as(cora, '2025-03-04'), { accountId: 'A2' }))).toBe('NOT_FOUND');
    expect(await code(runOperation(showForecast, as(uma, '2025-03-04'), { accountId: 'A1' }))).toBe('NOT_FOUND');
    expect(await code(runOperation(showForecast, as(alice, '2025-03-04'), {}))).toBe('INVALID_INPUT');
  });

  it('forecasts a period with no use yet from the history alone', async () => {
    const r = await runOperation(showForecast, as(alice, '2025-04-02'), { accountId: 'A1' });
    const minutes = r.lines[0]!.allowances.find((a) => a.allowanceId === 'UK_MIN')!;
    expect([minutes.used, minutes.straightLineUse]).toEqual(['0.00', '0.00']);
    expect(Number(minutes.projectedUse)).toBeGreaterThan(0);
  });
});

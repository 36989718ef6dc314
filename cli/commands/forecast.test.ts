import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORECAST_CDRS } from '../../app/forecast/testing/forecast-ledger.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../db/testing/ledger-fixture.ts';
import { runCli } from '../testing/run-cli.ts';

let store: ReturnType<typeof createTempStore>;
beforeAll(async () => {
  store = createTempStore();
  await setUpLedger(store, FORECAST_CDRS);
});
afterAll(() => store.cleanup());

describe('switchboard forecast --account', () => {
  it('prints each allowance with the forecast beside the straight line, and the extra charge', async () => {
    const r = await runCli(['--db', store.path, 'forecast', '--account', 'A1', '--today', '2025-03-04']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Forecast for account A1, period 2025-03 (2025-03-01 to 2025-03-31), day 4 of 31');
    const row = r.stdout.split('\n').find((l) => l.includes('UK_MIN'))!;
    expect(row).toMatch(/447700900123\s+UK_MIN\s+min\s+10\.00\s+13\.00\s+\d+\.\d\d\s+100\.75\s+yes\s+\d+\.\d\d/);
    expect(r.stdout.split('\n').find((l) => l.includes('SMS_100'))).toMatch(/\sno\s*$/);
  });

  it("gives the operation's answer under --json", async () => {
    const r = await runCli(['--db', store.path, 'forecast', '--account', 'A1', '--today', '2025-03-04', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ accountId: 'A1', method: { name: 'weekday-history' }, period: { label: '2025-03', daysElapsed: 4 } });
    const minutes = out.lines[0].allowances.find((a: { allowanceId: string }) => a.allowanceId === 'UK_MIN');
    expect(minutes).toMatchObject({ straightLineUse: '100.75', projectedToExceed: true });
  });

  it('refuses an unknown account and a bad date in one line', async () => {
    const missing = await runCli(['--db', store.path, 'forecast', '--account', 'A404', '--today', '2025-03-04']);
    expect([missing.code, missing.stderr]).toEqual([2, 'error [NOT_FOUND]: no account A404\n']);
    const bad = await runCli(['--db', store.path, 'forecast', '--account', 'A1', '--today', '2025-02-31']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/2025-02-31/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { runCli } from '../testing/run-cli.ts';
import { ingestAndRate, setUpBillingOperator } from './testing/billing-setup.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
  setUpBillingOperator(store);
});
afterEach(() => store.cleanup());

describe('switchboard whatif --plan', () => {
  it('says a plan does not exist, listing the plans, instead of answering with nothing', async () => {
    await ingestAndRate(store);
    const r = await runCli(['--db', store.path, 'whatif', '--account', 'A1', '--period', '2025-03', '--plan', 'NOPE']);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'error [NOT_FOUND]: no plan NOPE in the catalog of 2025-03; plans: PLAN_10, PLAN_20, PLAN_31\n']);
    const known = await runCli(['--db', store.path, 'whatif', '--account', 'A1', '--period', '2025-03', '--plan', 'PLAN_20', '--json']);
    expect(known.code).toBe(0);
    expect(JSON.parse(known.stdout).scenarios.map((s: { planId: string }) => s.planId)).toEqual(['PLAN_20']);
  });
});

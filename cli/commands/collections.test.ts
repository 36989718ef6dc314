import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billPeriod } from '../../app/billing/index.ts';
import { addDays } from '../../tools/time/index.ts';
import { testCatalog } from '../../tools/charging/testing/charging-fixtures.ts';
import { getInvoice, saveCatalogVersion, saveUser } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { runCliOn } from '../testing/run-cli.ts';
import { setUpBillingOperator } from './testing/billing-setup.ts';

let store: ReturnType<typeof createTempStore>;
let due: string;
beforeEach(() => {
  store = createTempStore();
  setUpBillingOperator(store);
  saveCatalogVersion(store, testCatalog());
  billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  saveUser(store, { id: 'alice', tenant: 't', name: 'Alice Analyst', roles: ['analyst'] });
  due = getInvoice(store, 'INV-000001').document.dueDate!;
});
afterEach(() => store.cleanup());

const sb = (...args: string[]) => runCliOn(store.path, ...args);

describe('switchboard collections', () => {
  it('records a promise (who from --as), pauses the run on it, and shows risk, ladder and promise', async () => {
    const p = await sb('collections', 'promise', 'A1', '--amount', '12.00', '--by', addDays(due, 20), '--as', 'alice', '--today', addDays(due, 8), '--json');
    expect(p.code).toBe(0);
    expect(p.json).toMatchObject({ accountId: 'A1', amount: '12.00', status: 'open', recordedBy: 'alice' });
    expect((await sb('collections', 'promise', 'A1', '--amount', '5', '--by', addDays(due, 20), '--as', 'alice', '--today', addDays(due, 8), '--json')).json.error.code).toBe('CONFLICT');
    const list = await sb('collections', 'promises', '--status', 'open', '--json');
    expect(list.json.promises.map((x: any) => x.id)).toEqual([p.json.id]);

    const run = await sb('collections', 'run', '--as', 'alice', '--today', addDays(due, 10));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1 paused by a promise/);
    const show = await sb('collections', 'show', 'A1', '--today', addDays(due, 10));
    expect(show.stdout).toMatch(/A1: payment risk (low|medium|high) \(0\.\d+\)/);
    expect(show.stdout).toMatch(/paused: promise \d+ to pay 12\.00 GBP/);
  });

  it('refuses the run to the anonymous local operator: proposing needs a named person', async () => {
    const r = await sb('collections', 'run', '--json');
    expect(r.json.error.code).toBe('UNAUTHORIZED');
  });
});

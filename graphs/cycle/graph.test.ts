import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, systemClock } from '../../app/context.ts';
import { ingestAndRate, setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { getCycleRun, listProposals, listTenantInvoices } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { documentsFolder, runCycle, type CycleDeps } from './index.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(async () => {
  store = createTempStore();
  setUpBillingOperator(store);
  await ingestAndRate(store);
});
afterEach(() => store.cleanup());

const deps = (extra: Partial<CycleDeps> = {}): CycleDeps => ({
  ctx: createContext({ store, actor: { id: 'ada', kind: 'user', tenant: 't', roles: ['admin'] }, clock: systemClock('2026-01-01') }),
  options: {},
  ...extra,
});

describe('the billing cycle graph (real SQLite)', () => {
  it('bills a clean period end to end with no model call', async () => {
    const { report, run } = await runCycle(deps(), '2025-03');
    console.log(JSON.stringify(report, null, 1));
    expect(run.status).toBe(report.status);
    expect(report.model.calls).toBe(0);
    const invs = listTenantInvoices(store, 't', { period: '2025-03', kind: 'invoice' });
    expect(invs).toHaveLength(2);
  });
});

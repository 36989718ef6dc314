import { it } from 'vitest';
import { createTempStore } from '../db/testing/create-temp-store.ts';
import { setUpLedger } from '../db/testing/ledger-fixture.ts';
import { runCli } from './testing/run-cli.ts';
import { createContext, runOperation } from '../app/index.ts';
import { listBillRuns } from '../app/billing/index.ts';
import { listFlaggedInvoices } from '../app/invoices/index.ts';
import { listQuarantined } from '../app/quarantine/index.ts';
import { summarizeUsage } from '../app/usage/index.ts';
it('probe', async () => {
  const store = createTempStore();
  await setUpLedger(store);
  for (const args of [['accounts', 'list', '--json'], ['pricing', 'trends', '--json']]) {
    const r = await runCli(['--db', store.path, ...args]);
    console.log(args.join(' '), r.code, r.stdout.slice(0, 200), r.stderr.slice(0, 600));
  }
  const ctx = createContext({ store, actor: { id: 'alice', tenant: 't', kind: 'user', roles: ['admin', 'analyst'] } as never });
  for (const [name, op, input] of [['flagged', listFlaggedInvoices, { limit: 50 }], ['q', listQuarantined, { status: 'open', limit: 1 }], ['runs', listBillRuns, {}], ['usage', summarizeUsage, {}], ['usage03', summarizeUsage, { period: '2025-03' }]] as const) {
    try { const out = await runOperation(op as never, ctx, input); console.log(name, 'ok', JSON.stringify(out).slice(0, 150)); } catch (e) { console.log(name, 'ERR', String((e as Error).message).slice(0, 600)); }
  }
  store.cleanup();
}, 60000);

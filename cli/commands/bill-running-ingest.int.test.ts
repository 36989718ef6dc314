// `bill` while an ingest is still writing, and after one was cut short (real CLI processes).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listInvoices, openBatch } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { runCli } from '../testing/cli-processes.ts';
import { runCli as runInProcess } from '../testing/run-cli.ts';
import { ingestAndRate, setUpBillingOperator } from './testing/billing-setup.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(async () => {
  store = createTempStore();
  setUpBillingOperator(store);
  await ingestAndRate(store);
});
afterEach(() => store.cleanup());

const bill = (...extra: string[]) => runCli(['--db', store.path, 'bill', '--period', '2025-03', ...extra]);

describe('bill and ingests of the period', () => {
  it('refuses (exit 2, naming the batch) while an ingest is still writing; bills with a warning when allowed', async () => {
    // this test process is the live ingest: it holds the batch's lease
    const ingest = openBatch(store, { sourceName: 'csv', format: 'csv', path: '/incoming/march-late.csv', parserOptions: {} });
    const refused = await bill();
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^error \\[CONFLICT\\]: ingest batch ${ingest.batchId} \\(/incoming/march-late.csv, started .*\\) is still writing usage: .*--allow-running-ingest`)),
    ]);
    const json = await bill('--json');
    expect([json.status, JSON.parse(json.stdout).error.code, JSON.parse(json.stdout).error.details]).toEqual([2, 'CONFLICT', { runningBatches: [ingest.batchId] }]);
    expect(listInvoices(store)).toEqual([]);

    const allowed = await bill('--allow-running-ingest', '--json');
    expect(allowed.status, allowed.stderr).toBe(0);
    const out = JSON.parse(allowed.stdout) as { created: number; warnings: string[] };
    expect(out.created).toBe(2);
    expect(out.warnings).toEqual([expect.stringMatching(new RegExp(`batch ${ingest.batchId} .*still writing usage .*billing what has arrived`))]);
    ingest.lease.release();
  }, 360_000);

  it('an interrupted ingest does not block the bill but is warned about', async () => {
    const ingest = openBatch(store, { sourceName: 'csv', format: 'csv', path: '/incoming/march-late.csv', parserOptions: {} });
    ingest.lease.release(); // its process died: the kernel dropped the lock
    // Its process is gone, so no process of its own is needed here: the CLI in this process.
    const r = await runInProcess(['--db', store.path, 'bill', '--period', '2025-03'], { env: { ...process.env, CI: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`warning: ingest batch ${ingest.batchId} .* was interrupted after 0 events and not resumed: ingest its file again`));
    expect(r.stdout).toMatch(/2 invoices created/);
  }, 360_000);
});

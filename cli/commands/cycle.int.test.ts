import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { ingestAndRate, setUpBillingOperator } from './testing/billing-setup.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'switchboard.js');
let store: ReturnType<typeof createTempStore>;
beforeEach(async () => {
  store = createTempStore();
  setUpBillingOperator(store);
  await ingestAndRate(store);
});
afterEach(() => store.cleanup());

const cli = (...args: string[]) => spawnSync(process.execPath, [bin, '--db', store.path, ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });

describe('switchboard cycle (a real process on a real SQLite file)', () => {
  it('runs a cycle, shows its status and lists it; a second run creates nothing', () => {
    const first = cli('cycle', 'run', '--period', '2025-03', '--json');
    expect(first.status, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as { status: string; model: { calls: number }; invoices: { issued: Array<{ total: string; count: number }> } };
    expect(report).toMatchObject({ status: 'done', model: { calls: 0 }, invoices: { issued: [{ currency: 'GBP', total: '30.47', count: 2 }] } });
    const again = JSON.parse(cli('cycle', 'run', '--period', '2025-03', '--json').stdout) as { steps: Array<{ step: string; counts: Record<string, number> }>; runs: number };
    expect(again.runs).toBe(2);
    expect(again.steps.find((s) => s.step === 'bill')!.counts).toMatchObject({ created: 0, alreadyPresent: 2 });
    const status = cli('cycle', 'status', '--period', '2025-03');
    expect(status.stdout).toMatch(/^Cycle 2025-03: done, run 2 time\(s\)/);
    expect(cli('cycle', 'list').stdout).toMatch(/2025-03\s+done\s+2/);
    const other = cli('cycle', 'run', '--period', '2025-03', '--tenant', 'someone-else');
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/FORBIDDEN/);
  });
});

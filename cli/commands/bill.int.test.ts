// `bill --jobs 2` killed from outside: its shard processes must not go on billing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { readDatabase } from '../../db/testing/read-database.ts';
import { childPids, isAlive, startCli, waitFor } from '../testing/cli-processes.ts';
import { setUpManyAccounts } from './testing/many-accounts.ts';

const ACCOUNTS = 1500;
let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
  setUpManyAccounts(store, ACCOUNTS);
}, 360_000);
afterEach(() => store.cleanup());

function invoices(): number {
  return Number(readDatabase<{ n: number }>(store.path, 'select count(*) n from invoices').n);
}

/** Starts `bill --jobs 2`, waits until both shards run and the first invoices are in. */
async function billUntilFirstInvoices() {
  const run = startCli(['--db', store.path, 'bill', '--period', '2025-03', '--jobs', '2', '--json']);
  const shards = await waitFor(
    'two shard processes',
    () => {
      const pids = childPids(run.child.pid!);
      return pids.length === 2 && pids;
    },
    30_000,
  );
  await waitFor('the first invoices', () => invoices() > 0, 120_000);
  return { run, shards };
}

describe('bill --jobs 2 killed from outside (real launcher)', () => {
  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`${signal} of the parent: both shards stop and the run does not finish`, async () => {
      const { run, shards } = await billUntilFirstInvoices();
      run.child.kill(signal);
      await waitFor('both shards to stop', () => shards.every((pid) => !isAlive(pid)), 15_000);
      const billed = invoices();
      expect(billed).toBeLessThan(ACCOUNTS);
      if (signal === 'SIGTERM') {
        const end = await run.ended;
        expect(end.signal ?? end.status).toBe(end.signal ? 'SIGTERM' : 143);
      }
      // and nothing bills on behind our back once they are gone
      expect(invoices()).toBe(billed);
    }, 720_000);
  }
});

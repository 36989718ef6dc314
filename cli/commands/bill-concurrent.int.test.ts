// Several `switchboard bill` processes billing the same period of the same books at once (as bill
// runs started on several hosts would): every account gets exactly one invoice, and each series'
// numbers are unique and gapless. On PostgreSQL this holds by the unique indexes
// (invoices_one_per_period, invoices_series_number) and the series row's lock taken by the
// counter's UPDATE; on SQLite by its single writer as well.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { onPostgres } from '../../db/testing/on-postgres.ts';
import { numberGaps, readInvoices } from '../../server/workers/testing/worker-fixture.ts';
import { startCli } from '../testing/cli-processes.ts';
import { setUpManyAccounts } from './testing/many-accounts.ts';

const ACCOUNTS = 300;
const PERIOD = '2025-03';
let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
  setUpManyAccounts(store, ACCOUNTS);
}, 360_000);
afterEach(() => store.cleanup());

describe('concurrent bill runs of one period', () => {
  it(
    'four processes (two of them sharded) bill each account once, numbers unique and gapless per series',
    async () => {
      const runs = [
        ['--jobs', '1'],
        ['--jobs', '2'],
        ['--jobs', '1'],
        ['--jobs', '2'],
      ].map((jobs) => startCli(['--db', store.path, 'bill', '--period', PERIOD, ...jobs, '--json']));
      const ends = await Promise.all(runs.map((r) => r.ended));
      for (const e of ends) expect(e.status, e.stderr).toBe(0);
      const reports = ends.map((e) => JSON.parse(e.stdout) as { created: number; alreadyPresent: number; failed: unknown[] });
      // Each account was created by exactly one of the runs; the others found it present.
      expect(reports.reduce((n, r) => n + r.created, 0)).toBe(ACCOUNTS);
      for (const r of reports) expect([r.created + r.alreadyPresent, r.failed]).toEqual([ACCOUNTS, []]);
      // More than one run billed: the runs overlapped rather than running one after another.
      expect(reports.filter((r) => r.created > 0).length).toBeGreaterThan(1);

      const rows = readInvoices(store.path);
      expect(rows).toHaveLength(ACCOUNTS);
      expect(new Set(rows.map((r) => `${r.accountId}/${r.period}`)).size).toBe(ACCOUNTS);
      const numbered = rows.filter((r) => r.number !== null);
      expect(numbered.length).toBeGreaterThan(0);
      expect(new Set(numbered.map((r) => `${r.series}/${r.number}`)).size).toBe(numbered.length);
      expect(numberGaps(rows)).toEqual([]);
      // Each series starts at 1: no number was taken and lost by a run that lost the race.
      for (const series of new Set(numbered.map((r) => r.series))) {
        const first = Math.min(...numbered.filter((r) => r.series === series).map((r) => Number(/(\d+)$/.exec(r.number!)![1])));
        expect(first, series).toBe(1);
      }
    },
    onPostgres ? 300_000 : 120_000,
  );
});

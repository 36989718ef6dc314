import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpBilledMarch } from '../../app/pricing/testing/pricing-setup.ts';
import { runCli } from '../testing/run-cli.ts';

let store: ReturnType<typeof createTempStore>;
let files: Awaited<ReturnType<typeof setUpBilledMarch>>;
beforeEach(async () => {
  store = createTempStore();
  files = await setUpBilledMarch(store);
});
afterEach(() => store.cleanup());

/** What a what-if must never change: every event's rating and every invoice. */
const storedState = () => ({
  events: store.sqlite.prepare('SELECT id, status, cost, tariff_version_id, rating_breakdown FROM usage_events ORDER BY id').all(),
  invoices: store.sqlite.prepare('SELECT id, number, status, total, document_json FROM invoices ORDER BY id').all(),
  tariffs: store.sqlite.prepare('SELECT count(*) AS n FROM tariff_versions').get(),
  catalogs: store.sqlite.prepare('SELECT count(*) AS n FROM catalog_versions').get(),
});

describe('switchboard pricing whatif', () => {
  it('re-prices March under a dearer mobile rate against the stored invoices, changing nothing stored', async () => {
    const billed = store.sqlite.prepare("SELECT account_id, document_json FROM invoices WHERE kind = 'invoice' ORDER BY account_id").all() as Array<{ account_id: string; document_json: string }>;
    const subtotals = billed.map((b) => [b.account_id, JSON.parse(b.document_json).subtotal]);
    const before = storedState();
    const r = await runCli(['--db', store.path, 'pricing', 'whatif', '--period', '2025-03', '--tariff', files.tariffFile, '--json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    // Before is what the invoices billed, net of tax.
    expect(subtotals).toEqual([
      ['A1', o.increases.find((c: { accountId: string }) => c.accountId === 'A1').before],
      ['A2', '15.10'],
    ]);
    expect(o.accounts).toBe(2);
    expect(o.changedAccounts).toBe(1);
    // A1's 14 minutes to mobiles, 10 in the allowance: the other 4 minutes cost 0.06 more each.
    expect(o.increases.map((c: { accountId: string; change: string }) => [c.accountId, c.change])).toEqual([['A1', '0.24']]);
    expect(o.total.change).toBe('0.24');
    expect(o.byCategory.find((c: { key: string }) => c.key === 'voice mobile').change).toBe('0.24');
    expect(o.bySegment.map((s: { key: string; change: string }) => [s.key, s.change])).toEqual([
      ['consumer', '0.24'],
      ['small_business', '0.00'],
    ]);
    expect(o.events).toEqual({ repriced: 4, failed: 0, failures: {} });
    expect(storedState()).toEqual(before);

    const text = await runCli(['--db', store.path, 'pricing', 'whatif', '--period', '2025-03', '--tariff', files.tariffFile]);
    expect(text.stdout).toContain('change 0.24');
    expect(text.stdout).toMatch(/took \d+ ms/);
  });

  it('finds no change with the tariff and catalog already in effect, and the fee change of a proposed catalog', async () => {
    const same = JSON.parse((await runCli(['--db', store.path, 'pricing', 'whatif', '--period', '2025-03', '--tariff', files.sameTariffFile, '--json'])).stdout);
    expect([same.total.change, same.changedAccounts]).toEqual(['0.00', 0]);
    const fees = JSON.parse((await runCli(['--db', store.path, 'pricing', 'whatif', '--period', '2025-03', '--catalog', files.catalogFile, '--json'])).stdout);
    expect(fees.byCategory.find((c: { key: string }) => c.key === 'plan fees').change).toBe('2.00');
    expect(fees.byPlan.map((p: { key: string; change: string }) => [p.key, p.change])).toEqual([
      ['PLAN_10', '2.00'],
      ['PLAN_31', '0.00'],
    ]);
    expect(fees.events.repriced).toBe(0);
  });

  it('needs a proposal, and names a file that is not there', async () => {
    const none = await runCli(['--db', store.path, 'pricing', 'whatif', '--period', '2025-03']);
    expect([none.code, none.stderr]).toEqual([2, 'error [INVALID_INPUT]: propose a tariff, a catalog or both\n']);
    const missing = await runCli(['--db', store.path, 'pricing', 'whatif', '--period', '2025-03', '--catalog', 'nope.yaml']);
    expect([missing.code, missing.stderr]).toEqual([2, 'error [FILE_NOT_FOUND]: no such file: nope.yaml\n']);
  });
});

describe('switchboard pricing trends', () => {
  it('says one month is too short for a back-test and forecasts the last month', async () => {
    const r = await runCli(['--db', store.path, 'pricing', 'trends', '--json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.buckets).toEqual(['2025-03']);
    expect(o.future).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(o.ratedMape).toBeNull();
    expect(o.note).toContain('too few for a back-test');
    const mobile = o.categories.find((c: { key: string }) => c.key === 'voice mobile');
    expect(mobile.history).toEqual([{ bucket: '2025-03', events: 4, quantity: '15.00', rated: mobile.history[0].rated }]);
    expect(mobile.forecast.map((f: { quantity: string }) => f.quantity)).toEqual(['15.00', '15.00', '15.00']);
  });

  it('back-tests daily totals', async () => {
    const r = await runCli(['--db', store.path, 'pricing', 'trends', '--bucket', 'day', '--until', '2025-03-31', '--history', '31']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rated amount MAPE [\d.]+%/);
    const bad = await runCli(['--db', store.path, 'pricing', 'trends', '--bucket', 'week']);
    expect(bad.code).toBe(2);
  });
});

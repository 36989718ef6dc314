import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveUser } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../db/testing/ledger-fixture.ts';
import { TEST_TARIFF_YAML } from '../../tools/charging/testing/charging-fixtures.ts';
import { runCli } from '../testing/run-cli.ts';

/* The read-side commands are adapters over the same operations as the API (app/): one in-process run each. */

let store: ReturnType<typeof createTempStore>;
beforeEach(async () => {
  store = createTempStore();
  await setUpLedger(store);
  saveUser(store, { id: 'cora', tenant: 't', name: 'Cora Customer', roles: ['customer'], accountId: 'A1' });
});
afterEach(() => store.cleanup());

const sb = async (...args: string[]) => {
  const r = await runCli(['--db', store.path, ...args]);
  return { ...r, json: r.stdout ? JSON.parse(r.stdout) : undefined };
};

describe('read-side commands over the operations', () => {
  it('lists accounts, and a customer acting with --as sees only their own account and usage', async () => {
    expect((await sb('accounts', 'list', '--json')).json.map((a: { id: string; lines: number }) => [a.id, a.lines])).toEqual([
      ['A1', 1],
      ['A2', 1],
    ]);
    expect((await sb('accounts', 'list', '--as', 'cora', '--json')).json.map((a: { id: string }) => a.id)).toEqual(['A1']);
    expect((await sb('usage', 'list', '--as', 'cora', '--json')).json.map((e: { id: number }) => e.id)).toEqual([3, 2, 1]);
    const other = await sb('usage', 'show', '4', '--as', 'cora', '--json');
    expect([other.code, other.json.error.code]).toEqual([2, 'NOT_FOUND']);
  });

  it('marks overdue on the --today given and records a payment; a customer may do neither', async () => {
    expect((await sb('invoice', 'mark-overdue', '--today', '2025-04-10', '--json')).json).toEqual({ overdue: 0 });
    expect((await sb('invoice', 'mark-overdue', '--today', '2025-05-01', '--json')).json).toEqual({ overdue: 2 });
    const refused = await sb('invoice', 'pay', 'INV-000001', '--as', 'cora', '--json');
    expect([refused.code, refused.json.error.code]).toEqual([2, 'FORBIDDEN']);
    expect((await sb('invoice', 'pay', 'INV-000001', '--json')).json).toEqual({ id: 1, number: 'INV-000001', status: 'paid' });
  });

  it('imports a tariff only as an admin, and lists the versions', async () => {
    saveUser(store, { id: 'dan', tenant: 't', name: 'Dan Analyst', roles: ['analyst'] });
    const file = join(store.dir, 'uk.yaml');
    writeFileSync(file, TEST_TARIFF_YAML.replace('test-uk', 'test-uk-2'));
    const notAdmin = await sb('tariffs', 'import', file, '--as', 'dan', '--json');
    expect([notAdmin.code, notAdmin.json.error.code]).toEqual([2, 'FORBIDDEN']);
    expect((await sb('tariffs', 'import', file, '--json')).json).toMatchObject({ name: 'test-uk-2', version: 1, created: true, format: 'native' });
    const refused = await sb('tariffs', 'list', '--as', 'cora', '--json');
    expect([refused.code, refused.json.error.code]).toEqual([2, 'FORBIDDEN']);
    expect((await sb('tariffs', 'list', '--json')).json.map((t: { name: string; version: number }) => `${t.name} v${t.version}`)).toEqual(['test-uk-2 v1', 'test-uk v1']);
    expect((await sb('catalog', 'list', '--json')).json.map((c: { name: string }) => c.name)).toEqual(['test-catalog']);
  });
});

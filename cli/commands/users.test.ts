import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userForToken } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpBillingOperator } from './testing/billing-setup.ts';
import { runCli } from '../testing/run-cli.ts';

describe('switchboard users', () => {
  let store: ReturnType<typeof createTempStore>;
  beforeEach(() => {
    store = createTempStore();
    setUpBillingOperator(store);
  });
  afterEach(() => store.cleanup());
  const sb = (...args: string[]) => runCli(['--db', store.path, ...args]);

  it('adds staff and customer users, and lists every tenant of the file for the local operator', async () => {
    expect((await sb('users', 'add', 'ada', '--roles', 'admin')).stdout).toBe('User ada (ada) of t: admin\n');
    const cora = await sb('users', 'add', 'cora', '--roles', 'customer', '--account', 'A1', '--json');
    expect(JSON.parse(cora.stdout)).toEqual({ id: 'cora', tenant: 't', name: 'cora', roles: ['customer'], accountId: 'A1' });
    expect((await sb('users', 'add', 'cy', '--roles', 'customer', '--account', 'NOPE')).stderr).toBe('error [NOT_FOUND]: no account NOPE\n');
    await sb('users', 'add', 'uma', '--roles', 'admin', '--tenant', 'u');
    expect(JSON.parse((await sb('users', 'list', '--json')).stdout).map((u: { id: string }) => u.id)).toEqual(['ada', 'cora', 'uma']);
    // An admin acting by name sees and adds in their own tenant only.
    expect(JSON.parse((await sb('users', 'list', '--as', 'uma', '--json')).stdout).map((u: { id: string }) => u.id)).toEqual(['uma']);
    const refused = await sb('users', 'add', 'x', '--roles', 'analyst', '--as', 'cora');
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/^error \[FORBIDDEN\]/)]);
  });

  it('creates a token printed once, lists it without the secret, and revokes it', async () => {
    await sb('users', 'add', 'dan', '--roles', 'analyst');
    const made = await sb('users', 'token', 'create', 'dan', '--label', 'laptop');
    expect(made.code).toBe(0);
    const token = made.stdout.split('\n')[0]!;
    expect(token).toMatch(/^sb_[A-Za-z0-9_-]{8}_/);
    expect(made.stdout).toContain('shown only this once');
    expect(userForToken(store, token)?.id).toBe('dan');
    const list = await sb('users', 'token', 'list', 'dan', '--json');
    const [row] = JSON.parse(list.stdout);
    expect(row).toMatchObject({ userId: 'dan', label: 'laptop', revokedAt: null });
    expect(list.stdout).not.toContain(token);
    expect((await sb('users', 'token', 'list', 'nobody')).stderr).toBe('error [NOT_FOUND]: no user nobody\n');
    expect((await sb('users', 'token', 'revoke', String(row.id))).stdout).toMatch(new RegExp(`^Token ${row.id} of dan \\(laptop\\) revoked at `));
    expect(userForToken(store, token)).toBeNull();
    expect((await sb('users', 'token', 'revoke', '999')).stderr).toBe('error [NOT_FOUND]: no API token 999\n');
  });
});

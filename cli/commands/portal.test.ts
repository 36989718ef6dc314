import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPortalLink } from '../../app/portal/index.ts';
import { saveUser } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpBillingOperator } from './testing/billing-setup.ts';
import { runCli } from '../testing/run-cli.ts';

describe('switchboard portal', () => {
  let store: ReturnType<typeof createTempStore>;
  beforeEach(() => {
    store = createTempStore();
    setUpBillingOperator(store);
    saveUser(store, { id: 'dan', tenant: 't', name: 'Dan', roles: ['analyst'] });
    saveUser(store, { id: 'bob', tenant: 't', name: 'Bob', roles: ['approver'] });
    saveUser(store, { id: 'uma', tenant: 'u', name: 'Uma', roles: ['analyst', 'admin'] });
  });
  afterEach(() => store.cleanup());
  const sb = (...args: string[]) => runCli(['--db', store.path, ...args]);

  it('prints a full link once (default server and 12 hours), lists it without the token, revokes it', async () => {
    const made = await sb('portal', 'link', 'A1', '--as', 'dan');
    expect(made.code).toBe(0);
    const [url, info] = made.stdout.split('\n');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:8080\/portal\/open\?link=1\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(info).toMatch(/^Portal link 1 for account A1, valid until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z\. Shown only this once/);
    const token = new URL(url!).searchParams.get('link')!;
    const opened = openPortalLink(store, token);
    expect(opened.accountId).toBe('A1');
    expect(Math.round((opened.expiresAt.getTime() - Date.now()) / 3_600_000)).toBe(12);

    const other = JSON.parse((await sb('portal', 'link', 'A2', '--hours', '1', '--base-url', 'https://portal.example.com/', '--json')).stdout);
    expect(other).toMatchObject({ id: 2, accountId: 'A2', createdBy: 'local-operator', url: `https://portal.example.com/portal/open?link=${other.token}` });

    const list = await sb('portal', 'links', '--account', 'A1', '--as', 'dan', '--json');
    expect(JSON.parse(list.stdout).map((l: { id: number; status: string }) => [l.id, l.status])).toEqual([[1, 'active']]);
    expect(list.stdout).not.toContain(token);
    expect((await sb('portal', 'links')).stdout).toMatch(/^id +accountId +status/);

    expect((await sb('portal', 'revoke', '1', '--as', 'dan')).stdout).toMatch(/^Portal link 1 of account A1 revoked at /);
    expect((await sb('portal', 'revoke', '1', '--as', 'dan')).stdout).toMatch(/^Portal link 1 of account A1 was already revoked at /);
    expect(() => openPortalLink(store, token)).toThrow(/revoked/);
  });

  it('refuses bad input, approvers and other tenants', async () => {
    expect((await sb('portal', 'link', 'NOPE')).stderr).toBe('error [NOT_FOUND]: no account NOPE\n');
    expect((await sb('portal', 'link', 'A1', '--hours', '169')).stderr).toMatch(/^error \[INVALID_INPUT\]: .*hours/);
    expect((await sb('portal', 'link', 'A1', '--hours', 'x')).stderr).toMatch(/^error \[INVALID_INPUT\]: --hours is a whole number/);
    expect((await sb('portal', 'link', 'A1', '--base-url', 'ftp://x')).stderr).toMatch(/^error \[INVALID_INPUT\]: --base-url/);
    const refused = await sb('portal', 'link', 'A1', '--as', 'bob');
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/^error \[FORBIDDEN\]/)]);
    await sb('portal', 'link', 'A1');
    expect((await sb('portal', 'revoke', '1', '--as', 'uma')).stderr).toBe('error [NOT_FOUND]: no portal link 1\n');
    expect((await sb('portal', 'revoke', 'one')).stderr).toMatch(/^error \[INVALID_INPUT\]: a portal link id is a whole number/);
  });
});

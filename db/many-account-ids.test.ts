import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpManyAccounts } from '../cli/commands/testing/many-accounts.ts';
import { listAccountIds, tenantAccountIds, tenantScope } from './index.ts';
import { createTempStore } from './testing/create-temp-store.ts';

// More accounts than SQLite binds in one statement (32,766): a tenant this size must still be billed.
const N = 33_000;
let store: ReturnType<typeof createTempStore>;
beforeAll(() => {
  store = createTempStore();
  setUpManyAccounts(store, N);
}, 360_000);
afterAll(() => store.cleanup());

describe('account ids of a large tenant', () => {
  it('reads every given id, in slices, sorted; an unknown one is NOT_FOUND', () => {
    const all = listAccountIds(store);
    expect(all).toHaveLength(N);
    const reversed = [...all].reverse();
    expect(listAccountIds(store, reversed)).toEqual(all);
    expect(tenantAccountIds(tenantScope(store, 'switchboard.local'), reversed)).toEqual(all);
    expect(() => tenantAccountIds(tenantScope(store, 'switchboard.local'), [...reversed, 'NOPE'])).toThrow(/no account NOPE/);
    expect(() => tenantAccountIds(tenantScope(store, 'another'), all.slice(0, 2))).toThrow(/no account/);
  });
});

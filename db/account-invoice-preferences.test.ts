import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountsFileSchema } from '../tools/catalog/index.ts';
import { BillingError } from '../tools/errors.ts';
import { getAccountBundle, importAccounts, setAccountInvoicePreferences } from './account-store.ts';
import { createTempStore } from './testing/create-temp-store.ts';

const file = accountsFileSchema.parse({
  customers: [{ id: 'C1', name: 'Ada', address: { lines: ['1 High St'], city: 'London', postcode: 'N1 1AA', region: null, country: 'GB' }, customerSince: '2024-01-01' }],
  accounts: [{ id: 'A1', customerId: 'C1', currency: 'GBP', taxJurisdiction: { country: 'GB' }, discounts: [], paymentTermsDays: 30 }],
  subscriptions: [],
});

describe('setAccountInvoicePreferences', () => {
  let store: ReturnType<typeof createTempStore>;
  beforeEach(() => {
    store = createTempStore();
    importAccounts(store, file, { tenant: 't' });
  });
  afterEach(() => store.cleanup());

  it('changes only the preferences given and keeps the rest of the account as it was', () => {
    const before = getAccountBundle(store, 'A1').account;
    setAccountInvoicePreferences(store, 'A1', { preferences: { layout: 'family' }, language: 'fr' });
    const after = getAccountBundle(store, 'A1').account;
    expect(after).toEqual({ ...before, language: 'fr', invoicePreferences: { ...before.invoicePreferences, layout: 'family' } });
    expect(after.paymentTermsDays).toBe(30);
  });

  it('fills in the defaults for an account stored before preferences existed', () => {
    const { invoicePreferences: _, ...legacy } = getAccountBundle(store, 'A1').account;
    store.sqlite.prepare('UPDATE accounts SET account_json = ? WHERE id = ?').run(JSON.stringify(legacy), 'A1');
    const account = setAccountInvoicePreferences(store, 'A1', { preferences: { largePrint: true } });
    expect(account.invoicePreferences).toEqual({ layout: 'auto', detail: 'per_line', delivery: 'email', largePrint: true });
  });

  it('refuses an unknown account and a bad value, storing nothing', () => {
    expect(() => setAccountInvoicePreferences(store, 'NOPE', { preferences: { detail: 'summary' } })).toThrow(BillingError);
    const before = getAccountBundle(store, 'A1').account;
    expect(() => setAccountInvoicePreferences(store, 'A1', { preferences: { detail: 'everything' as 'summary' } })).toThrow();
    expect(getAccountBundle(store, 'A1').account).toEqual(before);
  });
});

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importAccounts, saveCatalogVersion, setOperatorSetting, type Store } from '../../../db/index.ts';
import { loadCatalog, type AccountsFile } from '../../../tools/catalog/index.ts';
import { importTariffFromPath } from '../tariffs.ts';

const DATASET = join(dirname(fileURLToPath(import.meta.url)), '../../../evals/datasets/demo-operator');
const PLANS = ['SIM_10', 'TALK_20', 'UNLIMITED_35'];

/** The demo operator's tariff and catalog with `n` GB consumer accounts of one line each (no usage): a bill run that takes a while. */
export function setUpManyAccounts(store: Store, n: number): void {
  for (const [k, v] of Object.entries({ tenant: 'switchboard.local', homeCountry: 'GB', timezone: 'UTC' })) setOperatorSetting(store, k, v);
  importTariffFromPath(join(DATASET, 'tariff.yaml'), {}, store);
  saveCatalogVersion(store, loadCatalog(readFileSync(join(DATASET, 'catalog.yaml'), 'utf8')));
  const address = { lines: ['1 High Street'], city: 'London', postcode: 'N1 1AA', region: null, country: 'GB' };
  const file: AccountsFile = { customers: [], accounts: [], subscriptions: [] };
  for (let i = 0; i < n; i++) {
    const id = String(i).padStart(7, '0');
    file.customers.push({ id: `C${id}`, name: `Customer ${id}`, segment: 'consumer', email: null, address, customerSince: '2020-01-01' });
    file.accounts.push({
      id: `A${id}`,
      customerId: `C${id}`,
      billingCycleDay: 1,
      currency: 'GBP',
      language: 'en',
      taxJurisdiction: { country: 'GB', region: null },
      vatId: null,
      taxExemptions: [],
      discounts: [],
      paymentTermsDays: 14,
    });
    file.subscriptions.push({
      id: `L${id}`,
      accountId: `A${id}`,
      msisdn: `4475${String(i).padStart(8, '0')}`,
      imsi: null,
      plans: [{ planId: PLANS[i % 3]!, from: '2024-01-01' }],
      endDate: null,
      status: 'active',
      orders: [],
    });
  }
  importAccounts(store, file);
}

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importAccounts, saveCatalogVersion, setOperatorSetting, type Store } from '../../../db/index.ts';
import { buildManyAccountsFile } from '../../../evals/generator/index.ts';
import { loadCatalog } from '../../../tools/catalog/index.ts';
import { importTariffFromPath } from '../tariffs.ts';

const DATASET = join(dirname(fileURLToPath(import.meta.url)), '../../../evals/datasets/demo-operator');

/** The demo operator's tariff and catalog with `n` GB consumer accounts of one line each (no usage): a bill run that takes a while. */
export function setUpManyAccounts(store: Store, n: number): void {
  for (const [k, v] of Object.entries({ tenant: 'switchboard.local', homeCountry: 'GB', timezone: 'UTC' })) setOperatorSetting(store, k, v);
  importTariffFromPath(join(DATASET, 'tariff.yaml'), {}, store);
  saveCatalogVersion(store, loadCatalog(readFileSync(join(DATASET, 'catalog.yaml'), 'utf8')));
  importAccounts(store, buildManyAccountsFile(n));
}

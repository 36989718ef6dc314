import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importAccounts, saveCatalogVersion, saveUser, setOperatorSetting, type UserRecord } from '../../../db/index.ts';
import type { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { accountsFileSchema } from '../../../tools/catalog/index.ts';
import { testCatalog } from '../../../tools/charging/testing/charging-fixtures.ts';

type TempStore = ReturnType<typeof createTempStore>;

/** The shipped worked example (tools/tax/packs/updates): eu-vat before and after Romania's Law 141/2025. */
export const EU_VAT_2025_07 = readFileSync(fileURLToPath(new URL('../../../tools/tax/packs/updates/eu-vat-2025-07.json', import.meta.url)), 'utf8');
export const EU_VAT_2025_08 = readFileSync(fileURLToPath(new URL('../../../tools/tax/packs/updates/eu-vat-2025-08.json', import.meta.url)), 'utf8');

/**
 * A GB seller billing EUR customers in the EU, recurring fees only (Talk 10 at 10.00 a month): R1 a
 * Romanian consumer billed on the 1st, R2 one billed on the 15th (its period crosses the change
 * of 2025-08-01), RB a Romanian business with a VAT id (reverse charge: no VAT either side), D1 a
 * German consumer (19%, unchanged). Users: ada (admin), alice (analyst), bob (approver).
 */
export function setUpEuVatOperator(store: TempStore): { ada: UserRecord; alice: UserRecord; bob: UserRecord } {
  setOperatorSetting(store, 'tenant', 't');
  setOperatorSetting(store, 'homeCountry', 'GB');
  setOperatorSetting(store, 'timezone', 'UTC');
  saveCatalogVersion(store, testCatalog({ currency: 'EUR' }));
  const at = (country: string) => ({ lines: ['1 Strada Mare'], city: 'Town', postcode: '010101', region: null, country });
  const line = (id: string, accountId: string, msisdn: string) => ({ id, accountId, msisdn, plans: [{ planId: 'PLAN_10', from: '2025-01-01' }] });
  importAccounts(
    store,
    accountsFileSchema.parse({
      customers: [
        { id: 'CR1', name: 'Ana Popescu', address: at('RO'), customerSince: '2024-01-01' },
        { id: 'CR2', name: 'Mihai Ionescu', address: at('RO'), customerSince: '2024-01-01' },
        { id: 'CRB', name: 'Carpati Trans SRL', segment: 'small_business', address: at('RO'), customerSince: '2024-01-01' },
        { id: 'CD1', name: 'Jonas Weber', address: at('DE'), customerSince: '2024-01-01' },
      ],
      accounts: [
        { id: 'R1', customerId: 'CR1', currency: 'EUR', taxJurisdiction: { country: 'RO' } },
        { id: 'R2', customerId: 'CR2', currency: 'EUR', taxJurisdiction: { country: 'RO' }, billingCycleDay: 15 },
        { id: 'RB', customerId: 'CRB', currency: 'EUR', taxJurisdiction: { country: 'RO' }, vatId: 'RO12345678' },
        { id: 'D1', customerId: 'CD1', currency: 'EUR', taxJurisdiction: { country: 'DE' } },
      ],
      subscriptions: [line('LR1', 'R1', '40700000001'), line('LR2', 'R2', '40700000002'), line('LRB', 'RB', '40700000003'), line('LD1', 'D1', '4915100000001')],
    }),
  );
  return {
    ada: saveUser(store, { id: 'ada', tenant: 't', name: 'Ada Admin', roles: ['admin', 'analyst'] }),
    alice: saveUser(store, { id: 'alice', tenant: 't', name: 'Alice Analyst', roles: ['analyst'] }),
    bob: saveUser(store, { id: 'bob', tenant: 't', name: 'Bob Approver', roles: ['approver'] }),
  };
}

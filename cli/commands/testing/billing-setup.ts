import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importAccounts, saveCatalogVersion, setOperatorSetting } from '../../../db/index.ts';
import type { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { accountsFileSchema } from '../../../tools/catalog/index.ts';
import { TEST_TARIFF_YAML, testCatalog } from '../../../tools/charging/testing/charging-fixtures.ts';
import { importTariffFromPath } from '../tariffs.ts';
import { ingestFile } from '../../../app/ingest/index.ts';
import { ratePending } from '../../../app/rating/index.ts';

type TempStore = ReturnType<typeof createTempStore>;

/**
 * A small operator for billing tests on a real SQLite file: the test tariff and catalog, a GB
 * consumer (A1, line 447700900123 on Talk 10 all month) and a GB business (A2, line 447700900456 on
 * Business 31 from 17 March).
 */
export function setUpBillingOperator(store: TempStore): void {
  setOperatorSetting(store, 'tenant', 't');
  setOperatorSetting(store, 'homeCountry', 'GB');
  setOperatorSetting(store, 'timezone', 'UTC');
  importTariff(store, TEST_TARIFF_YAML);
  saveCatalogVersion(store, testCatalog());
  const address = { lines: ['1 High Street'], city: 'London', postcode: 'N1 1AA', region: null, country: 'GB' };
  importAccounts(
    store,
    accountsFileSchema.parse({
      customers: [
        { id: 'C1', name: 'Ada Lovelace', address, customerSince: '2024-01-01' },
        { id: 'C2', name: 'Babbage Engines Ltd', segment: 'small_business', address, customerSince: '2024-01-01' },
      ],
      accounts: [
        { id: 'A1', customerId: 'C1', currency: 'GBP', taxJurisdiction: { country: 'GB' } },
        { id: 'A2', customerId: 'C2', currency: 'GBP', taxJurisdiction: { country: 'GB' }, vatId: 'GB987654321' },
      ],
      subscriptions: [
        { id: 'L1', accountId: 'A1', msisdn: '447700900123', plans: [{ planId: 'PLAN_10', from: '2024-06-01' }] },
        { id: 'L2', accountId: 'A2', msisdn: '447700900456', plans: [{ planId: 'PLAN_31', from: '2025-03-17' }] },
      ],
    }),
  );
}

/** Imports a native tariff text as a new version. */
export function importTariff(store: TempStore, yaml: string): void {
  const path = join(store.dir, `tariff-${Date.now()}-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, yaml);
  importTariffFromPath(path, {}, store);
}

/** Generic CSV usage: three calls of A1 (480 s, 300 s, 60 s to a mobile), an SMS of A2, a call of a number nobody has. */
export const BILLING_CDRS = [
  'record_id,service,direction,subscriber,imsi,serving_network,visited_country,other_party,start,duration,disposition,volume,notes',
  'r1,voice,outbound,447700900123,,,,+447812345678,2025-03-03T10:00:00Z,480,answered,,',
  'r2,voice,outbound,447700900123,,,,+447812345678,2025-03-04T10:00:00Z,300,answered,,',
  'r3,voice,outbound,447700900123,,,,+447812345678,2025-03-05T10:00:00Z,60,answered,,',
  'r4,sms,outbound,447700900456,,,,+447812345678,2025-03-20T10:00:00Z,,,1,',
  'r5,voice,outbound,447700900999,,,,+447812345678,2025-03-20T10:00:00Z,60,answered,,',
];

/** Ingests CSV lines (header first) and rates what it can. */
export async function ingestAndRate(store: TempStore, lines: string[] = BILLING_CDRS): Promise<void> {
  const path = join(store.dir, `cdrs-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  await ingestFile(store, path, { format: 'csv' });
  ratePending(store, {});
}

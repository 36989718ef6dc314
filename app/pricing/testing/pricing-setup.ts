import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { billPeriod } from '../../billing/index.ts';
import type { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { TEST_TARIFF_YAML } from '../../../tools/charging/testing/charging-fixtures.ts';
import { ingestAndRate, setUpBillingOperator } from '../../../cli/commands/testing/billing-setup.ts';

type TempStore = ReturnType<typeof createTempStore>;

/** The test tariff with calls to mobiles at 0.12 a minute instead of 0.06 (connect fee unchanged). */
export const DEARER_MOBILE_TARIFF = TEST_TARIFF_YAML.replace('RT_MOBILE: { connectFee: "0.05", rate: "0.06"', 'RT_MOBILE: { connectFee: "0.05", rate: "0.12"');

/** The billing test operator with March usage rated and billed (A1 and A2 invoiced), and proposal files beside the database. */
export async function setUpBilledMarch(store: TempStore): Promise<{ tariffFile: string; sameTariffFile: string; catalogFile: string }> {
  setUpBillingOperator(store);
  await ingestAndRate(store);
  billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  const tariffFile = join(store.dir, 'tariff-dearer-mobile.yaml');
  writeFileSync(tariffFile, DEARER_MOBILE_TARIFF);
  const sameTariffFile = join(store.dir, 'tariff-same.yaml');
  writeFileSync(sameTariffFile, TEST_TARIFF_YAML);
  // Talk 10 at 12.00: A1's fee is 2.00 more.
  const catalogFile = join(store.dir, 'catalog-dearer.json');
  const { testCatalog } = await import('../../../tools/charging/testing/charging-fixtures.ts');
  const catalog = testCatalog();
  writeFileSync(catalogFile, JSON.stringify({ ...catalog, plans: catalog.plans.map((p) => (p.id === 'PLAN_10' ? { ...p, recurringFee: '12.00' } : p)) }));
  return { tariffFile, sameTariffFile, catalogFile };
}

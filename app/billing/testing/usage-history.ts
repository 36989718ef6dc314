import { ingestAndRate } from '../../../cli/commands/testing/billing-setup.ts';
import { saveCatalogVersion } from '../../../db/index.ts';
import type { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { testCatalog } from '../../../tools/charging/testing/charging-fixtures.ts';

const MB = 1_048_576;

/** Mobile data of line L1 (447700900123, Talk 10 since June 2024: 10 min, 100 SMS with 50 rolling over, 1,024 MB) per period, in MB. */
export const DATA_MB: Readonly<Record<string, number>> = { '2024-12': 1000, '2025-01': 1200, '2025-02': 1100, '2025-03': 1540 };

/**
 * On top of setUpBillingOperator: one data session of L1 in each period of DATA_MB, and a welcome
 * promotion for a line's first ten periods (June 2024 is L1's first, March 2025 its tenth).
 */
export async function seedUsageHistory(store: ReturnType<typeof createTempStore>): Promise<void> {
  saveCatalogVersion(store, testCatalog({ promotions: [{ id: 'WELCOME', name: 'Welcome 10% off', kind: 'percent_off_recurring', percent: '10', periods: 10, eligibility: { plans: ['PLAN_10'] } }] }));
  await ingestAndRate(store, [
    'record_id,service,direction,subscriber,imsi,serving_network,visited_country,other_party,start,duration,disposition,volume,notes',
    ...Object.entries(DATA_MB).map(([p, mb]) => `d-${p},data,,447700900123,,,,,${p}-10T10:00:00Z,,,${mb * MB},`),
  ]);
}

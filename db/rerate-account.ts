import { createTariffBook } from '../tools/rating/index.ts';
import type { Store } from './open-database.ts';
import { reratePeriod, type RerateResult } from './rerate-period.ts';
import { getOperatorSettings } from './settings-store.ts';
import { loadTariffVersions } from './tariff-store.ts';

/** Re-rates one account's period with the tariff now in effect (the operator's time zone and tenant). */
export function rerateAccount(store: Store, accountId: string, period: string, issueDate?: string): RerateResult {
  const { timezone, tenant } = getOperatorSettings(store);
  return reratePeriod(store, { period, timezone, tenant, book: createTariffBook(loadTariffVersions(store), {}), accountIds: [accountId], issueDate });
}

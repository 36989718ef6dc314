import { createTariffBook } from '../../tools/rating/index.ts';
import { rolledBack, type Store } from '../../db/open-database.ts';
import { reratePeriod, type RerateResult } from './rerate-period.ts';
import { getOperatorSettings } from '../../db/settings-store.ts';
import { loadTariffVersions } from '../../db/tariff-store.ts';

/** Re-rates one account's period with the tariff now in effect (the operator's time zone and tenant). */
export function rerateAccount(store: Store, accountId: string, period: string, issueDate?: string): RerateResult {
  const { timezone, tenant } = getOperatorSettings(store);
  return reratePeriod(store, { period, timezone, tenant, book: createTariffBook(loadTariffVersions(store), {}), accountIds: [accountId], issueDate });
}

/** What re-rating an account's period would do, computed for real and rolled back: the preview a re-rate proposal shows. */
export function previewRerate(store: Store, accountId: string, period: string): RerateResult {
  return rolledBack(store, () => rerateAccount(store, accountId, period));
}

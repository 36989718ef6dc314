import type { Store } from '../../db/index.ts';
import { accountPaymentHistory, accountsWithOpenInvoices } from '../../db/collections-store.ts';
import type { RiskBand } from '../../tools/cashflow/index.ts';
import { scorePaymentRisk } from '../../tools/collections/index.ts';

/**
 * The payment-risk band of each account with something open, as the forecast takes it: the band of
 * the collections payment-risk score on `asOf` (docs/collections.md). Accounts with nothing open are
 * absent (the forecast has nothing of theirs to place); an absent account is taken as medium.
 */
export function accountRiskBands(store: Store, tenant: string, asOf: string): Record<string, RiskBand> {
  const bands: Record<string, RiskBand> = {};
  for (const accountId of accountsWithOpenInvoices(store, tenant)) bands[accountId] = scorePaymentRisk(accountPaymentHistory(store, tenant, accountId, asOf)).band;
  return bands;
}

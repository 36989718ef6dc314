import { billingPeriod } from '../tools/charging/index.ts';
import type { BillAccountInput } from '../tools/invoice/bill-account.ts';
import type { BillingSettings } from '../tools/invoice/billing-settings.types.ts';
import type { Catalog } from '../tools/catalog/index.ts';
import { addMonths } from '../tools/time/index.ts';
import { getAccountBundle } from './account-store.ts';
import { loadChargeableEvents, type TariffPlanCache } from './billing-usage-store.ts';
import { catalogInEffect } from './catalog-store.ts';
import { carriesInto, previousInvoiceTotals } from './invoice-store.ts';
import { earlierPeriodUsage } from './earlier-usage.ts';
import type { TaxPack } from '../tools/tax/index.ts';
import { taxPacksInForce } from './tax-pack-store.ts';
import type { Store } from './open-database.ts';

/** What a run reads again and again: tariff plans by version, catalogs by date. */
export interface BillingCaches {
  tariffPlans: TariffPlanCache;
  catalogs: Map<string, { id: number; catalog: Catalog }>;
  /** The tax packs in force, read once per run. */
  taxPacks?: readonly TaxPack[];
}

/** Empty caches for one run. */
export function newBillingCaches(): BillingCaches {
  return { tariffPlans: new Map(), catalogs: new Map() };
}

/**
 * Everything billing needs about one account and period, read from the store: the account with its
 * lines, the catalog in effect at the period start, the rated usage, the allowance carried in from
 * the previous period, the recent invoice totals and the usage billed in the three periods before.
 */
export function loadBillingInput(store: Store, accountId: string, period: string, timezone: string, settings: BillingSettings, caches: BillingCaches = newBillingCaches()): BillAccountInput {
  const bundle = getAccountBundle(store, accountId);
  caches.taxPacks ??= taxPacksInForce(store);
  const bounds = billingPeriod(period, bundle.account.billingCycleDay, timezone);
  const { catalog } = catalogInEffect(store, bounds.from, caches.catalogs);
  const { events, notRated } = loadChargeableEvents(
    store,
    bundle.subscriptions.map((s) => s.msisdn),
    bounds.fromMs,
    bounds.toMs,
    caches.tariffPlans,
  );
  return {
    ...bundle,
    catalog,
    period,
    timezone,
    events,
    notRated,
    carriedIn: carriesInto(
      store,
      bundle.subscriptions.map((s) => s.id),
      addMonths(period, -1),
    ),
    settings,
    previousTotals: previousInvoiceTotals(store, accountId, period),
    usageHistory: earlierPeriodUsage(store, accountId, period),
    taxPacks: caches.taxPacks,
  };
}

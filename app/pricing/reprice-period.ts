import { getAccountBundle, ratingPartyLookup } from '../../db/account-store.ts';
import { getBillingSettings } from '../../db/billing-settings-store.ts';
import { usageRowsForNumbers } from '../../db/billing-usage-store.ts';
import { tenantAccountIds } from '../../db/bill-run-store.ts';
import { catalogInEffect, currentRateMultipliers } from '../../db/catalog-store.ts';
import { carriesInto, findPeriodInvoice } from '../../db/invoice-store.ts';
import { loadBillingInput, newBillingCaches } from '../../db/load-billing-input.ts';
import type { Store } from '../../db/open-database.ts';
import type { TenantScope } from '../../db/scope.ts';
import { getOperatorSettings } from '../../db/settings-store.ts';
import { loadTariffVersions } from '../../db/tariff-store.ts';
import { toRecordAndClassification } from '../../db/usage-store.ts';
import type { Catalog } from '../../tools/catalog/index.ts';
import { billingPeriod, tariffRowsOf, type ChargeableEvent } from '../../tools/charging/index.ts';
import type { CallCategory, Roaming } from '../../tools/classify/classification.types.ts';
import type { Direction, Service } from '../../tools/cdr/usage-record.types.ts';
import { toBillingError } from '../../tools/errors.ts';
import { billAccount, type BillAccountInput } from '../../tools/invoice/bill-account.ts';
import { summarizeRepricing, type RepricedAccount, type RepricingSummary } from '../../tools/pricing/index.ts';
import { createEventRater, createTariffBook, type RatedCost, type TariffBook, type TariffPlan } from '../../tools/rating/index.ts';
import { addMonths } from '../../tools/time/index.ts';

/** What a re-priced period is priced with: a proposed tariff, a proposed catalog, or both (the stored ones otherwise). */
export interface PricingProposal {
  tariff?: { plan: TariffPlan; label: string };
  catalog?: { catalog: Catalog; label: string };
}

/** The what-if of a whole period: the comparison, what could not be re-priced, and how long it took. */
export interface RepricingResult extends RepricingSummary {
  period: string;
  currency: string;
  tariff: string;
  catalog: string;
  events: { repriced: number; failed: number; failures: Record<string, number> };
  /** Accounts without a stored invoice for the period (billed nothing), in another currency, or that could not be charged. */
  skipped: { noInvoice: number; otherCurrency: number; failed: Array<{ accountId: string; code: string; message: string }> };
  ms: { total: number; rating: number; charging: number };
}

// The proposed tariff's version is never stored: provenance names it version 0.
const PROPOSED_VERSION = 0;

/** Rated events of one account's lines in its period, priced again in memory with `rate` (nothing is written). */
function repricedEvents(store: Store, numbers: string[], fromMs: number, toMs: number, rate: ReturnType<typeof createEventRater>, tenant: string, tally: RepricingResult['events']) {
  const events: ChargeableEvent[] = [];
  let notRated = 0;
  for (const row of usageRowsForNumbers(store, numbers, fromMs, toMs)) {
    const { record, classification } = toRecordAndClassification(row);
    const outcome = rate(record, classification, row.tenant || tenant);
    if (outcome.status !== 'rated') {
      notRated += 1;
      tally.failed += 1;
      const code = outcome.status === 'rating_failed' ? outcome.code : 'UNCLASSIFIED';
      tally.failures[code] = (tally.failures[code] ?? 0) + 1;
      continue;
    }
    tally.repriced += 1;
    const breakdown = 'spans' in outcome.breakdown ? (outcome.breakdown as RatedCost) : null;
    events.push({
      id: row.id,
      subscriber: row.subscriber,
      service: row.service as Service,
      direction: row.direction as Direction,
      category: row.category as CallCategory,
      roaming: row.roaming as Roaming,
      startTime: row.startTime,
      answerTime: row.answerTime,
      usage: row.usage,
      cost: outcome.cost,
      breakdown,
      tariffRows: breakdown ? tariffRowsOf(breakdown.spans, outcome.tariffVersionId) : [],
      tariffVersionId: outcome.tariffVersionId,
    });
  }
  return { events, notRated };
}

/**
 * Re-prices a past period under a proposed tariff and/or catalog without writing anything: each
 * account's stored usage is rated again in memory (only when the tariff or the catalog's
 * multipliers change; otherwise the stored ratings stand), charged as the bill run charges it
 * (plans, allowances, promotions, discounts) and compared with the lines of its stored invoice.
 */
export function repricePeriod(scope: TenantScope, period: string, proposal: PricingProposal, options: { top?: number } = {}): RepricingResult {
  const started = performance.now();
  const { store } = scope;
  const { timezone, tenant } = getOperatorSettings(store);
  const settings = getBillingSettings(store);
  const caches = newBillingCaches();
  const storedBook = (): TariffBook => createTariffBook(loadTariffVersions(store));
  // The proposed tariff prices the whole period, whatever its effectiveFrom says.
  const book = proposal.tariff ? createTariffBook([{ id: PROPOSED_VERSION, name: proposal.tariff.plan.id, version: PROPOSED_VERSION, effectiveFrom: 0, plan: proposal.tariff.plan }]) : null;
  const multipliers = proposal.catalog ? proposal.catalog.catalog.rateMultipliers : currentRateMultipliers(store);
  const multipliersChange = proposal.catalog !== undefined && JSON.stringify(multipliers) !== JSON.stringify(currentRateMultipliers(store));
  const rerate = book !== null || multipliersChange;
  const rate = rerate ? createEventRater(book ?? storedBook(), multipliers, timezone, ratingPartyLookup(store, timezone, proposal.catalog?.catalog)) : null;
  const events: RepricingResult['events'] = { repriced: 0, failed: 0, failures: {} };
  const skipped: RepricingResult['skipped'] = { noInvoice: 0, otherCurrency: 0, failed: [] };
  const accounts: RepricedAccount[] = [];
  let ratingMs = 0;
  let chargingMs = 0;
  let currency: string | null = null;
  for (const accountId of tenantAccountIds(scope)) {
    try {
      const bundle = getAccountBundle(store, accountId);
      const bounds = billingPeriod(period, bundle.account.billingCycleDay, timezone);
      const catalog = proposal.catalog?.catalog ?? catalogInEffect(store, bounds.from, caches.catalogs).catalog;
      currency ??= catalog.currency;
      if (bundle.account.currency !== currency) {
        skipped.otherCurrency += 1;
        continue;
      }
      const invoice = findPeriodInvoice(store, accountId, period);
      if (!invoice) skipped.noInvoice += 1;
      const t0 = performance.now();
      let input: BillAccountInput;
      if (rate) {
        const numbers = bundle.subscriptions.map((s) => s.msisdn);
        const priced = repricedEvents(store, numbers, bounds.fromMs, bounds.toMs, rate, tenant, events);
        const carriedIn = carriesInto(
          store,
          bundle.subscriptions.map((s) => s.id),
          addMonths(period, -1),
        );
        input = { ...bundle, catalog, period, timezone, events: priced.events, notRated: priced.notRated, carriedIn, settings, previousTotals: [], recommend: false };
      } else {
        input = { ...loadBillingInput(store, accountId, period, timezone, settings, caches), catalog, recommend: false };
      }
      const t1 = performance.now();
      const { doc } = billAccount(input);
      chargingMs += performance.now() - t1;
      ratingMs += t1 - t0;
      accounts.push({
        accountId,
        customerName: bundle.customer.name,
        segment: bundle.customer.segment,
        subscriptions: bundle.subscriptions,
        before: invoice ? invoice.document.lines : null,
        after: doc.lines,
      });
    } catch (err) {
      const e = toBillingError(err);
      if (e.code === 'INTERNAL') throw err;
      skipped.failed.push({ accountId, code: e.code, message: e.message });
    }
  }
  const summary = summarizeRepricing(accounts, options);
  return {
    period,
    currency: currency ?? proposal.catalog?.catalog.currency ?? '',
    tariff: proposal.tariff ? `${proposal.tariff.label} (proposed)` : rerate ? `${storedBook().name} (stored)` : 'stored ratings',
    catalog: proposal.catalog ? `${proposal.catalog.label} (proposed)` : 'in effect',
    ...summary,
    events,
    skipped,
    ms: { total: performance.now() - started, rating: ratingMs, charging: chargingMs },
  };
}

import { toBillingError } from '../tools/errors.ts';
import { billAccount } from '../tools/invoice/bill-account.ts';
import { billingPeriod } from '../tools/charging/index.ts';
import { addMonths } from '../tools/time/index.ts';
import { getAccountBundle, listAccountIds } from './account-store.ts';
import { getBillingSettings } from './billing-settings-store.ts';
import { loadChargeableEvents, type TariffPlanCache } from './billing-usage-store.ts';
import { catalogInEffect } from './catalog-store.ts';
import { carriesInto, findPeriodInvoice, previousInvoiceTotals, saveInvoice } from './invoice-store.ts';
import type { Store } from './open-database.ts';

/** What a bill run did, account by account. */
export interface BillRunResult {
  period: string;
  created: Array<{ accountId: string; number: string | null; status: string; total: string; currency: string }>;
  alreadyPresent: string[];
  held: string[];
  failed: Array<{ accountId: string; code: string; message: string }>;
}

/**
 * Bills every account (or the given ones) for a period. Idempotent: an account that already has
 * its invoice for the period is left alone, so running the bill again creates nothing and numbers
 * stay gapless. One account's failure is recorded and the run goes on.
 */
export function billPeriod(store: Store, options: { period: string; timezone: string; accountIds?: string[]; issueDate?: string; onProgress?: (done: number, total: number) => void }): BillRunResult {
  const settings = getBillingSettings(store);
  const result: BillRunResult = { period: options.period, created: [], alreadyPresent: [], held: [], failed: [] };
  const ids = listAccountIds(store, options.accountIds);
  const plans: TariffPlanCache = new Map();
  const previous = addMonths(options.period, -1);
  ids.forEach((accountId, i) => {
    options.onProgress?.(i, ids.length);
    if (findPeriodInvoice(store, accountId, options.period)) {
      result.alreadyPresent.push(accountId);
      return;
    }
    try {
      const bundle = getAccountBundle(store, accountId);
      const period = billingPeriod(options.period, bundle.account.billingCycleDay, options.timezone);
      const { catalog } = catalogInEffect(store, period.from);
      const { events, notRated } = loadChargeableEvents(store, bundle.subscriptions.map((s) => s.msisdn), period.fromMs, period.toMs, plans);
      const { doc, charge } = billAccount({
        ...bundle, catalog, period: options.period, timezone: options.timezone, events, notRated,
        carriedIn: carriesInto(store, bundle.subscriptions.map((s) => s.id), previous),
        settings, previousTotals: previousInvoiceTotals(store, accountId, options.period),
      });
      const saved = saveInvoice(store, {
        accountId, doc, issueDate: options.issueDate ?? period.to, paymentTermsDays: bundle.account.paymentTermsDays,
        ledger: charge.ledger, carries: charge.carriedOut,
      });
      if (!saved) {
        result.alreadyPresent.push(accountId);
        return;
      }
      result.created.push({ accountId, number: saved.number, status: saved.status, total: saved.total, currency: saved.currency });
      if (saved.status === 'held') result.held.push(accountId);
    } catch (err) {
      const e = toBillingError(err);
      result.failed.push({ accountId, code: e.code, message: e.message });
    }
  });
  options.onProgress?.(ids.length, ids.length);
  return result;
}

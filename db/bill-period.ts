import { toBillingError } from '../tools/errors.ts';
import { billAccount } from '../tools/invoice/bill-account.ts';
import { listAccountIds } from './account-store.ts';
import { getBillingSettings } from './billing-settings-store.ts';
import { hasPeriodInvoice, saveInvoice } from './invoice-store.ts';
import { loadBillingInput, newBillingCaches } from './load-billing-input.ts';
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
  const caches = newBillingCaches();
  // Accounts are written in groups of 200 per transaction (each one a savepoint, so one account's
  // failure rolls back only its own writes): fewer commits, same all-or-nothing per account.
  const group = store.sqlite.transaction((slice: string[], offset: number) => slice.forEach((accountId, j) => billOne(accountId, offset + j)));
  const billOne = (accountId: string, i: number) => {
    options.onProgress?.(i, ids.length);
    if (hasPeriodInvoice(store, accountId, options.period)) {
      result.alreadyPresent.push(accountId);
      return;
    }
    try {
      const input = loadBillingInput(store, accountId, options.period, options.timezone, settings, caches);
      const { doc, charge } = billAccount(input);
      const saved = saveInvoice(store, {
        accountId, doc, issueDate: options.issueDate ?? doc.period.to, paymentTermsDays: input.account.paymentTermsDays,
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
  };
  for (let i = 0; i < ids.length; i += 200) group(ids.slice(i, i + 200), i);
  options.onProgress?.(ids.length, ids.length);
  return result;
}

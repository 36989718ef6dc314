import { getBillingSettings, hasPeriodInvoice, listAccountIds, loadBillingInput, loadPlanPeerTotals, newBillingCaches, savePeriodInvoices, storageError, type Store } from '../../db/index.ts';
import { billingPeriod } from '../../tools/charging/index.ts';
import { toBillingError } from '../../tools/errors.ts';
import { billAccount, type BillAccountInput } from '../../tools/invoice/bill-account.ts';
import { flagInvoice } from '../../tools/invoice/flag-invoice.ts';
import { createPlanPeers, plansInPeriod, type PlanPeers } from '../../tools/invoice/measure-plan-usual.ts';

/** What a bill run did, account by account. */
export interface BillRunResult {
  period: string;
  created: Array<{ accountId: string; number: string | null; status: string; total: string; currency: string }>;
  alreadyPresent: string[];
  /** Accounts with nothing to bill in the period (no line was active, no usage): no invoice is made. */
  nothingToBill: string[];
  held: string[];
  failed: Array<{ accountId: string; code: string; message: string }>;
}

/** What a bill run reads once: the billing settings, the lookups it caches, the plan peers it compares first invoices with. */
export interface PreparedBillRun {
  settings: ReturnType<typeof getBillingSettings>;
  caches: ReturnType<typeof newBillingCaches>;
  peers: PlanPeers;
}

/**
 * Reads what a bill run of a period needs once. The plan peers start from the stored invoices of
 * recent periods, and each group the run computes is added as it goes, so even the first run of a
 * new operator has peers.
 */
export function prepareBillRun(store: Store, period: string, timezone: string): PreparedBillRun {
  const peers = createPlanPeers();
  for (const p of loadPlanPeerTotals(store, period, timezone)) peers.add(p.planId, p.currency, p.total);
  return { settings: getBillingSettings(store), caches: newBillingCaches(), peers };
}

/**
 * Bills every account (or the given ones) for a period. Idempotent: an account that already has
 * its invoice for the period is left alone, so running the bill again creates nothing and numbers
 * stay gapless. One account's failure is recorded and the run goes on.
 */
export function billPeriod(
  store: Store,
  options: {
    period: string;
    timezone: string;
    accountIds?: string[];
    issueDate?: string;
    shard?: { index: number; count: number };
    onProgress?: (done: number, total: number) => void;
    /** What a run reads once (settings, caches, plan peers): a caller billing in slices passes one, so each slice does not read it again. */
    prepared?: PreparedBillRun;
  },
): BillRunResult {
  const { settings, caches, peers } = options.prepared ?? prepareBillRun(store, options.period, options.timezone);
  const result: BillRunResult = { period: options.period, created: [], alreadyPresent: [], nothingToBill: [], held: [], failed: [] };
  const shard = options.shard ?? { index: 0, count: 1 };
  const ids = listAccountIds(store, options.accountIds).filter((_, i) => i % shard.count === shard.index);
  const fail = (accountId: string, err: unknown) => {
    // A database that cannot be written (or read) fails the run once, not once per account.
    const unusable = storageError(err, store.path);
    if (unusable) throw unusable;
    const e = toBillingError(err);
    result.failed.push({ accountId, code: e.code, message: e.message });
  };
  type Billed = { accountId: string; input: BillAccountInput; bill: ReturnType<typeof billAccount> };
  // Each group of accounts is computed first (reads only), then written in one short transaction
  // (savePeriodInvoices): few commits, and the write lock is held only while writing, so several
  // processes can bill shards of the same period side by side.
  const write = (billed: Billed[]) => {
    const outcomes = savePeriodInvoices(
      store,
      billed.map(({ accountId, input, bill }) => ({
        accountId,
        doc: bill.doc,
        issueDate: options.issueDate ?? bill.doc.period.to,
        paymentTermsDays: input.account.paymentTermsDays,
        ledger: bill.charge.ledger,
        carries: bill.charge.carriedOut,
      })),
    );
    for (const o of outcomes) {
      if ('error' in o) fail(o.accountId, o.error);
      else if (!o.saved) result.alreadyPresent.push(o.accountId);
      else {
        result.created.push({ accountId: o.accountId, number: o.saved.number, status: o.saved.status, total: o.saved.total, currency: o.saved.currency });
        if (o.saved.status === 'held') result.held.push(o.accountId);
      }
    }
  };
  for (let i = 0; i < ids.length; i += GROUP) {
    options.onProgress?.(i, ids.length);
    const billed: Billed[] = [];
    for (const accountId of ids.slice(i, i + GROUP)) {
      if (hasPeriodInvoice(store, accountId, options.period)) {
        result.alreadyPresent.push(accountId);
        continue;
      }
      try {
        const input = loadBillingInput(store, accountId, options.period, options.timezone, settings, caches);
        const bill = billAccount(input);
        // An empty invoice (every line ended before the period, no usage) is not one: EN 16931
        // requires at least one line, and a customer gains nothing from a bill for nothing.
        if (bill.doc.lines.length === 0) result.nothingToBill.push(accountId);
        else billed.push({ accountId, input, bill });
      } catch (err) {
        fail(accountId, err);
      }
    }
    flagAgainstPlans(billed, peers, options.timezone);
    write(billed);
  }
  options.onProgress?.(ids.length, ids.length);
  return result;
}

const GROUP = 200;

/**
 * Adds this group's single-line totals to the plan peers, then re-flags each account without
 * invoice history against what its plans usually cost (PLAN_BILL_SHOCK), leaving its own total out.
 */
function flagAgainstPlans(billed: Array<{ input: BillAccountInput; bill: ReturnType<typeof billAccount> }>, peers: PlanPeers, timezone: string): void {
  const plans = billed.map(({ input }) => {
    const bounds = billingPeriod(input.period, input.account.billingCycleDay, timezone);
    return plansInPeriod(input.subscriptions, bounds.from, bounds.to);
  });
  const single = (i: number) => billed[i]!.input.subscriptions.length === 1 && plans[i]!.length === 1;
  billed.forEach(({ bill }, i) => {
    if (single(i)) peers.add(plans[i]![0]!, bill.doc.currency, bill.doc.total);
  });
  billed.forEach((b, i) => {
    if (b.input.previousTotals.length > 0) return;
    const planUsual = peers.usual(plans[i]!, b.bill.doc.currency, single(i) ? b.bill.doc.total : null);
    if (planUsual === null) return;
    b.bill = { ...b.bill, doc: { ...b.bill.doc, holdReasons: flagInvoice(b.bill.doc, { ...b.bill.flagContext, planUsual }) } };
  });
}

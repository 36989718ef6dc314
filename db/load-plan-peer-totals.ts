import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Subscription } from '../tools/catalog/index.ts';
import { billingPeriod } from '../tools/charging/index.ts';
import { plansInPeriod } from '../tools/invoice/measure-plan-usual.ts';
import { addMonths } from '../tools/time/index.ts';
import { accounts, invoices, subscriptions } from './billing-schema.ts';
import type { Store } from './open-database.ts';

/** How many periods back (with the period itself) a plan's usual is taken from. */
const PEER_PERIODS = 3;

/**
 * The totals of issued (paid, overdue) invoices of single-line accounts in `period` and the two
 * before it, each with the plan its line was on: what a bill run compares a first invoice with.
 * One query for the whole run, whatever the number of accounts.
 */
export function loadPlanPeerTotals(store: Store, period: string, timezone: string): Array<{ planId: string; currency: string; total: string }> {
  const singleLine = store.db.select({ id: subscriptions.accountId }).from(subscriptions).groupBy(subscriptions.accountId).having(sql`count(*) = 1`);
  const rows = store.db
    .select({ period: invoices.period, total: invoices.total, currency: invoices.currency, cycleDay: accounts.billingCycleDay, subscriptionJson: subscriptions.subscriptionJson })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .innerJoin(subscriptions, eq(subscriptions.accountId, invoices.accountId))
    .where(
      and(
        eq(invoices.kind, 'invoice'),
        inArray(invoices.status, ['issued', 'paid', 'overdue']),
        gte(invoices.period, addMonths(period, 1 - PEER_PERIODS)),
        lte(invoices.period, period),
        inArray(invoices.accountId, singleLine),
      ),
    )
    .all();
  return rows.flatMap((r) => {
    const bounds = billingPeriod(r.period, r.cycleDay, timezone);
    const [planId] = plansInPeriod([JSON.parse(r.subscriptionJson) as Subscription], bounds.from, bounds.to);
    return planId === undefined ? [] : [{ planId, currency: r.currency, total: r.total }];
  });
}

import { and, asc, count, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import { accounts, customers, subscriptions } from './billing-schema.ts';
import type { TenantScope } from './scope.ts';

/** The scope's accounts in id order with their customer and how many lines each has (a customer's own only), optionally those whose id, customer id or customer name contains a text. */
export function listScopedAccounts(scope: TenantScope, filter: { customerId?: string; search?: string; after?: string; limit: number }) {
  const where: SQL[] = [eq(accounts.tenant, scope.tenant)];
  if (scope.accountId !== undefined) where.push(eq(accounts.id, scope.accountId));
  if (filter.customerId) where.push(eq(accounts.customerId, filter.customerId));
  if (filter.after) where.push(gt(accounts.id, filter.after));
  if (filter.search) {
    // Searched text is matched literally: LIKE's wildcards in it are escaped.
    const pattern = `%${filter.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const match = (col: typeof accounts.id | typeof customers.name | typeof accounts.customerId) => sql`${col} LIKE ${pattern} ESCAPE '\\'`;
    where.push(or(match(accounts.id), match(accounts.customerId), match(customers.name))!);
  }
  const rows = scope.store.db
    .select({
      id: accounts.id,
      customerId: accounts.customerId,
      customerName: customers.name,
      segment: customers.segment,
      currency: accounts.currency,
      billingCycleDay: accounts.billingCycleDay,
      lines: count(subscriptions.id),
    })
    .from(accounts)
    .innerJoin(customers, eq(customers.id, accounts.customerId))
    .leftJoin(subscriptions, eq(subscriptions.accountId, accounts.id))
    .where(and(...where))
    // Every selected column is grouped: PostgreSQL, unlike SQLite, rejects a bare column of another table.
    .groupBy(accounts.id, accounts.customerId, customers.name, customers.segment, accounts.currency, accounts.billingCycleDay)
    .orderBy(asc(accounts.id))
    .limit(filter.limit + 1)
    .all();
  return { accounts: rows.slice(0, filter.limit), more: rows.length > filter.limit };
}

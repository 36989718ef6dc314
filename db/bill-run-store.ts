import { and, asc, between, eq, inArray, type SQL } from 'drizzle-orm';
import { ID_SLICE } from './account-store.ts';
import { BillingError } from '../tools/errors.ts';
import type { InvoiceStatus } from '../tools/invoice/invoice.types.ts';
import { accounts, invoices } from './billing-schema.ts';
import type { TenantScope } from './scope.ts';

/** The scope's account ids to bill, sorted (all of them, or the given ones; another tenant's is NOT_FOUND, exactly like a missing one). */
export function tenantAccountIds(scope: TenantScope, only?: string[] | { first: string; last: string }): string[] {
  const where = [eq(accounts.tenant, scope.tenant)];
  if (scope.accountId !== undefined) where.push(eq(accounts.id, scope.accountId));
  if (only && !Array.isArray(only)) where.push(between(accounts.id, only.first, only.last));
  const select = (extra: SQL[]) =>
    scope.store.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(...where, ...extra))
      .orderBy(asc(accounts.id))
      .all()
      .map((r) => r.id);
  if (!Array.isArray(only) || only.length === 0) return select([]);
  // In slices: SQLite takes at most 32,766 bound values in one statement, and a tenant may have more accounts.
  const found: string[] = [];
  for (let i = 0; i < only.length; i += ID_SLICE) found.push(...select([inArray(accounts.id, only.slice(i, i + ID_SLICE))]));
  found.sort();
  const have = new Set(found);
  const missing = only.filter((id) => !have.has(id));
  if (missing.length) throw new BillingError('NOT_FOUND', `no account ${missing.join(', ')}`);
  return found;
}

/** A billing month as its bill runs left it: how many invoices, by status, in which currencies. */
export interface BillRunSummary {
  period: string;
  invoices: number;
  byStatus: Partial<Record<InvoiceStatus, number>>;
  currencies: string[];
}

/**
 * The scope's bill runs, oldest period first. Runs are not stored as such (a run is idempotent
 * and may be repeated or sharded): a period's run is what its invoices say.
 */
export function tenantBillRuns(scope: TenantScope): BillRunSummary[] {
  const where = [eq(accounts.tenant, scope.tenant), eq(invoices.kind, 'invoice')];
  if (scope.accountId !== undefined) where.push(eq(invoices.accountId, scope.accountId));
  const rows = scope.store.db
    .select({ period: invoices.period, status: invoices.status, currency: invoices.currency })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(and(...where))
    .orderBy(asc(invoices.period))
    .all();
  const runs = new Map<string, BillRunSummary>();
  for (const r of rows) {
    const run = runs.get(r.period) ?? { period: r.period, invoices: 0, byStatus: {}, currencies: [] };
    run.invoices++;
    run.byStatus[r.status] = (run.byStatus[r.status] ?? 0) + 1;
    if (!run.currencies.includes(r.currency)) run.currencies.push(r.currency);
    runs.set(r.period, run);
  }
  return [...runs.values()];
}

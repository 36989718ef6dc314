import { and, eq, inArray } from 'drizzle-orm';
import { rankDunningCandidates, type DunningCandidate } from '../../tools/collections/index.ts';
import { accounts, invoices } from '../../db/billing-schema.ts';
import type { Store } from '../../db/open-database.ts';
import { accountCollections } from './propose-collections.ts';

/**
 * The tenant's accounts whose next dunning step is due on a date: every account with an open
 * invoice, its dunning plan computed as for one account, ranked (longest past due first).
 */
export function tenantDunningCandidates(store: Store, tenant: string, asOf: string): { asOf: string; accountsWithOpenInvoices: number; candidates: DunningCandidate[] } {
  const ids = store.db
    .selectDistinct({ id: invoices.accountId })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(and(eq(accounts.tenant, tenant), eq(invoices.kind, 'invoice'), inArray(invoices.status, ['issued', 'overdue'])))
    .all()
    .map((r) => r.id);
  const plans = ids.map((id) => ({ accountId: id, dunning: accountCollections(store, tenant, id, asOf).dunning }));
  return { asOf, accountsWithOpenInvoices: ids.length, candidates: rankDunningCandidates(plans) };
}

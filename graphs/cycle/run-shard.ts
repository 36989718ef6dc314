import { billPeriod, type BillRunResult } from '../../app/billing/index.ts';
import { getOperatorSettings, tenantAccountIds, tenantScope, type Store } from '../../db/index.ts';

/**
 * Bills one shard of a cycle: the given accounts of the tenant (others are ignored) for the
 * period. Idempotent like every bill run (an account with its invoice is left alone), so the
 * worker may run it as a child job and retry it.
 */
export function runShard(store: Store, shard: { tenant: string; period: string; accountIds: string[]; issueDate?: string }): BillRunResult {
  const ids = tenantAccountIds(tenantScope(store, shard.tenant), shard.accountIds);
  if (ids.length === 0) return { period: shard.period, created: [], alreadyPresent: [], held: [], failed: [] };
  return billPeriod(store, { period: shard.period, timezone: getOperatorSettings(store).timezone, accountIds: ids, issueDate: shard.issueDate });
}

import { ownsIngestion, type TenantScope } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';

/**
 * Refuses a writer of another tenant: what this database ingests and rates is stamped with its
 * operator's tenant (settings), so only that tenant's staff may feed or rate it.
 */
export function assertOwnsIngestion(scope: TenantScope): void {
  if (!ownsIngestion(scope)) throw new BillingError('FORBIDDEN', `usage of this database is ingested and rated by its operator's staff; tenant ${scope.tenant} may not`);
}

import { and, desc, eq } from 'drizzle-orm';
import { lineBars } from './fraud-schema.ts';
import type { Store } from './open-database.ts';

/** Records a line as barred by an approved proposal; a second call for the same proposal changes nothing. Returns the posting's reference. */
export function barLine(store: Store, tenant: string, bar: { subscriber: string; alertId: number; proposalId: number; at: Date }): string {
  store.db.insert(lineBars).values({ tenant, subscriber: bar.subscriber, alertId: bar.alertId, proposalId: bar.proposalId, barredAt: bar.at.toISOString() }).onConflictDoNothing().run();
  return `line ${bar.subscriber} barred (alert ${bar.alertId})`;
}

/** The bars recorded on a line (or all the tenant's), newest first. */
export function listLineBars(store: Store, tenant: string, subscriber?: string): Array<typeof lineBars.$inferSelect> {
  return store.db
    .select()
    .from(lineBars)
    .where(subscriber ? and(eq(lineBars.tenant, tenant), eq(lineBars.subscriber, subscriber)) : eq(lineBars.tenant, tenant))
    .orderBy(desc(lineBars.id))
    .all();
}

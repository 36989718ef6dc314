import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { toFraudEvent, type FraudEvent } from '../tools/fraud/index.ts';
import type { Store } from './open-database.ts';
import { usageEvents } from './schema.ts';

/** The tenant's usage events that started in [from, until), as the detectors see them (the scheduled pass). */
export function recentFraudEvents(store: Store, tenant: string, from: number, until: number): FraudEvent[] {
  return store.db
    .select({
      idemKey: usageEvents.idemKey,
      service: usageEvents.service,
      direction: usageEvents.direction,
      subscriber: usageEvents.subscriber,
      otherParty: usageEvents.otherParty,
      startTime: usageEvents.startTime,
      answerTime: usageEvents.answerTime,
      endTime: usageEvents.endTime,
      usage: usageEvents.usage,
      disposition: usageEvents.disposition,
      category: usageEvents.category,
      destination: usageEvents.destination,
      destinationCountry: usageEvents.destinationCountry,
      roaming: usageEvents.roaming,
      status: usageEvents.status,
      cost: usageEvents.cost,
    })
    .from(usageEvents)
    .where(and(eq(usageEvents.tenant, tenant), gte(usageEvents.startTime, from), lt(usageEvents.startTime, until)))
    .orderBy(asc(usageEvents.id))
    .all()
    .map((r) => toFraudEvent(r.idemKey, r, r, r.status === 'rated' && r.cost !== null ? { status: 'rated', cost: r.cost } : null));
}

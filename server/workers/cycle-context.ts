import { createContext, type Actor, type Clock, type Logger, type OperationContext } from '../../app/index.ts';
import type { Store } from '../../db/index.ts';

/** The actor of scheduled work: no person, the tenant's own cycle, allowed to ingest, rate and bill. */
export function cycleActor(tenant: string): Actor {
  return { id: 'scheduled-cycle', kind: 'cycle', tenant, roles: ['analyst', 'admin'] };
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(timezone: string, at: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The billing month before the one an instant falls in, in a time zone: what a tick on the billing day bills. */
export function previousMonthIn(timezone: string, at: Date): string {
  const [y, m] = dayIn(timezone, at).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** A clock whose `today` is the tenant's calendar day (due dates and ageing are the operator's days). */
export function tenantClock(timezone: string): Clock {
  return { now: () => new Date(), today: () => dayIn(timezone, new Date()) };
}

/** The context scheduled jobs run operations in: the cycle actor of the tenant, on the tenant's calendar. */
export function cycleContext(store: Store, tenant: string, timezone: string, logger?: Logger): OperationContext {
  return createContext({ store, actor: cycleActor(tenant), clock: tenantClock(timezone), ...(logger ? { logger } : {}) });
}

import { Hono, type Hono as HonoApp } from 'hono';
import { every } from 'hono/combine';
import { BillingError } from '../../../tools/errors.ts';
import { requireCsrf } from '../csrf.ts';
import type { WebEnv } from '../web-env.ts';
import { mountPortalHelp } from './help-chat.tsx';
import { mountPortalHome } from './home.tsx';
import { mountPortalInvoices } from './invoices.tsx';
import { mountPortalEntry, type PortalEntryDeps } from './portal-entry.tsx';
import type { PortalEnv } from './portal-env.ts';
import { portalSession } from './portal-session.ts';
import { mountPortalPlans } from './plans.tsx';
import { mountPortalPayments } from './payments.tsx';
import { mountPortalUsage } from './usage.tsx';

/**
 * The customer portal (/portal) as its own sub-app: its ways in (a signed link, a customer's token)
 * and its pages, each guarded by the portal session (cookie sb_portal, path /portal) with CSRF on
 * every state change. Every page acts as the customer, so each operation sees one account only.
 */
export function mountPortal(web: HonoApp<WebEnv>, deps: PortalEntryDeps): void {
  const portal = new Hono<PortalEnv>();
  mountPortalEntry(portal, deps);
  const guard = every(portalSession(deps), requireCsrf() as never);
  mountPortalHome(portal, guard);
  mountPortalUsage(portal, guard);
  mountPortalInvoices(portal, guard);
  mountPortalPayments(portal, guard);
  mountPortalPlans(portal, guard);
  mountPortalHelp(portal, guard);
  // Any other portal address is a page that says so (the API's notFound answers JSON).
  portal.get('*', () => {
    throw new BillingError('NOT_FOUND', 'there is no such page in your account');
  });
  web.route('/portal', portal as never);
}

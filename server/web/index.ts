import type { Context, Hono } from 'hono';
import { every } from 'hono/combine';
import type { RateLimiter } from '../rate-limit.ts';
import { mountAssets } from './assets.ts';
import { mountInvoice } from './console/invoice.tsx';
import { mountInvoiceLine } from './console/invoice-line.tsx';
import { mountInvoices } from './console/invoices.tsx';
import { mountApprovals } from './console/approvals.tsx';
import { mountChat } from './console/chat.tsx';
import { mountOverview } from './console/overview.tsx';
import { mountQuarantine } from './console/quarantine.tsx';
import { mountAccounts } from './console/accounts.tsx';
import { mountAccountPortalLinks } from './console/account-portal-links.tsx';
import { mountCycles } from './console/cycles.tsx';
import { mountNotifications } from './console/notifications.tsx';
import { mountPricing } from './console/pricing.tsx';
import { mountAlerts } from './console/alerts.tsx';
import { mountCashflow } from './console/cashflow.tsx';
import { mountAssurance } from './console/assurance.tsx';
import { mountCollections } from './console/collections.tsx';
import { mountPayments } from './console/payments.tsx';
import { mountUsage } from './console/usage.tsx';
import { mountPortal } from './portal/index.ts';
import { requireCsrf } from './csrf.ts';
import { consoleSession, type WebDeps } from './session.ts';
import { mountSignIn } from './sign-in.tsx';
import type { WebEnv } from './web-env.ts';

export { errorPage } from './render.tsx';

/**
 * The analyst console (/) and the customer portal (/portal) on the API's server: server-rendered
 * pages over the same operations, signed in with a session cookie. Each console page is guarded
 * one by one (the guard is never a catch-all, so /api and the probes keep their own rules).
 */
export function mountWeb(web: Hono<WebEnv>, deps: WebDeps & { failures: RateLimiter; chatPosts?: RateLimiter; clientAddress: (c: Context) => string }): void {
  mountAssets(web);
  mountSignIn(web, deps);
  const guard = every(consoleSession(deps), requireCsrf());
  mountOverview(web, guard);
  mountInvoices(web, guard);
  mountInvoice(web, guard);
  mountInvoiceLine(web, guard);
  mountQuarantine(web, guard);
  mountChat(web, guard, deps.chatPosts ? { chatPosts: deps.chatPosts } : {});
  mountApprovals(web, guard);
  mountUsage(web, guard);
  mountAccounts(web, guard);
  mountAccountPortalLinks(web, guard);
  mountCycles(web, guard);
  mountNotifications(web, guard);
  mountPricing(web, guard);
  mountAlerts(web, guard);
  mountCashflow(web, guard);
  mountAssurance(web, guard);
  mountCollections(web, guard);
  mountPayments(web, guard);
  mountPortal(web, deps);
}

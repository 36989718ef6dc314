import type { Context, Hono } from 'hono';
import { every } from 'hono/combine';
import type { RateLimiter } from '../rate-limit.ts';
import { mountAssets } from './assets.ts';
import { mountOverview } from './console/overview.tsx';
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
export function mountWeb(web: Hono<WebEnv>, deps: WebDeps & { failures: RateLimiter; clientAddress: (c: Context) => string }): void {
  mountAssets(web);
  mountSignIn(web, deps);
  const guard = every(consoleSession(deps), requireCsrf());
  mountOverview(web, guard);
  mountPortal(web, deps);
}

import type { Context } from 'hono';
import type { PageSession } from './layout.tsx';
import type { WebEnv } from './web-env.ts';

/** What a page's header needs from the request's session. */
export function pageSession(c: Context<WebEnv>): PageSession {
  return { displayName: c.get('displayName'), csrfToken: c.get('session').csrfToken };
}

import type { Context, Hono } from 'hono';
import { revokeWebSession, userForToken } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import type { RateLimiter } from '../rate-limit.ts';
import { Notice } from './components.tsx';
import { checkOrigin } from './csrf.ts';
import { Document } from './layout.tsx';
import { sendPage } from './render.tsx';
import { CONSOLE_COOKIE, PORTAL_COOKIE, clearSessionCookie, readSession, startUserSession, type WebDeps } from './session.ts';
import type { WebEnv } from './web-env.ts';

/** Only a path on this site is a place to go back to after signing in (never another site). */
export function safeNext(next: string | undefined, fallback: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}

/** The sign-in form: a user's API token, and where to go after. */
export function SignInForm(props: { action: string; next: string; error?: string; title: string; hint: string }) {
  return (
    <Document title={props.title}>
      <main id="main" class="narrow sign-in">
        <h1>{props.title}</h1>
        {props.error ? <Notice tone="error">{props.error}</Notice> : null}
        <form method="post" action={props.action}>
          <input type="hidden" name="next" value={props.next} />
          <div class="field">
            <label for="token">API token</label>
            <input id="token" name="token" type="password" autocomplete="off" required />
          </div>
          <p class="hint">{props.hint}</p>
          <button type="submit">Sign in</button>
        </form>
      </main>
    </Document>
  );
}

/** Reads the sign-in form: the token and where to go next. */
async function readForm(c: Context): Promise<{ token: string; next: string | undefined }> {
  const form = await c.req.parseBody();
  return { token: typeof form.token === 'string' ? form.token.trim() : '', next: typeof form.next === 'string' ? form.next : undefined };
}

/**
 * Sign-in and sign-out of the console: a user's API token opens a session (HttpOnly,
 * SameSite=Strict cookie); a customer's token opens the portal instead. Failed tokens count
 * against the address like the API's.
 */
export function mountSignIn(web: Hono<WebEnv>, deps: WebDeps & { failures: RateLimiter; clientAddress: (c: Context) => string }): void {
  const hint = 'Make one with `switchboard users token create <user>`; `npm start` prints the demo users’ tokens.';
  web.get('/sign-in', (c) => sendPage(c, <SignInForm action="/sign-in" next={safeNext(c.req.query('next'), '/')} title="Sign in to Switchboard" hint={hint} />));
  web.post('/sign-in', async (c) => {
    checkOrigin(c);
    const address = deps.clientAddress(c);
    if (deps.failures.blocked(address)) throw new BillingError('RATE_LIMITED', `too many failed sign-ins from this address; retry in ${deps.failures.retryAfter(address)} s`);
    const { token, next } = await readForm(c);
    const user = token ? userForToken(deps.store, token, deps.clock.now()) : null;
    if (!user) {
      if (token) deps.failures.hit(address);
      return sendPage(c, <SignInForm action="/sign-in" next={safeNext(next, '/')} title="Sign in to Switchboard" hint={hint} error="That token is unknown or revoked." />, 401);
    }
    if (user.roles.every((r) => r === 'customer')) {
      startUserSession(c, deps, user, PORTAL_COOKIE);
      return c.redirect('/portal', 303);
    }
    startUserSession(c, deps, user, CONSOLE_COOKIE);
    return c.redirect(safeNext(next, '/'), 303);
  });
  web.post('/sign-out', async (c) => {
    checkOrigin(c);
    const session = readSession(c, deps, CONSOLE_COOKIE);
    const form = await c.req.parseBody();
    // Signing out needs the session's own token too: another page cannot sign a person out.
    if (session && form._csrf === session.csrfToken) revokeWebSession(deps.store, session.id, deps.clock.now());
    else if (session) throw new BillingError('FORBIDDEN', 'the form is out of date (CSRF token missing or wrong); reload the page and try again');
    clearSessionCookie(c, CONSOLE_COOKIE);
    return c.redirect('/sign-in', 303);
  });
}

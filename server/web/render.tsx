import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Logger } from '../../app/index.ts';
import { httpStatusFor, toBillingError } from '../../tools/errors.ts';
import { errorReply } from '../error-reply.ts';
import { Notice } from './components.tsx';
import { Document } from './layout.tsx';

/** The page's policy: everything from this origin only, no inline script or style, frames only of our own PDFs. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/** Sends a page as HTML with the page policy. */
export function sendPage(c: Context, page: Child, status = 200): Response {
  c.header('content-security-policy', PAGE_CSP);
  c.header('cache-control', 'no-store');
  return c.html(`<!doctype html>${String(page)}`, status as 200);
}

/** True when a script, not a person, is asking (it gets the API's JSON error). */
function wantsJson(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('application/json') || c.req.header('x-csrf-token') !== undefined;
}

/**
 * Turns anything thrown by a page into a page that says, in plain words, what went wrong (the
 * error's own message; an internal error only its request id, the cause goes to the log).
 */
export function errorPage(c: Context, err: unknown, logger: Logger): Response {
  if (wantsJson(c)) return errorReply(c, err, logger);
  const e = toBillingError(err);
  const status = httpStatusFor(e);
  const requestId = (c.get('requestId' as never) as string | undefined) ?? 'unknown';
  if (status >= 500) logger.error({ requestId, code: e.code, err: e.cause ?? e, route: c.req.routePath }, 'page failed');
  const message = e.code === 'INTERNAL' ? `Something went wrong on our side; it is logged with request id ${requestId}.` : e.message;
  const back = c.req.path.startsWith('/portal') ? '/portal' : '/';
  return sendPage(
    c,
    <Document title="Not possible">
      <main id="main" class="narrow">
        <h1>{status === 404 ? 'Not found' : status === 403 || status === 401 ? 'Not allowed' : 'That did not work'}</h1>
        <Notice tone="error">{message}</Notice>
        <p>
          <a href={back}>Back to the start</a>
        </p>
      </main>
    </Document>,
    status,
  );
}

import type { Context } from 'hono';
import { BillingError, httpStatusFor, toBillingError } from '../tools/errors.ts';
import type { Logger } from '../app/index.ts';

/** The body of every error reply: `{"error": {"code", "message", "requestId"}}`. */
export interface ErrorBody {
  error: { code: string; message: string; requestId: string };
}

/**
 * Turns anything thrown into the one error reply. A user error says what it is; an internal one
 * says only that it happened and its request id (the cause, with stack and SQL, goes to the log).
 */
export function errorReply(c: Context, err: unknown, logger: Logger): Response {
  const requestId = (c.get('requestId' as never) as string | undefined) ?? 'unknown';
  const e = toBillingError(err);
  const status = httpStatusFor(e);
  if (status >= 500) {
    logger.error({ requestId, code: e.code, err: e.cause ?? e, route: c.req.routePath, method: c.req.method }, 'request failed');
    const message = e.code === 'INTERNAL' ? `internal error; it is logged with request id ${requestId}` : e.message;
    return c.json({ error: { code: e.code, message, requestId } } satisfies ErrorBody, status as 500);
  }
  return c.json({ error: { code: e.code, message: e.message, requestId } } satisfies ErrorBody, status as 400);
}

/** A BillingError from a status the framework produced itself (no route, wrong method, body too large). */
export function frameworkError(status: number, message: string): BillingError {
  return new BillingError(status === 404 ? 'NOT_FOUND' : status === 401 ? 'UNAUTHORIZED' : 'INVALID_INPUT', message);
}

import { createHash } from 'node:crypto';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, type Store } from '../db/index.ts';
import { BillingError } from '../tools/errors.ts';
import type { RouteRequest } from './define-route.ts';

/** Keys are what a client makes up: printable, and short enough to index. */
const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Runs a creating request under its Idempotency-Key: the key is claimed before the operation runs
 * (so a concurrent retry never runs it twice), the response is kept, and a retry with the same
 * key and the same request gets that response back, status and body, without running anything.
 * A request that fails lets its key go, so it can be retried. The request compared is what the
 * route validated (path, query, JSON body); a streamed body is not part of it.
 */
export async function withIdempotencyKey(store: Store, req: { userId: string; key: string; route: string; request: RouteRequest }, run: () => Promise<Response>): Promise<Response> {
  if (!KEY.test(req.key)) throw new BillingError('INVALID_INPUT', 'Idempotency-Key: 1 to 200 printable characters, no spaces');
  const requestHash = createHash('sha256')
    .update(JSON.stringify([req.request.params, req.request.query, req.request.body ?? null]))
    .digest('hex');
  const claim = claimIdempotencyKey(store, { userId: req.userId, key: req.key, route: req.route, requestHash });
  if (claim.kind === 'replay') {
    const { status, body, contentType } = claim.response;
    return new Response(body, { status, headers: { 'content-type': contentType, 'idempotent-replayed': 'true' } });
  }
  let res: Response;
  try {
    res = await run();
  } catch (err) {
    releaseIdempotencyKey(store, claim.id);
    throw err;
  }
  const contentType = res.headers.get('content-type') ?? 'application/octet-stream';
  const keep = (body: string) => completeIdempotencyKey(store, claim.id, { status: res.status, body, contentType });
  // A stream (server-sent events) goes to the client as it is made: its copy is kept once it has ended.
  if (contentType.startsWith('text/event-stream')) {
    res
      .clone()
      .text()
      .then(keep, () => releaseIdempotencyKey(store, claim.id));
    return res;
  }
  keep(await res.clone().text());
  return res;
}

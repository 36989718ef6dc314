import { z } from 'zod';
import { createPortalLink, listPortalLinks, revokePortalLink, showCurrentPeriod } from '../../app/portal/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** Customer portal links (staff make, list and revoke them) and an account's current period so far (customers read their own). */
export const portalRoutes: RouteSpec[] = [
  // Not idempotent on purpose: a kept response would store the signed token, which is shown once.
  defineRoute({ op: createPortalLink, method: 'post', path: '/portal-links', tags: ['portal'], status: 201 }),
  defineRoute({ op: listPortalLinks, method: 'get', path: '/portal-links', tags: ['portal'], query: listPortalLinks.input }),
  defineRoute({
    op: revokePortalLink,
    method: 'post',
    path: '/portal-links/{linkId}/revoke',
    tags: ['portal'],
    params: z.object({ linkId: z.string().regex(/^\d{1,12}$/, 'a portal link id (digits)') }),
    body: false,
    toInput: ({ params }) => ({ linkId: Number(params.linkId) }),
  }),
  defineRoute({
    op: showCurrentPeriod,
    method: 'get',
    path: '/accounts/{accountId}/current-period',
    tags: ['portal'],
    params: z.object({ accountId: accountIdSchema }),
    toInput: ({ params }) => ({ accountId: params.accountId }),
  }),
] as RouteSpec[];

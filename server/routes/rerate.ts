import { z } from 'zod';
import { previewAccountRerate, proposeAccountRerate, proposeEventRecategorisation } from '../../app/rerate/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const accountParams = z.object({ accountId: accountIdSchema });

/** Re-rating: what it would do (rolled back), and proposals to do it; an event's recategorisation. */
export const rerateRoutes: RouteSpec[] = [
  defineRoute({
    op: previewAccountRerate,
    method: 'get',
    path: '/accounts/{accountId}/rerate-preview',
    tags: ['rerate'],
    params: accountParams,
    query: previewAccountRerate.input.omit({ accountId: true }),
  }),
  defineRoute({
    op: proposeAccountRerate,
    method: 'post',
    path: '/accounts/{accountId}/rerate-proposals',
    tags: ['rerate', 'proposals'],
    params: accountParams,
    body: z.object({ period: proposeAccountRerate.input.shape.period.unwrap(), reason: proposeAccountRerate.input.shape.reason }).strict(),
    status: 201,
    idempotent: true,
  }),
  defineRoute({
    op: proposeEventRecategorisation,
    method: 'post',
    path: '/usage-events/{eventId}/recategorisation-proposals',
    tags: ['usage', 'proposals'],
    params: z.object({ eventId: z.string().regex(/^[1-9]\d{0,14}$/, 'an event id') }),
    body: proposeEventRecategorisation.input.omit({ eventId: true }),
    toInput: ({ params, body }) => ({ ...(body as object), eventId: Number(params.eventId) }),
    status: 201,
    idempotent: true,
  }),
] as RouteSpec[];

import { z } from 'zod';
import { listUsageEvents, showUsageEvent, summarizeUsage } from '../../app/usage/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** Usage events: filtered and paged by cursor, one with its rating breakdown, and the figures of a month by category and day. */
export const usageRoutes: RouteSpec[] = [
  defineRoute({ op: listUsageEvents, method: 'get', path: '/usage-events', tags: ['usage'], query: listUsageEvents.input }),
  defineRoute({
    op: showUsageEvent,
    method: 'get',
    path: '/usage-events/{eventId}',
    tags: ['usage'],
    params: z.object({ eventId: z.string().regex(/^\d{1,15}$/, 'a usage event id') }),
    toInput: ({ params: p }) => ({ eventId: Number(p.eventId) }),
  }),
  defineRoute({ op: summarizeUsage, method: 'get', path: '/usage/summary', tags: ['usage'], query: summarizeUsage.input }),
] as RouteSpec[];

import { z } from 'zod';
import { showForecast } from '../../app/forecast/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** An account's forecast to the period end (customers read their own). */
export const forecastRoutes: RouteSpec[] = [
  defineRoute({
    op: showForecast,
    method: 'get',
    path: '/accounts/{accountId}/forecast',
    tags: ['forecast'],
    params: z.object({ accountId: accountIdSchema }),
    toInput: ({ params }) => ({ accountId: params.accountId }),
  }),
] as RouteSpec[];

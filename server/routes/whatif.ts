import { z } from 'zod';
import { showWhatIf, whatIfRequestSchema } from '../../app/whatif/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** What-if: an account's month priced on other plans. */
export const whatIfRoutes: RouteSpec[] = [
  defineRoute({
    op: showWhatIf,
    method: 'get',
    path: '/accounts/{accountId}/what-if',
    tags: ['whatif'],
    params: z.object({ accountId: accountIdSchema }),
    query: whatIfRequestSchema.pick({ period: true, planId: true }),
  }),
] as RouteSpec[];

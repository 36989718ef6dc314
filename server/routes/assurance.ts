import { z } from 'zod';
import { reportAssurance } from '../../app/assurance/index.ts';
import { billingMonthSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** Revenue assurance (docs/assurance.md): the reconciliation of a billing month, from the switch to the bank. */
export const assuranceRoutes: RouteSpec[] = [
  defineRoute({
    op: reportAssurance,
    method: 'get',
    path: '/assurance/{period}',
    tags: ['assurance'],
    params: z.object({ period: billingMonthSchema }),
    query: reportAssurance.input.omit({ period: true }),
    toInput: ({ params, query }) => ({ period: params.period, ...query }),
  }),
] as RouteSpec[];

import { z } from 'zod';
import { cycleRunRequestSchema, listCycles, runBillingCycle, showCycle } from '../../app/cycles/index.ts';
import { billingMonthSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** Billing cycles: run one for a period (foreground, in process), list them, show one with its report. */
export const cycleRoutes: RouteSpec[] = [
  defineRoute({ op: runBillingCycle, method: 'post', path: '/cycles', tags: ['cycles'], body: cycleRunRequestSchema, status: 201, idempotent: true }),
  defineRoute({ op: listCycles, method: 'get', path: '/cycles', tags: ['cycles'], query: listCycles.input }),
  defineRoute({ op: showCycle, method: 'get', path: '/cycles/{period}', tags: ['cycles'], params: z.object({ period: billingMonthSchema }), toInput: ({ params }) => ({ period: params.period }) }),
] as RouteSpec[];

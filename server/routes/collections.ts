import { z } from 'zod';
import { listDunningCandidates, proposeAccountDunningStep, proposeAccountPaymentPlan } from '../../app/proposals/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const accountParams = z.object({ accountId: accountIdSchema });

/** Collections: who is due a dunning step, and proposals for payment plans and dunning steps. */
export const collectionsRoutes: RouteSpec[] = [
  defineRoute({ op: listDunningCandidates, method: 'get', path: '/dunning-candidates', tags: ['collections'], query: listDunningCandidates.input }),
  defineRoute({
    op: proposeAccountPaymentPlan,
    method: 'post',
    path: '/accounts/{accountId}/payment-plan-proposals',
    tags: ['collections', 'proposals'],
    params: accountParams,
    body: proposeAccountPaymentPlan.input.omit({ accountId: true }),
    status: 201,
    idempotent: true,
  }),
  defineRoute({
    op: proposeAccountDunningStep,
    method: 'post',
    path: '/accounts/{accountId}/dunning-proposals',
    tags: ['collections', 'proposals'],
    params: accountParams,
    body: proposeAccountDunningStep.input.omit({ accountId: true }),
    status: 201,
    idempotent: true,
  }),
] as RouteSpec[];

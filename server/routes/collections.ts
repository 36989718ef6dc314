import { z } from 'zod';
import { listPaymentPromises, recordPaymentPromise, runCollectionsOp, showAccountCollections } from '../../app/collections/index.ts';
import { listDunningCandidates, proposeAccountDunningStep, proposeAccountPaymentPlan } from '../../app/proposals/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const accountParams = z.object({ accountId: accountIdSchema });

/** Collections: who is due a dunning step, proposals for payment plans and dunning steps, the daily run, an account's risk and ladder, promises to pay (docs/collections.md). */
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
  defineRoute({ op: runCollectionsOp, method: 'post', path: '/collections/run', tags: ['collections'], body: runCollectionsOp.input }),
  defineRoute({ op: listPaymentPromises, method: 'get', path: '/collections/promises', tags: ['collections'], query: listPaymentPromises.input }),
  defineRoute({ op: recordPaymentPromise, method: 'post', path: '/collections/promises', tags: ['collections'], body: recordPaymentPromise.input, status: 201, idempotent: true }),
  defineRoute({ op: showAccountCollections, method: 'get', path: '/accounts/{accountId}/collections', tags: ['collections'], params: accountParams }),
] as RouteSpec[];

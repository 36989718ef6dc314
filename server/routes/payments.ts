import { z } from 'zod';
import { findPayments, importPaymentFile, listPayments, listUnmatchedPayments, matchPayment, proposePaymentMatchOp, proposeWriteOffOp, showPayment } from '../../app/payments/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const paymentParams = z.object({ paymentId: z.string().regex(/^\d{1,12}$/, 'a payment id (digits)') });

/** Payments in (docs/payments.md): import a statement or processor file, list, the unmatched ones, one payment, a person's match. */
export const paymentRoutes: RouteSpec[] = [
  defineRoute({ op: importPaymentFile, method: 'post', path: '/payments/imports', tags: ['payments'], body: importPaymentFile.input }),
  defineRoute({ op: listPayments, method: 'get', path: '/payments', tags: ['payments'], query: listPayments.input }),
  defineRoute({ op: findPayments, method: 'get', path: '/payments/search', tags: ['payments'], query: findPayments.input }),
  defineRoute({ op: listUnmatchedPayments, method: 'get', path: '/payments/unmatched', tags: ['payments'], query: listUnmatchedPayments.input }),
  defineRoute({ op: showPayment, method: 'get', path: '/payments/{paymentId}', tags: ['payments'], params: paymentParams, toInput: ({ params }) => ({ id: Number(params.paymentId) }) }),
  defineRoute({
    op: matchPayment,
    method: 'post',
    path: '/payments/{paymentId}/match',
    tags: ['payments'],
    params: paymentParams,
    body: matchPayment.input.omit({ id: true }),
    toInput: ({ params, body }) => ({ ...(body as object), id: Number(params.paymentId) }),
  }),
  defineRoute({ op: proposePaymentMatchOp, method: 'post', path: '/payments/match-proposals', tags: ['payments'], body: proposePaymentMatchOp.input }),
  defineRoute({ op: proposeWriteOffOp, method: 'post', path: '/payments/write-off-proposals', tags: ['payments'], body: proposeWriteOffOp.input }),
] as RouteSpec[];

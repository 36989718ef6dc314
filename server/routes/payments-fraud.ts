import { z } from 'zod';
import { proposeAccountRefund, scanPaymentFraudOp } from '../../app/payments-fraud/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const accountParams = z.object({ accountId: accountIdSchema });

/** Payment fraud and refunds (docs/payment-fraud.md): a refund proposal of an account's credit, a payment-fraud scan. */
export const paymentFraudRoutes: RouteSpec[] = [
  defineRoute({
    op: proposeAccountRefund,
    method: 'post',
    path: '/accounts/{accountId}/refund-proposals',
    tags: ['payments', 'proposals'],
    params: accountParams,
    body: proposeAccountRefund.input.omit({ accountId: true }),
    status: 201,
    idempotent: true,
  }),
  defineRoute({ op: scanPaymentFraudOp, method: 'post', path: '/payments/fraud-scan', tags: ['payments', 'alerts'], body: scanPaymentFraudOp.input }),
] as RouteSpec[];

import { billingTotals } from '../../app/billing/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** What billing months billed. */
export const billingRoutes: RouteSpec[] = [defineRoute({ op: billingTotals, method: 'get', path: '/billing-totals', tags: ['billing'], query: billingTotals.input })] as RouteSpec[];

import { reportAssurance } from '../../app/assurance/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** Revenue assurance (docs/assurance.md): the reconciliation of a billing month, from the switch to the bank. */
export const assuranceRoutes: RouteSpec[] = [
  defineRoute({
    op: reportAssurance,
    method: 'get',
    // The month is a query field, not a path id: another tenant asking for it gets its own (empty) report, not a 404.
    path: '/assurance',
    tags: ['assurance'],
    query: reportAssurance.input,
  }),
] as RouteSpec[];

import { listAudit, verifyAudit } from '../../app/audit/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** The tenant's audit log and its verification. */
export const auditRoutes: RouteSpec[] = [
  defineRoute({ op: listAudit, method: 'get', path: '/audit', tags: ['audit'], query: listAudit.input }),
  defineRoute({ op: verifyAudit, method: 'get', path: '/audit/verify', tags: ['audit'] }),
] as RouteSpec[];

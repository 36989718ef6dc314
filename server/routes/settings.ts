import { setSetting, showSettings } from '../../app/settings/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** The operator settings and the approval policy (changed by admins). */
export const settingsRoutes: RouteSpec[] = [
  defineRoute({ op: showSettings, method: 'get', path: '/settings', tags: ['settings'] }),
  defineRoute({ op: setSetting, method: 'patch', path: '/settings', tags: ['settings'] }),
] as RouteSpec[];

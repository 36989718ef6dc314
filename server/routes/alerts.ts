import { z } from 'zod';
import { confirmAlert, dismissAlert, listAlerts, scanAlerts, setAlertThresholds, showAlert, showAlertThresholds } from '../../app/alerts/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const alertParams = z.object({ alertId: z.string().regex(/^\d{1,12}$/, 'an alert id (digits)') });

/** Fraud and anomaly alerts (docs/fraud.md): list, show with evidence, confirm (may propose a bar), dismiss, a scan of recent usage, the thresholds. */
export const alertRoutes: RouteSpec[] = [
  defineRoute({ op: listAlerts, method: 'get', path: '/alerts', tags: ['alerts'], query: listAlerts.input }),
  defineRoute({ op: showAlertThresholds, method: 'get', path: '/fraud-thresholds', tags: ['alerts'] }),
  defineRoute({ op: setAlertThresholds, method: 'put', path: '/fraud-thresholds', tags: ['alerts'], body: setAlertThresholds.input }),
  defineRoute({ op: scanAlerts, method: 'post', path: '/alerts/scan', tags: ['alerts'], body: scanAlerts.input }),
  defineRoute({ op: showAlert, method: 'get', path: '/alerts/{alertId}', tags: ['alerts'], params: alertParams, toInput: ({ params }) => ({ id: Number(params.alertId) }) }),
  defineRoute({
    op: confirmAlert,
    method: 'post',
    path: '/alerts/{alertId}/confirm',
    tags: ['alerts'],
    params: alertParams,
    body: confirmAlert.input.omit({ id: true }),
    toInput: ({ params, body }) => ({ ...(body as object), id: Number(params.alertId) }),
  }),
  defineRoute({
    op: dismissAlert,
    method: 'post',
    path: '/alerts/{alertId}/dismiss',
    tags: ['alerts'],
    params: alertParams,
    body: dismissAlert.input.omit({ id: true }),
    toInput: ({ params, body }) => ({ ...(body as object), id: Number(params.alertId) }),
  }),
] as RouteSpec[];

import { z } from 'zod';
import { countFraudAlerts, listFraudAlerts, tenantFraudAlert } from '../../db/index.ts';
import { ALERT_SEVERITIES, ALERT_STATUSES, FRAUD_DETECTORS } from '../../tools/fraud/index.ts';
import { defineOperation } from '../operation.ts';
import { alertDetail, alertDetailSchema, alertView, alertViewSchema } from './alert-view.ts';

const STAFF = ['analyst', 'approver', 'admin'] as const;

/** `alerts.list`: the tenant's fraud and anomaly alerts, newest first, with how many are in each status. */
export const listAlerts = defineOperation({
  name: 'alerts.list',
  summary: 'List fraud alerts',
  effect: 'read',
  roles: [...STAFF],
  input: z
    .object({
      status: z.enum(ALERT_STATUSES).optional().describe('only this status'),
      detector: z.enum(FRAUD_DETECTORS).optional().describe('only this detector'),
      severity: z.enum(ALERT_SEVERITIES).optional().describe('only this severity'),
      subject: z.string().min(1).max(40).optional().describe('only alerts about this line, range or destination'),
      limit: z.coerce.number().int().min(1).max(1000).default(100).describe('at most this many'),
    })
    .strict(),
  output: z.object({ alerts: z.array(alertViewSchema), counts: z.object({ open: z.number().int(), confirmed: z.number().int(), dismissed: z.number().int() }) }),
  handler: (ctx, filter) => ({ alerts: listFraudAlerts(ctx.store, ctx.tenant, filter).map(alertView), counts: countFraudAlerts(ctx.store, ctx.tenant) }),
});

/** `alerts.show`: one alert with its evidence (the events, the statistics, the threshold it crossed). */
export const showAlert = defineOperation({
  name: 'alerts.show',
  summary: 'Show a fraud alert',
  effect: 'read',
  roles: [...STAFF],
  input: z.object({ id: z.coerce.number().int().positive().describe('alert id') }).strict(),
  output: alertDetailSchema,
  handler: (ctx, { id }) => alertDetail(tenantFraudAlert(ctx.store, ctx.tenant, id)),
});

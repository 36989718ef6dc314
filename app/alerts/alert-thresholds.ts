import { z } from 'zod';
import { setTenantFraudThresholds, tenantFraudThresholds } from '../../db/index.ts';
import { fraudThresholdsSchema } from '../../tools/fraud/index.ts';
import { parseOrThrow } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** `alerts.thresholds`: the tenant's detector thresholds, every one not set at its default (docs/fraud.md). */
export const showAlertThresholds = defineOperation({
  name: 'alerts.thresholds',
  summary: 'Show the fraud thresholds',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({}).strict(),
  output: fraudThresholdsSchema,
  handler: (ctx) => tenantFraudThresholds(ctx.store, ctx.tenant),
});

/** `alerts.set-thresholds`: sets the tenant's thresholds (what is given; the rest at their defaults). */
export const setAlertThresholds = defineOperation({
  name: 'alerts.set-thresholds',
  summary: 'Set the fraud thresholds',
  effect: 'write',
  roles: ['admin'],
  input: z.object({ thresholds: z.unknown().describe('thresholds by detector, e.g. {"irsf":{"warningCalls":8}}') }).strict(),
  output: fraudThresholdsSchema,
  handler: (ctx, { thresholds }) => {
    parseOrThrow(fraudThresholdsSchema, thresholds ?? {}, 'thresholds');
    return setTenantFraudThresholds(ctx.store, ctx.tenant, thresholds as z.input<typeof fraudThresholdsSchema>, ctx.actor.id, ctx.clock.now());
  },
});

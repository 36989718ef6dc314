import { z } from 'zod';
import { getApprovalPolicy, getOperatorSettings } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { defineOperation } from '../operation.ts';
import type { OperationContext } from '../context.ts';

/** Settings belong to the operator whose database this is: another tenant's users neither see nor change them. */
export function assertOperatorTenant(ctx: OperationContext): void {
  if (getOperatorSettings(ctx.store).tenant !== ctx.tenant) throw new BillingError('FORBIDDEN', `${ctx.actor.id} is not of the operator's tenant; its settings are not theirs`);
}

/** The operator settings (home country, time zone, number ranges, extensions…) and the approval policy. */
export const showSettings = defineOperation({
  name: 'settings.show',
  summary: 'Show the operator settings',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({}).strict(),
  output: z.record(z.string(), z.unknown()),
  handler: (ctx) => {
    assertOperatorTenant(ctx);
    return { ...getOperatorSettings(ctx.store), ...getApprovalPolicy(ctx.store) };
  },
});

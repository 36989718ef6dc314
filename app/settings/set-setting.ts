import { z } from 'zod';
import { getApprovalPolicy, getOperatorSettings, parseSettingValue, setApprovalPolicy, setOperatorSetting } from '../../db/index.ts';
import { approvalPolicySchema } from '../../tools/approval/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { defineOperation } from '../operation.ts';
import { assertOperatorTenant } from './show-settings.ts';

/** Keys of the four-eyes policy (operator setting `approvals`), set through the same operation. */
const POLICY_KEYS = new Set(Object.keys(approvalPolicySchema.shape));

/**
 * Changes one setting, given as text the way `config set` takes it (lists comma-separated). The
 * approval policy guards every proposal, so it needs a named admin and its change is audited.
 */
export const setSetting = defineOperation({
  name: 'settings.set',
  summary: 'Change an operator setting',
  effect: 'write',
  roles: ['admin'],
  input: z.object({ key: z.string().min(1).max(64).describe('the setting'), value: z.string().max(10_000).describe('its new value, as text; lists comma-separated') }).strict(),
  output: z.record(z.string(), z.unknown()),
  handler: (ctx, { key, value }) => {
    assertOperatorTenant(ctx);
    if (POLICY_KEYS.has(key)) {
      if (ctx.actor.kind === 'local') throw new BillingError('UNAUTHORIZED', 'say who you are: --as USER (an admin); the approval policy is changed by a named person and audited');
      setApprovalPolicy(ctx.store, { ...getApprovalPolicy(ctx.store), [key]: value }, { tenant: ctx.tenant, userId: ctx.actor.id });
    } else {
      setOperatorSetting(ctx.store, key, parseSettingValue(key, value));
    }
    return { ...getOperatorSettings(ctx.store), ...getApprovalPolicy(ctx.store) };
  },
});

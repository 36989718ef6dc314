import { z } from 'zod';
import { getUser, saveUser } from '../../db/index.ts';
import { roleSchema } from '../../tools/approval/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { userIdSchema, userSchema } from './user-schemas.ts';

/** Adds a user to the actor's tenant, or updates one of theirs (name, roles, a customer's account). */
export const addUser = defineOperation({
  name: 'users.add',
  summary: 'Add or update a user',
  effect: 'write',
  roles: ['admin'],
  input: z
    .object({
      id: userIdSchema.describe('the user id (lower-case)'),
      name: z.string().min(1).max(200).optional().describe('display name (default: the id)'),
      roles: z.array(roleSchema).min(1).describe('analyst, approver, admin; or customer alone'),
      accountId: accountIdSchema.optional().describe("a customer user's account (customers only)"),
    })
    .strict(),
  output: userSchema,
  handler: (ctx, input) => {
    let existing: ReturnType<typeof getUser> | undefined;
    try {
      existing = getUser(ctx.store, input.id);
    } catch {
      existing = undefined;
    }
    // Ids are global: one tenant's admin never takes over (or learns more than "taken" about) another's user.
    if (existing && existing.tenant !== ctx.tenant && ctx.actor.kind !== 'local') throw new BillingError('CONFLICT', `the user id ${input.id} is taken; choose another`);
    // A customer user sees one account of this tenant: it must be one.
    if (input.accountId !== undefined) ctx.scope.account(input.accountId);
    return saveUser(ctx.store, { id: input.id, tenant: ctx.tenant, name: input.name ?? input.id, roles: input.roles, ...(input.accountId ? { accountId: input.accountId } : {}) });
  },
});

import { z } from 'zod';
import { USER_ID } from '../../db/index.ts';
import { roleSchema } from '../../tools/approval/index.ts';
import { BillingError } from '../../tools/errors.ts';
import type { OperationContext } from '../context.ts';
import { getUser, type UserRecord } from '../../db/index.ts';

/** A user id as `--as` and the API take it. */
export const userIdSchema = z.string().regex(USER_ID, 'lower-case letters, digits, dot, dash or underscore (at most 64)');

/** A user as the operations return them. */
export const userSchema = z.object({
  id: z.string(),
  tenant: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  accountId: z.string().optional(),
});

/** An API token as listings show it: never the token itself. */
export const tokenViewSchema = z.object({
  id: z.number().int(),
  userId: z.string(),
  prefix: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/**
 * The tenant whose users an actor administers: their own; the local operator (the holder of the
 * database file, no `--as`) administers every tenant of the file, so for them it is undefined.
 */
export function administeredTenant(ctx: OperationContext): string | undefined {
  return ctx.actor.kind === 'local' ? undefined : ctx.tenant;
}

/** A user the actor administers; any other (another tenant's, or none) is NOT_FOUND, in the same words. */
export function administeredUser(ctx: OperationContext, id: string): UserRecord {
  const tenant = administeredTenant(ctx);
  let user: UserRecord | undefined;
  try {
    user = getUser(ctx.store, id);
  } catch {
    user = undefined;
  }
  if (!user || (tenant !== undefined && user.tenant !== tenant)) throw new BillingError('NOT_FOUND', `no user ${id}`);
  return user;
}

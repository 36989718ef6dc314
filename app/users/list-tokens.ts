import { z } from 'zod';
import { listApiTokens, listUsers } from '../../db/index.ts';
import { defineOperation } from '../operation.ts';
import { administeredTenant, administeredUser, tokenViewSchema, userIdSchema } from './user-schemas.ts';

/** API tokens of one user, or of every user the actor administers, oldest first (never the tokens themselves). */
export const listTokens = defineOperation({
  name: 'tokens.list',
  summary: 'List API tokens',
  effect: 'read',
  roles: ['admin'],
  input: z.object({ userId: userIdSchema.optional().describe('one user') }).strict(),
  output: z.object({ tokens: z.array(tokenViewSchema) }),
  handler: (ctx, { userId }) => {
    if (userId !== undefined) return { tokens: listApiTokens(ctx.store, administeredUser(ctx, userId).id) };
    const tenant = administeredTenant(ctx);
    const mine = new Set(listUsers(ctx.store, tenant).map((u) => u.id));
    return { tokens: listApiTokens(ctx.store).filter((t) => tenant === undefined || mine.has(t.userId)) };
  },
});

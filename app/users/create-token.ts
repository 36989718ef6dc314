import { z } from 'zod';
import { createApiToken } from '../../db/index.ts';
import { defineOperation } from '../operation.ts';
import { administeredUser, tokenViewSchema, userIdSchema } from './user-schemas.ts';

/**
 * Makes an API token for a user and returns it this once: only its hash is stored, so it cannot
 * be shown again (list shows its prefix; a lost token is revoked and replaced).
 */
export const createToken = defineOperation({
  name: 'tokens.create',
  summary: 'Create an API token for a user',
  effect: 'write',
  roles: ['admin'],
  input: z
    .object({
      userId: userIdSchema.describe('whose token'),
      label: z.string().min(1).max(100).default('api').describe('what the token is for (shown in listings)'),
    })
    .strict(),
  output: z.object({ token: z.string().describe('the bearer token; shown once'), info: tokenViewSchema }),
  handler: (ctx, { userId, label }) => {
    const user = administeredUser(ctx, userId);
    const { token, view } = createApiToken(ctx.store, user.id, label, ctx.clock.now());
    ctx.logger.info({ requestId: ctx.requestId, op: 'tokens.create', userId: user.id, tokenId: view.id, by: ctx.actor.id }, 'API token created');
    return { token, info: view };
  },
});

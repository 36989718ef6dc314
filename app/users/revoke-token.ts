import { z } from 'zod';
import { getApiToken, revokeApiToken } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { defineOperation } from '../operation.ts';
import { administeredUser, tokenViewSchema, userIdSchema } from './user-schemas.ts';

/** Revokes an API token at once (again is a no-op); another tenant's token is NOT_FOUND. */
export const revokeToken = defineOperation({
  name: 'tokens.revoke',
  summary: 'Revoke an API token',
  effect: 'write',
  roles: ['admin'],
  input: z
    .object({
      tokenId: z.number().int().positive().describe('the token id (from the listing)'),
      userId: userIdSchema.optional().describe('whose token it must be'),
    })
    .strict(),
  output: tokenViewSchema,
  handler: (ctx, { tokenId, userId }) => {
    const token = getApiToken(ctx.store, tokenId);
    const missing = new BillingError('NOT_FOUND', `no API token ${tokenId}`);
    if (!token || (userId !== undefined && token.userId !== userId)) throw missing;
    try {
      administeredUser(ctx, token.userId);
    } catch {
      throw missing;
    }
    const revoked = revokeApiToken(ctx.store, tokenId, ctx.clock.now());
    ctx.logger.info({ requestId: ctx.requestId, op: 'tokens.revoke', userId: token.userId, tokenId, by: ctx.actor.id }, 'API token revoked');
    return revoked;
  },
});

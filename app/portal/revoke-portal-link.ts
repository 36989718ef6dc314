import { z } from 'zod';
import { appendAudit, getPortalLink, revokePortalLink as revokeLink } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { defineOperation } from '../operation.ts';
import { auditActorKind, portalLinkIdSchema, portalLinkView, portalLinkViewSchema } from './portal-link-view.ts';

/** Revokes a portal link at once and signs out every session opened with it; again is a no-op. Another tenant's link is NOT_FOUND. */
export const revokePortalLink = defineOperation({
  name: 'portal.revoke-link',
  summary: 'Revoke a customer portal link',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: z.object({ linkId: portalLinkIdSchema.describe('the link id (from the listing)') }).strict(),
  output: portalLinkViewSchema.extend({ alreadyRevoked: z.boolean() }),
  handler: (ctx, { linkId }) => {
    const before = getPortalLink(ctx.store, ctx.tenant, linkId);
    if (!before) throw new BillingError('NOT_FOUND', `no portal link ${linkId}`);
    const now = ctx.clock.now();
    if (before.revokedAt !== null) return { ...portalLinkView(before, now), alreadyRevoked: true };
    const row = ctx.store.sqlite
      .transaction(() => {
        const revoked = revokeLink(ctx.store, ctx.tenant, linkId, ctx.actor.id, now)!;
        appendAudit(ctx.store, {
          tenant: ctx.tenant,
          actor: ctx.actor.id,
          actorKind: auditActorKind(ctx),
          event: 'portal_link',
          subject: `portal-link:${linkId}`,
          detail: { action: 'revoke', accountId: revoked.accountId },
        });
        return revoked;
      })
      .immediate();
    ctx.logger.info({ requestId: ctx.requestId, op: 'portal.revoke-link', linkId, by: ctx.actor.id }, 'portal link revoked');
    return { ...portalLinkView(row, now), alreadyRevoked: false };
  },
});

import { z } from 'zod';
import { appendAudit, createPortalLink as saveLink, portalSigningKey } from '../../db/index.ts';
import { signPortalLink } from '../../tools/portal/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { auditActorKind } from './portal-link-view.ts';

/** Where the web layer opens a portal link (the token goes in `link`). */
export const PORTAL_OPEN_PATH = '/portal/open';

/**
 * Makes a link that opens the customer portal on one account for `hours` (12 by default, at most
 * a week): a signed token naming a stored row, so it is shown once and can be revoked before it expires.
 */
export const createPortalLink = defineOperation({
  name: 'portal.create-link',
  summary: 'Create a customer portal link',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: z
    .object({
      accountId: accountIdSchema.describe('the account the portal shows'),
      hours: z.number().int().min(1).max(168).default(12).describe('how long the link opens the portal (1 to 168 hours)'),
    })
    .strict(),
  output: z.object({
    id: z.number().int(),
    accountId: z.string(),
    token: z.string().describe('the signed link token; shown once'),
    path: z.string().describe('the portal path with the token, to put after the server address'),
    expiresAt: z.string(),
    createdBy: z.string(),
  }),
  handler: (ctx, { accountId, hours }) => {
    const { account } = ctx.scope.account(accountId);
    const now = ctx.clock.now();
    // Whole seconds: the token carries epoch seconds, and the row must say the same instant.
    const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + hours * 3_600_000);
    const secret = portalSigningKey(ctx.store, ctx.tenant, now);
    // The row and its audit entry are written together (IMMEDIATE: the audit chain reads its last hash under the lock).
    const row = ctx.store.sqlite
      .transaction(() => {
        const saved = saveLink(ctx.store, { tenant: ctx.tenant, accountId: account.id, createdBy: ctx.actor.id, expiresAt, now });
        appendAudit(ctx.store, {
          tenant: ctx.tenant,
          actor: ctx.actor.id,
          actorKind: auditActorKind(ctx),
          event: 'portal_link',
          subject: `portal-link:${saved.id}`,
          detail: { action: 'create', accountId: account.id, expiresAt: saved.expiresAt, hours },
        });
        return saved;
      })
      .immediate();
    const token = signPortalLink(secret, { id: row.id, expiresAt });
    ctx.logger.info({ requestId: ctx.requestId, op: 'portal.create-link', linkId: row.id, accountId: account.id, by: ctx.actor.id }, 'portal link created');
    return { id: row.id, accountId: row.accountId, token, path: `${PORTAL_OPEN_PATH}?link=${encodeURIComponent(token)}`, expiresAt: row.expiresAt, createdBy: row.createdBy };
  },
});

import { z } from 'zod';
import type { PortalLinkRow } from '../../db/index.ts';
import type { OperationContext } from '../context.ts';
import type { AuditEntry } from '../../db/index.ts';

/** A portal link as listed: never its token (it is shown once, when made). */
export const portalLinkViewSchema = z.object({
  id: z.number().int(),
  accountId: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});
export type PortalLinkView = z.infer<typeof portalLinkViewSchema>;

/** The link id of the operations (a whole number, as the listing shows it). */
export const portalLinkIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A stored link as people see it, its status at `now`. */
export function portalLinkView(row: PortalLinkRow, now: Date): PortalLinkView {
  const status = row.revokedAt !== null ? 'revoked' : row.expiresAt <= now.toISOString() ? 'expired' : 'active';
  return { id: row.id, accountId: row.accountId, createdBy: row.createdBy, createdAt: row.createdAt, expiresAt: row.expiresAt, revokedAt: row.revokedAt, revokedBy: row.revokedBy, status };
}

/** How the audit log names the person making or revoking a link. */
export function auditActorKind(ctx: OperationContext): AuditEntry['actorKind'] {
  if (ctx.actor.kind === 'agent') return 'agent';
  return ctx.actor.roles.includes('analyst') ? 'analyst' : 'admin';
}

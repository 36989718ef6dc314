import { z } from 'zod';
import { listPortalLinks as listLinks } from '../../db/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { portalLinkView, portalLinkViewSchema } from './portal-link-view.ts';

/** The tenant's portal links, newest first, with their status now (never the tokens). */
export const listPortalLinks = defineOperation({
  name: 'portal.list-links',
  summary: 'List customer portal links',
  effect: 'read',
  roles: ['analyst', 'admin'],
  input: z.object({ accountId: accountIdSchema.optional().describe('one account') }).strict(),
  output: z.object({ links: z.array(portalLinkViewSchema) }),
  handler: (ctx, { accountId }) => {
    // An account named must be one of the tenant's: a typo says so instead of listing nothing.
    if (accountId !== undefined) ctx.scope.account(accountId);
    const now = ctx.clock.now();
    return { links: listLinks(ctx.store, ctx.tenant, accountId).map((r) => portalLinkView(r, now)) };
  },
});

import { z } from 'zod';
import { BillingError } from '../../tools/errors.ts';
import { listTaxPackVersions, taxPackInForce, taxPacksInForce } from '../../db/tax-pack-store.ts';
import { defineOperation } from '../operation.ts';
import { isOperatorTenant } from '../../db/operator-books.ts';
import { taxPackIdSchema, taxPackVersionView, taxPackVersionViewSchema } from './tax-pack-views.ts';

/** The packs bills use now (each with the version in force) and every imported version with its status. */
export const listTaxPacks = defineOperation({
  name: 'tax.list',
  summary: 'List tax packs and their versions',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ packId: taxPackIdSchema.optional().describe('only this pack') }).strict(),
  output: z.object({
    inForce: z.array(z.object({ packId: z.string(), name: z.string(), version: z.string(), illustrative: z.boolean() })),
    versions: z.array(taxPackVersionViewSchema),
  }),
  handler: (ctx, { packId }) => {
    // Another tenant finds none, as for tariffs: the packs are the operator's books.
    if (!isOperatorTenant(ctx.scope)) return { inForce: [], versions: [] };
    const known = taxPacksInForce(ctx.store).map((p) => p.id);
    if (packId && !known.includes(packId) && listTaxPackVersions(ctx.store, packId).length === 0) {
      throw new BillingError('NOT_FOUND', `no tax pack ${packId}; packs: ${known.join(', ')}`);
    }
    const inForce = taxPacksInForce(ctx.store)
      .filter((p) => !packId || p.id === packId)
      .map((p) => ({ packId: p.id, name: p.name, version: taxPackInForce(ctx.store, p.id)!.version, illustrative: p.illustrative }));
    return { inForce, versions: listTaxPackVersions(ctx.store, packId).map(taxPackVersionView) };
  },
});

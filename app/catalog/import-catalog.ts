import { z } from 'zod';
import { saveCatalogVersion } from '../../db/index.ts';
import { isOperatorTenant } from '../../db/operator-books.ts';
import { loadCatalog } from '../../tools/catalog/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { defineOperation } from '../operation.ts';

/** Imports a catalog (YAML or JSON text) as a new effective-dated version; identical content again changes nothing. */
export const importCatalog = defineOperation({
  name: 'catalog.import',
  summary: 'Import a catalog',
  effect: 'write',
  roles: ['admin'],
  input: z
    .object({
      text: z.string().min(1).max(20_000_000).describe('the catalog, YAML or JSON'),
      fileName: z.string().min(1).max(255).optional().describe('its file name, for messages'),
    })
    .strict(),
  output: z.object({
    id: z.number().int(),
    name: z.string(),
    version: z.number().int(),
    created: z.boolean(),
    effectiveFrom: z.string(),
    counts: z.object({ plans: z.number().int(), promotions: z.number().int(), discounts: z.number().int(), oneTimeCharges: z.number().int(), rateMultipliers: z.number().int() }),
  }),
  handler: (ctx, { text, fileName }) => {
    if (!isOperatorTenant(ctx.scope)) throw new BillingError('FORBIDDEN', `${ctx.actor.id} may not import catalogs: they are the operator's books`);
    const parsed = loadCatalog(text, fileName);
    const saved = saveCatalogVersion(ctx.store, parsed);
    return {
      ...saved,
      effectiveFrom: parsed.effectiveFrom,
      counts: {
        plans: parsed.plans.length,
        promotions: parsed.promotions.length,
        discounts: parsed.discounts.length,
        oneTimeCharges: parsed.oneTimeCharges.length,
        rateMultipliers: parsed.rateMultipliers.length,
      },
    };
  },
});

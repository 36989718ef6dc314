import { z } from 'zod';
import { countTenantEvents, countTenantQuarantine, listTenantEvents, listTenantQuarantine } from '../../db/index.ts';
import { defineOperation } from '../operation.ts';

/**
 * Usage events the classification rules could not classify and open quarantined raw records: the
 * newest `limit` of each, with the true totals (a page of 10 never reads as "10 records").
 */
export const listUnclassifiedRecords = defineOperation({
  name: 'usage.unclassified',
  summary: 'List unclassified events and quarantined records',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ limit: z.number().int().min(1).max(50).default(10) }).strict(),
  output: z.object({
    summary: z.string(),
    unclassifiedTotal: z.number().int(),
    quarantinedTotal: z.number().int(),
    // Field text from switches is kept whole: it is data, shown escaped, never instructions.
    unclassified: z.array(z.looseObject({ id: z.number().int(), subscriber: z.string(), otherParty: z.string() })),
    quarantined: z.array(z.looseObject({ id: z.number().int(), reason: z.string() })),
  }),
  handler: (ctx, { limit }) => {
    const unclassified = listTenantEvents(ctx.store, ctx.tenant, { status: 'unclassified', limit });
    const quarantined = listTenantQuarantine(ctx.store, ctx.tenant, limit);
    const unclassifiedTotal = countTenantEvents(ctx.store, ctx.tenant, 'unclassified');
    const quarantinedTotal = countTenantQuarantine(ctx.store, ctx.tenant);
    const page = (shown: number, total: number) => (shown < total ? `, the ${shown} newest shown` : '');
    return {
      summary: `${unclassifiedTotal} unclassified events${page(unclassified.length, unclassifiedTotal)}; ${quarantinedTotal} open quarantined records${page(quarantined.length, quarantinedTotal)}.`,
      unclassifiedTotal,
      quarantinedTotal,
      unclassified,
      quarantined,
    };
  },
});

import { z } from 'zod';
import { suggestEventCategory as suggest } from '../../db/index.ts';
import { defineOperation } from '../operation.ts';

/** A category for one event: the dialled number from the switch's fields classified by the operator rules, then patterns over free text; with evidence and confidence. */
export const suggestEventCategory = defineOperation({
  name: 'usage.suggest-category',
  summary: 'Suggest a category for a usage event',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ eventId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('usage event id') }).strict(),
  output: z.looseObject({ eventId: z.number().int(), proposed: z.looseObject({ category: z.string(), confidence: z.string() }).nullable(), changesCategory: z.boolean() }),
  handler: (ctx, { eventId }) => suggest(ctx.store, ctx.tenant, eventId),
});

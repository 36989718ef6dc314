import { z } from 'zod';
import { scopedUsageEvent } from '../../db/usage-scope.ts';
import { explainEventRating } from '../../tools/rating/index.ts';
import { defineOperation } from '../operation.ts';
import { usageEventSchema } from './list-usage-events.ts';

/** One usage event with how it was priced: in words (the same the rater agent gives) and as the engine's figures. */
export const showUsageEvent = defineOperation({
  name: 'usage.show',
  summary: 'Show a usage event',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z.object({ eventId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).describe('usage event id') }).strict(),
  output: usageEventSchema.extend({
    /** The switch's own fields, as it wrote them. */
    attributes: z.record(z.string(), z.string()),
    /** The whole breakdown, expanded against its tariff version (null when not rated). */
    ratingBreakdown: z.unknown(),
    /** The breakdown in words, one step per line; null when not rated. */
    explanation: z.string().nullable(),
    /** The same words as steps, with how many spans were described one by one. */
    rating: z.object({ steps: z.array(z.string()), spansShown: z.number().int(), spansOmitted: z.number().int() }).nullable(),
  }),
  handler: (ctx, { eventId }) => {
    const event = scopedUsageEvent(ctx.scope, eventId);
    const rating = explainEventRating(event);
    return {
      ...event,
      explanation: rating?.text ?? null,
      rating: rating ? { steps: rating.steps, spansShown: rating.spansShown, spansOmitted: rating.spansOmitted } : null,
    };
  },
});

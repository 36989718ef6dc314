import { z } from 'zod';
import { findPeriodInvoice, getOperatorSettings } from '../../db/index.ts';
import { lineOwnerAt, scopedUsageEvent } from '../../db/usage-scope.ts';
import { explainEventRating } from '../../tools/rating/index.ts';
import { localDate } from '../../tools/time/index.ts';
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
    /** The account whose line made the event (as billing attributes it), null when no line had the number then. */
    accountId: z.string().nullable(),
    /** That account's invoice for the event's month, once billed (number null until issued). */
    invoice: z.object({ number: z.string().nullable(), period: z.string(), status: z.string() }).nullable(),
  }),
  handler: (ctx, { eventId }) => {
    const event = scopedUsageEvent(ctx.scope, eventId);
    const rating = explainEventRating(event);
    const startMs = Date.parse(event.startTime);
    const accountId = event.direction === 'transit' ? null : lineOwnerAt(ctx.scope, event.subscriber, startMs);
    const inv = accountId ? findPeriodInvoice(ctx.store, accountId, localDate(startMs, getOperatorSettings(ctx.store).timezone).slice(0, 7)) : null;
    return {
      ...event,
      accountId,
      invoice: inv ? { number: inv.number, period: inv.period, status: inv.status } : null,
      explanation: rating?.text ?? null,
      rating: rating ? { steps: rating.steps, spansShown: rating.spansShown, spansOmitted: rating.spansOmitted } : null,
    };
  },
});

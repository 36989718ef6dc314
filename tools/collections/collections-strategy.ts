import { z } from 'zod';
import { dunningLadderSchema, type DunningLadder } from './collections.types.ts';
import { paymentRiskBandSchema, type PaymentRiskBand } from './payment-risk.types.ts';

/** The channels a dunning message may go out on: email, and SMS (sent by the operator's gateway behind the webhook). */
export const dunningChannelSchema = z.enum(['email', 'sms']);
export type DunningChannel = z.infer<typeof dunningChannelSchema>;

/** How each risk band is chased: days the talking steps move (negative: earlier) and the channels used. */
export const collectionsStrategySchema = z.record(paymentRiskBandSchema, z.object({ shiftDays: z.number().int().min(-30).max(30), channels: z.array(dunningChannelSchema).min(1) }).strict());
export type CollectionsStrategy = z.infer<typeof collectionsStrategySchema>;

/**
 * The default strategy, as data: a high-risk account hears from us four days earlier, by SMS and
 * email; a low-risk one three days later, by email only. Only steps that talk to the customer move:
 * a fee, a restriction or a bar comes at the same days past due whatever the score, so the score
 * never makes the ladder harsher for one customer than another.
 */
export const DEFAULT_COLLECTIONS_STRATEGY: CollectionsStrategy = collectionsStrategySchema.parse({
  low: { shiftDays: 3, channels: ['email'] },
  medium: { shiftDays: 0, channels: ['email'] },
  high: { shiftDays: -4, channels: ['email', 'sms'] },
});

/**
 * The ladder an account of a risk band follows: its talking steps moved by the band's shift, never
 * before day 1, never past the next step (the ladder's order is kept).
 */
export function ladderForRisk(ladder: DunningLadder, band: PaymentRiskBand, strategy: CollectionsStrategy = DEFAULT_COLLECTIONS_STRATEGY): DunningLadder {
  const { shiftDays } = strategy[band];
  const steps = ladder.steps.map((s) => ({ ...s }));
  for (const [i, step] of steps.entries()) {
    if (step.changesMoney || step.changesState) continue;
    const next = ladder.steps[i + 1]?.daysPastDue ?? Number.POSITIVE_INFINITY;
    const previous = i === 0 ? 1 : steps[i - 1]!.daysPastDue;
    step.daysPastDue = Math.max(previous, 1, Math.min(next, step.daysPastDue + shiftDays));
  }
  return dunningLadderSchema.parse({ steps });
}

/** The channels a band's dunning messages go out on. */
export function channelsForRisk(band: PaymentRiskBand, strategy: CollectionsStrategy = DEFAULT_COLLECTIONS_STRATEGY): DunningChannel[] {
  return [...strategy[band].channels];
}

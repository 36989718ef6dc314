import type { RateMultiplierTable } from '../catalog/catalog.types.ts';
import type { Classification } from '../classify/classification.types.ts';
import type { UsageRecord } from '../cdr/usage-record.types.ts';
import { applyRateMultiplier, regionOf } from './apply-rate-multiplier.ts';
import { rateEvent, type RatingOutcome, type RatingParty } from './rate-event.ts';
import type { TariffBook } from './tariff-book.ts';

/** Who the subscriber of a usage is rated as at an instant (their line's plan and segment), or null when no line has the number. */
export type PartyLookup = (subscriber: string, at: number) => RatingParty | null;

/**
 * The rating step as every path runs it (ingest --rate, rate, rerate): the subscriber's plan and
 * segment choose the rating profile, the tariff in effect at the answer time prices the usage, then
 * the dynamic-pricing multiplier for where and when it happened applies.
 */
export function createEventRater(book: TariffBook, multipliers: readonly RateMultiplierTable[], timezone: string, partyOf: PartyLookup | null = null) {
  return (record: UsageRecord, classification: Classification, tenant: string): RatingOutcome => {
    const party = partyOf ? partyOf(record.subscriber, record.answerTime ?? record.startTime) : null;
    const outcome = rateEvent(book, record, classification, tenant, party);
    if (multipliers.length === 0) return outcome;
    return applyRateMultiplier(outcome, multipliers, { service: record.service, at: record.answerTime ?? record.startTime, region: regionOf(record.attributes), timezone });
  };
}

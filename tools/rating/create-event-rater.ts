import type { RateMultiplierTable } from '../catalog/catalog.types.ts';
import type { Classification } from '../classify/classification.types.ts';
import type { UsageRecord } from '../cdr/usage-record.types.ts';
import { applyRateMultiplier, regionOf } from './apply-rate-multiplier.ts';
import { rateEvent, type RatingOutcome } from './rate-event.ts';
import type { TariffBook } from './tariff-book.ts';

/**
 * The rating step as every path runs it (ingest --rate, rate, rerate): the tariff in effect at the
 * answer time, then the dynamic-pricing multiplier for where and when the usage happened.
 */
export function createEventRater(book: TariffBook, multipliers: readonly RateMultiplierTable[], timezone: string) {
  return (record: UsageRecord, classification: Classification, tenant: string): RatingOutcome => {
    const outcome = rateEvent(book, record, classification, tenant);
    if (multipliers.length === 0) return outcome;
    return applyRateMultiplier(outcome, multipliers, { service: record.service, at: record.answerTime ?? record.startTime, region: regionOf(record.attributes), timezone });
  };
}

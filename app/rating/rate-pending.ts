import { currentRateMultipliers, getOperatorSettings, iterateUnratedEvents, loadTariffVersions, ratingPartyLookup, saveRatings, toRecordAndClassification, type Store } from '../../db/index.ts';
import { createEventRater, createTariffBook } from '../../tools/rating/index.ts';

/** What a rating run did. */
export interface RatingRunResult {
  tariff: string;
  versions: number[];
  considered: number;
  rated: number;
  ratingFailed: number;
  takenByAnotherRun: number;
  failures: Record<string, number>;
}

/** Rates every accepted, unrated event with the tariff version in effect at its answer time. */
export function ratePending(store: Store, opts: { tariff?: string; generalRoundingDecimals?: number; onProgress?: (n: number) => void }): RatingRunResult {
  const book = createTariffBook(loadTariffVersions(store, opts.tariff), { generalRoundingDecimals: opts.generalRoundingDecimals });
  const { tenant, timezone } = getOperatorSettings(store);
  const rate = createEventRater(book, currentRateMultipliers(store), timezone, ratingPartyLookup(store, timezone));
  // Counts are of what THIS run stored: an event another run rated first (between our read and
  // our write) is counted as taken by another run, not as rated here.
  const counts = { considered: 0, rated: 0, ratingFailed: 0, takenByAnotherRun: 0, failures: {} as Record<string, number> };
  for (const page of iterateUnratedEvents(store)) {
    const outcomes = page.map((row) => {
      const { record, classification } = toRecordAndClassification(row);
      return { id: row.id, outcome: rate(record, classification, row.tenant || tenant) };
    });
    const stored = saveRatings(store, outcomes);
    for (const [i, { outcome }] of outcomes.entries()) {
      counts.considered++;
      if (!stored[i]) counts.takenByAnotherRun++;
      else if (outcome.status === 'rated') counts.rated++;
      else if (outcome.status === 'rating_failed') {
        counts.ratingFailed++;
        counts.failures[outcome.code] = (counts.failures[outcome.code] ?? 0) + 1;
      }
    }
    opts.onProgress?.(counts.considered);
  }
  return { tariff: book.name, versions: book.versions.map((v) => v.version), ...counts };
}

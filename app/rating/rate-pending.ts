import { currentRateMultipliers, getOperatorSettings, iterateUnratedEvents, loadTariffVersions, ratingPartyLookup, saveRatings, toRecordAndClassification, type Store } from '../../db/index.ts';
import { createEventRater, createTariffBook } from '../../tools/rating/index.ts';
import { eventLoopPacer } from '../event-loop-turns.ts';

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

/** A page of unrated events, as the store hands them out. */
type UnratedPage = ReturnType<typeof iterateUnratedEvents> extends Generator<infer P> ? P : never;

/** A rating run over the unrated events, page by page: each page rated and stored, then counted. */
function pendingRun(store: Store, opts: { tariff?: string; generalRoundingDecimals?: number; onProgress?: (n: number) => void }) {
  const book = createTariffBook(loadTariffVersions(store, opts.tariff), { generalRoundingDecimals: opts.generalRoundingDecimals });
  const { tenant, timezone } = getOperatorSettings(store);
  const rate = createEventRater(book, currentRateMultipliers(store), timezone, ratingPartyLookup(store, timezone));
  // Counts are of what THIS run stored: an event another run rated first (between our read and
  // our write) is counted as taken by another run, not as rated here.
  const counts = { considered: 0, rated: 0, ratingFailed: 0, takenByAnotherRun: 0, failures: {} as Record<string, number> };
  return {
    pages: iterateUnratedEvents(store),
    ratePage(page: UnratedPage) {
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
    },
    result: (): RatingRunResult => ({ tariff: book.name, versions: book.versions.map((v) => v.version), ...counts }),
  };
}

/** Rates every accepted, unrated event with the tariff version in effect at its answer time. */
export function ratePending(store: Store, opts: { tariff?: string; generalRoundingDecimals?: number; onProgress?: (n: number) => void }): RatingRunResult {
  const run = pendingRun(store, opts);
  for (const page of run.pages) run.ratePage(page);
  return run.result();
}

/**
 * ratePending for a caller on an event loop (the operation, so a worker's rating job): the loop
 * turns between pages once its budget is spent, so a long run keeps its job's lock.
 */
export async function ratePendingPaced(store: Store, opts: { tariff?: string; generalRoundingDecimals?: number; onProgress?: (n: number) => void }): Promise<RatingRunResult> {
  const run = pendingRun(store, opts);
  const pace = eventLoopPacer();
  for (const page of run.pages) {
    run.ratePage(page);
    await pace();
  }
  return run.result();
}

import type { Command } from 'commander';
import {
  currentRateMultipliers,
  ratingPartyLookup,
  getOperatorSettings,
  iterateUnratedEvents,
  loadTariffVersions,
  saveRatings,
  toRecordAndClassification,
  usageCounts,
  type Store,
} from '../../db/index.ts';
import { createEventRater, createTariffBook } from '../../tools/rating/index.ts';
import { progressEnabled, withStore, type GlobalOptions } from '../context.ts';
import { createProgress } from '../progress.ts';
import { action, parseIntOption, printResult } from '../output.ts';

/** Rates every accepted, unrated event with the tariff version in effect at its answer time. */
export function ratePending(store: Store, opts: { tariff?: string; generalRoundingDecimals?: number; onProgress?: (n: number) => void }) {
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

/** `switchboard rate`. */
export function registerRate(program: Command): void {
  program
    .command('rate')
    .description('rate every accepted, unrated usage event')
    .option('--tariff <name>', 'tariff plan (default: the most recently imported)')
    .option('--general-rounding-decimals <n>', 'decimals of per-span rounding', '5')
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { tariff?: string; generalRoundingDecimals?: string }>();
        const generalRoundingDecimals = parseIntOption('general-rounding-decimals', opts.generalRoundingDecimals);
        const result = await withStore(opts, (store) => {
          const pending = usageCounts(store).byStatus.find((s) => s.status === 'unrated')?.n ?? 0;
          const bar = createProgress('rate', pending, progressEnabled(opts));
          try {
            return ratePending(store, { tariff: opts.tariff, generalRoundingDecimals, onProgress: (n) => bar.update(n) });
          } finally {
            bar.stop();
          }
        });
        printResult(opts, result, (r) =>
          [
            `Rated ${r.rated} of ${r.considered} events with tariff ${r.tariff}; ${r.ratingFailed} could not be rated${r.takenByAnotherRun ? `; ${r.takenByAnotherRun} were rated meanwhile by another run` : ''}`,
            ...Object.entries(r.failures).map(([code, n]) => `  ${code}: ${n}`),
          ].join('\n'),
        );
      }),
    );
}

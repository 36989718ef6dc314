import { RISK_BANDS } from './cashflow.types.ts';
import { collectionShares, type CollectionCurves } from './learn-collection-curves.ts';

/** The ageing buckets with the days past due of an invoice typical of each (the curve is read from there). */
const BUCKET_DAYS: ReadonlyArray<[string, number]> = [
  ['current', -7],
  ['days_1_30', 15],
  ['days_31_60', 45],
  ['days_61_90', 75],
  ['days_over_90', 120],
];

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The curves as a table: for each band and bucket, the share of what is open paid within 1, 4, 8 and 13 weeks. */
export function summariseCurves(curves: CollectionCurves) {
  return RISK_BANDS.flatMap((band) =>
    BUCKET_DAYS.map(([bucket, days]) => {
      const s = collectionShares(curves, band, days, 13).weeks;
      const within = (k: number) => round(s.slice(0, k).reduce((a, b) => a + b, 0));
      return { band, bucket, within: { w1: within(1), w4: within(4), w8: within(8), w13: within(13) } };
    }),
  );
}

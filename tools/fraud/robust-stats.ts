/** The median of a list of numbers (NaN when empty); the list is not changed. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median absolute deviation from the median (NaN when empty). */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/** MAD scaled to a normal standard deviation (1.4826), the robust spread every baseline uses. */
export function robustSpread(values: readonly number[]): number {
  return 1.4826 * medianAbsoluteDeviation(values);
}

/** How many robust standard deviations `value` lies from the median of `history`, the spread floored at `minSpread`. */
export function robustScore(value: number, history: readonly number[], minSpread: number): { median: number; spread: number; score: number } {
  const m = median(history);
  const spread = Math.max(robustSpread(history), minSpread);
  return { median: m, spread, score: (value - m) / spread };
}

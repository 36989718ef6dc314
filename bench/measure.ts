/** What a benchmark child prints: one JSON line on stdout. */
export interface StageResult {
  stage: string;
  items: number;
  seconds: number;
  perSecond: number;
  peakRssMb: number;
  extra?: Record<string, unknown>;
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Times `fn` and reports items per second with this process's peak RSS. */
export async function measure(stage: string, fn: () => Promise<number> | number, extra?: () => Record<string, unknown>): Promise<StageResult> {
  const start = process.hrtime.bigint();
  const items = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { stage, items, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(items / seconds), peakRssMb: peakRssMb(), ...(extra ? { extra: extra() } : {}) };
}

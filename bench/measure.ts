import { readFileSync } from 'node:fs';

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

/** CPU seconds so far of this process's main thread and of the whole process (all threads); main is null off Linux. */
export function cpuSeconds(): { main: number | null; total: number } {
  const { user, system } = process.cpuUsage();
  let main: number | null = null;
  try {
    // Fields 14 and 15 of /proc/<pid>/task/<tid>/stat: user and system clock ticks (100 per second).
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    main = (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    /* not Linux: the split is not reported */
  }
  return { main, total: (user + system) / 1e6 };
}

/** Times `fn` and reports items per second with this process's peak RSS. */
export async function measure(stage: string, fn: () => Promise<number> | number, extra?: () => Record<string, unknown>): Promise<StageResult> {
  const start = process.hrtime.bigint();
  const items = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { stage, items, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(items / seconds), peakRssMb: peakRssMb(), ...(extra ? { extra: extra() } : {}) };
}

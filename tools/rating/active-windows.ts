import { localDayNumber, localParts, nextLocalMidnight, zonedToEpoch } from '../time/index.ts';
import type { CompiledEntry, CompiledTariff, EntryList } from './compile-tariff.ts';
import { timingMatchesDay } from './timing-matches.ts';

/** A stretch of one local day during which one rating-plan entry wins (or none: a gap). */
export interface ActiveWindow {
  fromMs: number;
  toMs: number;
  entry: CompiledEntry | null;
}

const MAX_CACHED_DAYS = 50_000;

/**
 * Which entry wins at each moment of the local day containing `epochMs`: among entries whose
 * timing is active, the highest weight; at equal weight the timing that started most recently
 * (CGRateS's RateIntervalTimeSorter). Cached per entry list and day, since calls cluster in days.
 */
export function activeWindowsForDay(tariff: CompiledTariff, list: EntryList, epochMs: number): ActiveWindow[] {
  const tz = tariff.plan.timezone;
  const key = localDayNumber(epochMs, tz);
  const cache = (list.windows ??= new Map<number, ActiveWindow[]>()) as Map<number, ActiveWindow[]>;
  const cached = cache.get(key);
  if (cached) return cached;
  const day = localParts(epochMs, tz);

  const matching = list.entries.filter((e) => timingMatchesDay(e.timing, day));
  const cuts = new Set<number>([0]);
  for (const e of matching) {
    cuts.add(e.timing.startSecond);
    if (e.timing.endSecond !== null) cuts.add(e.timing.endSecond);
  }
  const seconds = [...cuts].filter((s) => s < 86_400).sort((a, b) => a - b);
  const dayEnd = nextLocalMidnight(day.dayStart, tz);
  const toEpoch = (second: number): number => zonedToEpoch(day.year, day.month, day.day, Math.floor(second / 3600), Math.floor((second % 3600) / 60), second % 60, tz);

  const windows: ActiveWindow[] = [];
  seconds.forEach((second, i) => {
    let winner: CompiledEntry | null = null;
    for (const e of matching) {
      const active = e.timing.startSecond <= second && (e.timing.endSecond === null || second < e.timing.endSecond);
      if (!active) continue;
      if (!winner || e.weight > winner.weight || (e.weight === winner.weight && e.timing.startSecond > winner.timing.startSecond)) {
        winner = e;
      }
    }
    const fromMs = i === 0 ? day.dayStart : toEpoch(second);
    const next = seconds[i + 1];
    const toMs = next === undefined ? dayEnd : toEpoch(next);
    const last = windows[windows.length - 1];
    if (last && last.entry === winner) last.toMs = toMs;
    else if (toMs > fromMs) windows.push({ fromMs, toMs, entry: winner });
  });

  if (cache.size >= MAX_CACHED_DAYS) cache.clear();
  cache.set(key, windows);
  return windows;
}

/** The window containing the instant. */
export function windowAt(windows: ActiveWindow[], epochMs: number): ActiveWindow {
  for (const w of windows) if (epochMs >= w.fromMs && epochMs < w.toMs) return w;
  return windows[windows.length - 1]!;
}

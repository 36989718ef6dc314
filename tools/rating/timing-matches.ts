import { localParts, offsetAt, type LocalParts } from '../time/index.ts';
import type { CompiledTiming } from './compile-tariff.ts';

const DAY_MS = 86_400_000;

function inList(list: '*any' | number[], value: number): boolean {
  return list === '*any' || list.includes(value);
}

/** True when a timing's calendar fields (years, months, month days, week days) accept this local day. */
export function timingMatchesDay(timing: CompiledTiming, day: LocalParts): boolean {
  const t = timing.source;
  if (!t) return true;
  return inList(t.years, day.year) && inList(t.months, day.month) && inList(t.monthDays, day.day) && inList(t.weekDays, day.weekday);
}

/** Wall-clock seconds since local midnight: 08:00 is 28800 even on a day the clocks change. */
export function wallSecondOfDay(epochMs: number, timezone: string): number {
  const local = epochMs + offsetAt(epochMs, timezone);
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 1000);
}

/** True when the timing is active at the instant (CGRateS's Timing.IsActiveAt). */
export function timingActiveAt(timing: CompiledTiming, epochMs: number, timezone: string): boolean {
  if (!timing.source) return true;
  if (!timingMatchesDay(timing, localParts(epochMs, timezone))) return false;
  const wall = wallSecondOfDay(epochMs, timezone);
  return wall >= timing.startSecond && (timing.endSecond === null || wall < timing.endSecond);
}

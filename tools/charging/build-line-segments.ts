import type { Subscription } from '../catalog/account.types.ts';
import { daysBetween } from '../time/index.ts';
import type { BillingPeriod } from './charging.types.ts';

/** A stretch of the period in which one line is on one plan and no tax rate changes: [from, to). */
export interface LineSegment {
  subscriptionId: string;
  planId: string;
  from: string;
  to: string;
  days: number;
}

/**
 * Cuts a subscription's part of the period into segments: at plan changes, at the line's start and
 * end, and at the given split dates (tax rate changes), so each segment has one plan and one rate.
 */
export function buildLineSegments(sub: Subscription, period: BillingPeriod, splitDates: readonly string[]): LineSegment[] {
  const start = sub.plans[0]!.from > period.from ? sub.plans[0]!.from : period.from;
  const end = sub.endDate && sub.endDate < period.to ? sub.endDate : period.to;
  if (start >= end) return [];
  const cuts = new Set<string>([start, end]);
  for (const p of sub.plans) if (p.from > start && p.from < end) cuts.add(p.from);
  for (const d of splitDates) if (d > start && d < end) cuts.add(d);
  const sorted = [...cuts].sort();
  const segments: LineSegment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i]!;
    const to = sorted[i + 1]!;
    const plan = [...sub.plans].reverse().find((p) => p.from <= from)!;
    segments.push({ subscriptionId: sub.id, planId: plan.planId, from, to, days: daysBetween(from, to) });
  }
  return segments;
}

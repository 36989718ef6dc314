import type { RatingParty } from '../rating/rate-event.ts';
import { startOfLocalDate } from '../time/index.ts';
import type { Subscription } from './account.types.ts';
import type { Catalog } from './catalog.types.ts';

/**
 * An in-memory index from a number to who it is rated as over time: each line's plan history
 * (the plan's rating subject, "*any" meaning the subscriber's own number) and its customer's
 * segment, with local dates turned into instants once. Built once per rating run, so the rating
 * hot path does one map look-up per record.
 */
export function indexRatingParties(lines: ReadonlyArray<{ subscription: Subscription; segment: string }>, catalog: Catalog | null, timezone: string) {
  const subjects = new Map((catalog?.plans ?? []).map((p) => [p.id, p.ratingSubject === '*any' ? null : p.ratingSubject]));
  const byNumber = new Map<string, Array<{ from: number; to: number; party: RatingParty }>>();
  for (const { subscription: s, segment } of lines) {
    const end = s.endDate ? startOfLocalDate(s.endDate, timezone) : Number.POSITIVE_INFINITY;
    const spans = byNumber.get(s.msisdn) ?? [];
    s.plans.forEach((p, i) => {
      const next = s.plans[i + 1];
      spans.push({ from: startOfLocalDate(p.from, timezone), to: next ? Math.min(end, startOfLocalDate(next.from, timezone)) : end, party: { subject: subjects.get(p.planId) ?? null, segment } });
    });
    byNumber.set(s.msisdn, spans);
  }
  return (subscriber: string, at: number): RatingParty | null => {
    const number = subscriber.replace(/^\+/, '');
    return byNumber.get(number)?.find((x) => x.from <= at && at < x.to)?.party ?? null;
  };
}

import { toBillingError } from '../errors.ts';
import type { Classification } from '../classify/classification.types.ts';
import type { UsageRecord } from '../cdr/usage-record.types.ts';
import { rateUsage } from './rate-usage.ts';
import type { TariffBook } from './tariff-book.ts';
import type { RatedCost, RatingRequest } from './tariff.types.ts';

/** What rating did to one usage event. */
export type RatingOutcome =
  | { status: 'rated'; cost: string; currency: string; tariffVersionId: number | null; breakdown: RatedCost | { reason: string } }
  | { status: 'rating_failed'; code: string; message: string }
  | { status: 'unclassified' };

/** CGRateS categories Switchboard rates each service under (tenant + category + subject pick the profile). */
export const RATING_CATEGORY = { voice: 'call', sms: 'sms', data: 'data' } as const;

/** The subject a subscriber is rated as: their number's digits (CGRateS's account). */
export function ratingSubject(subscriber: string): string {
  return subscriber.replace(/^\+/, '').replace(/^sip:/, '').replace(/@.*$/, '');
}

/** Builds the rating request for a classified usage record. */
export function ratingRequestFor(record: UsageRecord, classification: Classification, tenant: string, segment: string | null = null): RatingRequest {
  return {
    tenant,
    category: RATING_CATEGORY[record.service],
    subject: ratingSubject(record.subscriber),
    segment,
    destination: record.service === 'data' ? '*any' : (classification.destination ?? '*any'),
    answerTime: record.answerTime ?? record.startTime,
    usage: record.service === 'voice' ? record.usage * 1_000_000 : record.usage,
    tor: record.service,
  };
}

/**
 * Who a usage is rated as, when the subscriber's line is known: the plan's rating subject (null:
 * the subscriber's own number, CGRateS's account) and the customer's segment ("*segment:" profiles).
 */
export interface RatingParty {
  subject: string | null;
  segment: string | null;
}

/**
 * Prices one classified usage record with the tariff version in effect at its answer time. Zero
 * usage (an unanswered call) costs nothing without consulting a tariff, as in CGRateS; an
 * unclassified record is left for the categoriser, never guessed. With a party, the plan's rating
 * subject and the customer's segment choose the rating profile (falling back as CGRateS does).
 */
export function rateEvent(book: TariffBook, record: UsageRecord, classification: Classification, tenant: string, party: RatingParty | null = null): RatingOutcome {
  if (classification.category === 'unclassified') return { status: 'unclassified' };
  const req = ratingRequestFor(record, classification, tenant, party?.segment ?? null);
  if (party?.subject) req.subject = party.subject;
  try {
    const version = book.select(req.answerTime);
    if (req.usage === 0) {
      return { status: 'rated', cost: '0', currency: version.plan.currency, tariffVersionId: null, breakdown: { reason: 'no billable usage' } };
    }
    const rated = rateUsage(version.compiled, req);
    return { status: 'rated', cost: rated.cost, currency: rated.currency, tariffVersionId: version.id, breakdown: rated };
  } catch (err) {
    const e = toBillingError(err);
    if (e.code === 'INTERNAL') throw e;
    return { status: 'rating_failed', code: e.code, message: e.message };
  }
}

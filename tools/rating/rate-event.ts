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

/**
 * Categories of inbound usage, charged to the called line: a tariff prices a received call or
 * message only where it has a profile and a destination for it (toll-free or premium termination:
 * destinations are the called number's prefixes; inbound roaming). Data has no caller to speak of.
 */
export const INBOUND_RATING_CATEGORY = { voice: 'inbound_call', sms: 'inbound_sms', data: 'data' } as const;

/** The subject a subscriber is rated as: their number's digits (CGRateS's account). */
export function ratingSubject(subscriber: string): string {
  return subscriber.replace(/^\+/, '').replace(/^sip:/, '').replace(/@.*$/, '');
}

/** Builds the rating request for a classified usage record. */
export function ratingRequestFor(record: UsageRecord, classification: Classification, tenant: string, segment: string | null = null): RatingRequest {
  const inbound = record.direction === 'inbound' && record.service !== 'data';
  return {
    tenant,
    category: (inbound ? INBOUND_RATING_CATEGORY : RATING_CATEGORY)[record.service],
    subject: ratingSubject(record.subscriber),
    segment,
    // What was dialled, as CGRateS's Destination: for an inbound call that is our subscriber's own number.
    destination: record.service === 'data' ? '*any' : inbound ? ratingSubject(record.subscriber) : (classification.destination ?? '*any'),
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
  // Transit is nobody's usage, and what an inbound call costs never depends on who called.
  const direction = record.direction;
  if (classification.category === 'unclassified' && direction !== 'transit' && direction !== 'inbound') return { status: 'unclassified' };
  const req = ratingRequestFor(record, classification, tenant, party?.segment ?? null);
  if (party?.subject) req.subject = party.subject;
  try {
    const version = book.select(req.answerTime);
    const zero = (reason: string): RatingOutcome => ({ status: 'rated', cost: '0', currency: version.plan.currency, tariffVersionId: null, breakdown: { reason } });
    if (direction === 'transit') return zero('transit: neither end is ours, so no subscriber is charged (interconnect only)');
    if (req.usage === 0) return zero('no billable usage');
    if (direction === 'inbound' && record.service !== 'data') {
      try {
        const rated = rateUsage(version.compiled, req);
        return { status: 'rated', cost: rated.cost, currency: rated.currency, tariffVersionId: version.id, breakdown: rated };
      } catch (err) {
        const e = toBillingError(err);
        if (e.code !== 'RATING_PLAN_NOT_FOUND' && e.code !== 'UNAUTHORIZED_DESTINATION') throw e;
        return zero(`inbound: the tariff has no ${req.category} rate for ${req.destination}, so receiving it costs nothing`);
      }
    }
    const rated = rateUsage(version.compiled, req);
    return { status: 'rated', cost: rated.cost, currency: rated.currency, tariffVersionId: version.id, breakdown: rated };
  } catch (err) {
    const e = toBillingError(err);
    if (e.code === 'INTERNAL') throw e;
    return { status: 'rating_failed', code: e.code, message: e.message };
  }
}

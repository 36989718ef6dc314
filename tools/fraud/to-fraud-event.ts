import type { Classification } from '../classify/classification.types.ts';
import { detachString } from '../classify/create-bounded-cache.ts';
import type { UsageRecord } from '../cdr/usage-record.types.ts';
import type { RatingOutcome } from '../rating/rate-event.ts';
import type { FraudEvent } from './fraud.types.ts';
import { dialledDigits } from './number-ranges.ts';

/**
 * The facts the detectors need of one accepted record (its key, its classification, its rated
 * cost if rated). The subscriber is copied out of the file's text: every detector keys a map by
 * it, and a string cut from a CDR line pins its whole chunk in memory (and is slow to hash on
 * every lookup). The key and the other party are copied only where a detector keeps them (`kept`).
 */
export function toFraudEvent(
  key: string,
  record: Pick<UsageRecord, 'service' | 'direction' | 'subscriber' | 'otherParty' | 'startTime' | 'answerTime' | 'endTime' | 'usage' | 'disposition'>,
  classification: Pick<Classification, 'category' | 'destination' | 'destinationCountry' | 'roaming'>,
  rating: (Pick<RatingOutcome, 'status'> & { cost?: string }) | null,
  /** The subscriber's name as the caller keeps it (a copy already made); copied here otherwise. */
  subscriber: string = detachString(record.subscriber),
): FraudEvent {
  const answered = record.service !== 'voice' || (record.disposition === 'answered' && record.usage > 0);
  const ringMs = record.service !== 'voice' ? null : record.answerTime !== null ? record.answerTime - record.startTime : record.endTime !== null ? record.endTime - record.startTime : null;
  const other = record.service === 'data' ? null : (classification.destination ?? (dialledDigits(record.otherParty) || null));
  return {
    key,
    subscriber,
    direction: record.direction,
    service: record.service,
    category: classification.category,
    other,
    otherCountry: classification.destinationCountry,
    roaming: classification.roaming,
    startMs: record.startTime,
    answered,
    ringMs,
    usage: record.usage,
    cost: rating?.status === 'rated' && rating.cost !== undefined ? rating.cost : null,
    line: -1,
  };
}

/** A string of an event a detector keeps beyond the event (a map key, evidence), copied out of the file's text. */
export const kept = detachString;

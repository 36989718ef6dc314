import { joinAttributes } from '../tools/cdr/split-attributes.ts';
import type { AcceptedRecord } from '../tools/cdr/ingest-sink.types.ts';
import { compactBreakdown, type CompactBreakdown } from '../tools/rating/compact-breakdown.ts';
import type { RatingOutcome } from '../tools/rating/rate-event.ts';
import { joinBreakdown, splitBreakdown } from '../tools/rating/split-breakdown.ts';
import { splitAttributes } from '../tools/cdr/split-attributes.ts';
import { type DictionaryTexts, dictionaryText } from './usage-dictionary.ts';
import type { Store } from './open-database.ts';
import type { usageEvents } from './schema.ts';

// The one place that knows the stored layout of a usage event (docs/storage.md): what is written
// (encode*) and how a stored row is read back whole (decode*). Everything else sees EventRow.

/** A usage_events row as stored. */
export type StoredEventRow = typeof usageEvents.$inferSelect;

/** A usage event as the code reads it: attributes and breakdown as whole JSON, the direction rule as text, rated_at as ISO text. */
export type EventRow = Omit<StoredEventRow, 'attributeKeys' | 'ratingTemplate' | 'ratedAt' | 'directionRule'> & { ratedAt: string | null; directionRule: string | null };

/** The stored breakdown of a rated outcome, as JSON: the compact form of a priced usage, or the reason it needed no tariff. */
export function breakdownJson(breakdown: Extract<RatingOutcome, { status: 'rated' }>['breakdown']): string {
  return JSON.stringify(storedBreakdownOf(breakdown));
}

function storedBreakdownOf(breakdown: Extract<RatingOutcome, { status: 'rated' }>['breakdown']): CompactBreakdown | { reason: string } {
  return 'spans' in breakdown ? compactBreakdown(breakdown) : (breakdown as { reason: string });
}

/**
 * A rated breakdown as stored: its template's dictionary id and this event's numbers. A reason that
 * names the event's own numbers ("no inbound_call rate for 4478…") is not shared by other events,
 * so it stays whole in the row (template null) instead of filling the dictionary.
 */
export function encodeBreakdown(breakdown: Extract<RatingOutcome, { status: 'rated' }>['breakdown'], texts: DictionaryTexts): { ratingTemplate: number | null; ratingBreakdown: string | null } {
  const split = splitBreakdown(storedBreakdownOf(breakdown));
  if (split.values === null && /\d/.test(split.template)) return { ratingTemplate: null, ratingBreakdown: split.template };
  return { ratingTemplate: texts.id(split.template), ratingBreakdown: split.values };
}

/** A record's attributes as stored: the dictionary id of their names and the JSON of their values. */
export function encodeAttributes(attributes: AcceptedRecord['record']['attributes'], texts: DictionaryTexts): { attributeKeys: number; attributes: string } {
  const split = splitAttributes(attributes);
  return { attributeKeys: texts.id(split.keys), attributes: split.values };
}

/** The stored breakdown of a row, parsed (compact or `{ reason }`), or null when it has none. */
export function decodeBreakdown(store: Store, row: Pick<StoredEventRow, 'ratingTemplate' | 'ratingBreakdown' | 'cost'>): CompactBreakdown | { reason: string } | null {
  if (row.ratingTemplate === null) return row.ratingBreakdown === null ? null : (JSON.parse(row.ratingBreakdown) as CompactBreakdown | { reason: string });
  return joinBreakdown(dictionaryText(store, row.ratingTemplate), row.ratingBreakdown, row.cost ?? '0');
}

/** The attributes of a stored row. */
export function decodeAttributes(store: Store, row: Pick<StoredEventRow, 'attributeKeys' | 'attributes'>): Record<string, string> {
  return row.attributeKeys === null ? (JSON.parse(row.attributes) as Record<string, string>) : joinAttributes(dictionaryText(store, row.attributeKeys), row.attributes);
}

/** A stored row read back whole. */
export function decodeEventRow(store: Store, row: StoredEventRow): EventRow {
  const { attributeKeys: _k, ratingTemplate: _t, ...rest } = row;
  const breakdown = decodeBreakdown(store, row);
  return {
    ...rest,
    attributes: row.attributeKeys === null ? row.attributes : JSON.stringify(decodeAttributes(store, row)),
    ratingBreakdown: breakdown === null ? null : row.ratingTemplate === null ? row.ratingBreakdown : JSON.stringify(breakdown),
    ratedAt: row.ratedAt === null ? null : new Date(row.ratedAt).toISOString(),
    directionRule: row.directionRule === null ? null : dictionaryText(store, row.directionRule),
  };
}

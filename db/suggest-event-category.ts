import { extractCallDetails, suggestCategory } from '../tools/categorise/index.ts';
import { classifyRecord } from '../tools/classify/index.ts';
import { getOperatorSettings } from './settings-store.ts';
import type { Store } from './open-database.ts';
import { tenantEvent } from './tenant-scope.ts';
import { getUsageEventRow, toRecordAndClassification } from './usage-store.ts';

/**
 * The categoriser's finding for one event: deterministic extraction first (the dialled number
 * from the switch's Dial data, classified by the operator's own rules; the trunk), then patterns
 * over free-text fields (notes, userfield) for what is left. Free text is only ever matched, never
 * followed. The result says where each part came from.
 */
export function suggestEventCategory(store: Store, tenant: string, eventId: number) {
  const event = tenantEvent(store, tenant, eventId);
  const attributes = event.attributes;
  const extracted = extractCallDetails(attributes);
  let fromDialled: { category: string; destination: string | null; reason: string | null } | null = null;
  if (extracted.dialledNumber && extracted.dialledNumber !== event.otherParty) {
    const row = getUsageEventRow(store, eventId)!;
    const { record } = toRecordAndClassification(row);
    const c = classifyRecord({ ...record, otherParty: extracted.dialledNumber }, getOperatorSettings(store));
    fromDialled = { category: c.category, destination: c.destination, reason: c.reason ?? null };
  }
  const fromText = suggestCategory({ notes: attributes.notes ?? null, userfield: attributes.userfield ?? null, otherParty: event.otherParty, extracted });
  const proposed =
    fromDialled && fromDialled.category !== 'unclassified'
      ? { category: fromDialled.category, confidence: 'high' as const, source: 'dialled number from the switch data, classified by the operator rules' }
      : fromText
        ? { category: fromText.category, confidence: fromText.confidence, source: 'patterns in free-text fields' }
        : null;
  return {
    eventId: event.id,
    current: { category: event.category, status: event.status, reason: event.classificationReason, otherParty: event.otherParty },
    extracted,
    fromDialledNumber: fromDialled,
    fromText,
    proposed,
    changesCategory: proposed !== null && proposed.category !== event.category,
  };
}

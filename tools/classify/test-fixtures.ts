// Shared builders for the classification tests (not part of the public API).
import type { UsageRecord } from '../cdr/usage-record.types.ts';
import { operatorSettingsSchema, type OperatorSettings } from './classification.types.ts';

/** A voice record from a home subscriber with no network evidence, overridable per test. */
export function makeRecord(otherParty: string, overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    sourceId: null,
    service: 'voice',
    direction: 'outbound',
    subscriber: '447700123456',
    otherParty,
    imsi: null,
    servingNetwork: null,
    visitedCountry: null,
    startTime: 1_700_000_000_000,
    answerTime: 1_700_000_001_000,
    endTime: 1_700_000_061_000,
    duration: 61_000,
    usage: 60_000,
    disposition: 'answered',
    attributes: {},
    ...overrides,
  };
}

/** Settings parsed through the real schema so defaults (emergency numbers, short-code length) apply. */
export function makeSettings(input: Record<string, unknown>): OperatorSettings {
  return operatorSettingsSchema.parse(input);
}

/** A GB operator in London with a PBX range, an outside-line "9" and its own network 234-15. */
export const GB_SETTINGS = makeSettings({
  homeCountry: 'GB',
  localAreaPrefixes: ['20'],
  internalExtensions: ['1000-1999'],
  trunkPrefixes: ['9'],
  homeNetworks: ['23415'],
  onNetPrefixes: ['447400'],
});

/** A NANP operator in New York. */
export const US_SETTINGS = makeSettings({
  homeCountry: 'US',
  localAreaPrefixes: ['212', '646'],
  trunkPrefixes: ['9'],
  homeNetworks: ['310260'],
  internalExtensions: ['200-299'],
});

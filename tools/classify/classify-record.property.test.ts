import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callCategorySchema, roamingSchema } from './classification.types.ts';
import { classifyRecord, createRecordClassifier } from './classify-record.ts';
import { GB_SETTINGS, US_SETTINGS, makeRecord } from './test-fixtures.ts';

// Arbitrary text, plus strings shaped like dialled numbers so the parsing paths are exercised too.
const otherParty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.stringMatching(/^(?:sip:)?\+?[0-9 ()*#-]{0,22}(?:@[a-z.]{1,10})?$/),
  fc.constantFrom('020 7946 0123', '9999', '1001', '+12125550123', '0800123456', 'abc', ''),
);
const networkText = fc.option(fc.oneof(fc.string({ maxLength: 16 }), fc.stringMatching(/^\d{3}[- ]?\d{2,3}$/)), { nil: null });
const imsi = fc.option(fc.oneof(fc.string({ maxLength: 20 }), fc.stringMatching(/^\d{6,15}$/)), { nil: null });
const record = fc.record({
  otherParty,
  service: fc.constantFrom('voice', 'sms', 'data') as fc.Arbitrary<'voice' | 'sms' | 'data'>,
  servingNetwork: networkText,
  visitedCountry: fc.option(fc.string({ maxLength: 4 }), { nil: null }),
  imsi,
});
const settings = fc.constantFrom(GB_SETTINGS, US_SETTINGS);

describe('classifyRecord properties', () => {
  it('never throws, is deterministic, memo-independent and internally consistent', () => {
    const unmemoised = createRecordClassifier({ cacheSize: 0 });
    fc.assert(
      fc.property(record, settings, (fields, s) => {
        const r = makeRecord(fields.otherParty, fields);
        const first = classifyRecord(r, s);
        expect(classifyRecord(r, s)).toEqual(first);
        expect(unmemoised(r, s)).toEqual(first);

        expect(callCategorySchema.safeParse(first.category).success).toBe(true);
        expect(roamingSchema.safeParse(first.roaming).success).toBe(true);
        // A reason exactly when unclassified; a destination whenever classified as a call.
        expect(first.reason !== null).toBe(first.category === 'unclassified');
        const hasDestination = first.category !== 'unclassified' && first.category !== 'data';
        expect(first.destination !== null).toBe(hasDestination);
        if (first.destinationCountry !== null) expect(first.destinationCountry).toMatch(/^[A-Z]{2}$/);
      }),
      { numRuns: 2000 },
    );
  });
});

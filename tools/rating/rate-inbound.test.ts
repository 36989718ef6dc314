import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../cdr/usage-record.types.ts';
import type { Classification } from '../classify/classification.types.ts';
import { TEST_TARIFF_YAML } from '../charging/testing/charging-fixtures.ts';
import { loadNativeTariff } from './load-native-tariff.ts';
import { rateEvent } from './rate-event.ts';
import { createTariffBook } from './tariff-book.ts';

// The test tariff plus what a termination tariff adds: received calls on our 0800 lines cost the line 2p a
// minute, per second (0.00033 a second at the engine's five general decimals: 120 s is 0.0396).
const WITH_TOLL_FREE = TEST_TARIFF_YAML.replace('destinations:\n', 'destinations:\n  DST_TOLL_FREE: ["44800"]\n')
  .replace('rates:\n', 'rates:\n  RT_TERMINATION: { rate: "0.02", rateUnit: 1m, rateIncrement: 1s }\n')
  .replace('destinationRates:\n', 'destinationRates:\n  DR_TERMINATION: { destinationId: DST_TOLL_FREE, rateId: RT_TERMINATION, roundingMethod: up, roundingDecimals: 4 }\n')
  .replace('ratingPlans:\n', 'ratingPlans:\n  RP_INBOUND: { destinationRateId: DR_TERMINATION }\n')
  .replace('ratingProfiles:\n', 'ratingProfiles:\n  - { tenant: t, category: inbound_call, subject: "*any", activationTime: 2020-01-01T00:00:00Z, ratingPlanId: RP_INBOUND }\n');
const book = (yaml: string) => createTariffBook([{ id: 1, name: 'test', version: 1, effectiveFrom: 0, plan: loadNativeTariff(yaml).plan }]);

const AT = Date.UTC(2025, 2, 13, 10);
function call(direction: UsageRecord['direction'], subscriber: string, otherParty: string): UsageRecord {
  return {
    sourceId: null,
    service: 'voice',
    direction,
    subscriber,
    otherParty,
    imsi: null,
    servingNetwork: null,
    visitedCountry: null,
    startTime: AT,
    answerTime: AT,
    endTime: AT + 120_000,
    duration: 120_000,
    usage: 120_000,
    disposition: 'answered',
    attributes: {},
  };
}
const MOBILE_CALLER: Classification = { category: 'mobile', roaming: 'none', destination: '447812345678', destinationCountry: 'GB', reason: null };

describe('rating by direction', () => {
  it('prices an inbound call only where the tariff has an inbound rate for the called line (toll-free termination)', () => {
    const r = rateEvent(book(WITH_TOLL_FREE), call('inbound', '448001234567', '+447812345678'), MOBILE_CALLER, 't');
    expect(r).toMatchObject({ status: 'rated', cost: '0.0396', tariffVersionId: 1 });
    expect(r.status === 'rated' && 'profile' in r.breakdown ? [r.breakdown.profile.category, r.breakdown.matchedPrefix] : null).toEqual(['inbound_call', '44800']);
  });

  it('charges nothing for an inbound call the tariff has no rate for, and says why', () => {
    for (const yaml of [TEST_TARIFF_YAML, WITH_TOLL_FREE]) {
      expect(rateEvent(book(yaml), call('inbound', '447700900123', '+447812345678'), MOBILE_CALLER, 't')).toEqual({
        status: 'rated',
        cost: '0',
        currency: 'GBP',
        tariffVersionId: null,
        breakdown: { reason: 'inbound: the tariff has no inbound_call rate for 447700900123, so receiving it costs nothing' },
      });
    }
  });

  it('rates an inbound call from a caller no rule classifies (a withheld number): who called never sets the price', () => {
    const unclassified: Classification = { category: 'unclassified', roaming: 'none', destination: null, destinationCountry: null, reason: 'no other party' };
    expect(rateEvent(book(TEST_TARIFF_YAML), call('inbound', '447700900123', 'anonymous'), unclassified, 't')).toMatchObject({ status: 'rated', cost: '0' });
  });

  it('never charges transit, even where the tariff would price the call', () => {
    const r = rateEvent(book(TEST_TARIFF_YAML), call('transit', '22245000100', '447812345678'), MOBILE_CALLER, 't');
    expect(r).toEqual({ status: 'rated', cost: '0', currency: 'GBP', tariffVersionId: null, breakdown: { reason: 'transit: neither end is ours, so no subscriber is charged (interconnect only)' } });
  });

  it('prices outbound and on-net calls made by the subscriber as before', () => {
    for (const direction of ['outbound', 'onnet'] as const) {
      expect(rateEvent(book(TEST_TARIFF_YAML), call(direction, '447700900123', '+447812345678'), MOBILE_CALLER, 't')).toMatchObject({ status: 'rated', cost: '0.17' });
    }
  });
});

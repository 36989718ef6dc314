import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plausibilityWindow } from '../cdr/check-record-plausibility.ts';
import { createParser } from '../cdr/create-parser.ts';
import { classifyRecord, directionRulesFor, operatorSettingsSchema } from '../classify/index.ts';
import { createTariffBook, loadNativeTariff, rateEvent } from '../rating/index.ts';
import type { RatedCost } from '../rating/tariff.types.ts';
import { billingPeriod } from './billing-period.ts';
import { chargePeriod } from './charge-period.ts';
import type { ChargeableEvent, ChargeInput } from './charging.types.ts';
import { TEST_TARIFF_YAML, testAccount, testCatalog, testCustomer, testLine } from './testing/charging-fixtures.ts';

// The operator serves 07700 9xxxxx and extensions 1000-1999; the test tariff prices every call made.
const WITH_RANGES = operatorSettingsSchema.parse({ tenant: 't', homeCountry: 'GB', onNetPrefixes: ['4477009'], internalExtensions: ['1000-1999'] });
const WITHOUT_RANGES = operatorSettingsSchema.parse({ tenant: 't', homeCountry: 'GB' });
const BOOK = createTariffBook([{ id: 1, name: 'test-uk', version: 1, effectiveFrom: 0, plan: loadNativeTariff(TEST_TARIFF_YAML).plan }]);
const WINDOW = plausibilityWindow(Date.UTC(2025, 5, 1));
const CALLER_LINE = '447700900123';

const CONTEXTS = ['from-pstn', 'from-trunk', 'from-subscribers', 'from-internal', 'ext-local', 'public', 'default', 'macro-dial', 'custom-ivr'];
const OTHERS = ['447700900456', '07700900456', '22245000100', '+22245000100', '441614960123', '01614960123', '4915112345678', '1002', '00447700900456'];

const line = (src: string, dst: string, dcontext: string, seq: number, billsec: number) =>
  [
    '""',
    `"${src}"`,
    `"${dst}"`,
    `"${dcontext}"`,
    `"<${src}>"`,
    '"PJSIP/a-00000001"',
    '"PJSIP/b-00000002"',
    '"Dial"',
    '"PJSIP/b,30"',
    '"2025-03-13 10:00:00"',
    '"2025-03-13 10:00:05"',
    `"2025-03-13 10:${String(Math.floor((5 + billsec) / 60)).padStart(2, '0')}:${String((5 + billsec) % 60).padStart(2, '0')}"`,
    String(5 + billsec),
    String(billsec),
    '"ANSWERED"',
    '"DOCUMENTATION"',
    `"1741860000.${seq}"`,
    '""',
  ].join(',');

function charge(events: ChargeableEvent[]) {
  const input: ChargeInput = {
    catalog: testCatalog(),
    customer: testCustomer(),
    account: testAccount(),
    period: billingPeriod('2025-03', 1, 'UTC'),
    timezone: 'UTC',
    subscriptions: [testLine('L1', CALLER_LINE, [['PLAN_10', '2025-01-01']])],
    events,
    carriedIn: [],
    splitDates: [],
  };
  const r = chargePeriod(input);
  return { usage: r.lines.filter((l) => l.section === 'usage'), summary: r.usageSummary };
}

describe('no inbound or transit record is ever charged to the calling number (property)', () => {
  it("charging every record of the caller's line equals charging only the calls it made", () => {
    const call = fc.record({ context: fc.constantFrom(...CONTEXTS), inward: fc.boolean(), other: fc.constantFrom(...OTHERS), billsec: fc.integer({ min: 1, max: 1200 }) });
    fc.assert(
      fc.property(fc.array(call, { minLength: 1, maxLength: 12 }), fc.boolean(), (calls, ranges) => {
        const settings = ranges ? WITH_RANGES : WITHOUT_RANGES;
        const parser = createParser('asterisk', { timezone: 'UTC', plausibility: WINDOW, direction: directionRulesFor(settings) });
        const events: ChargeableEvent[] = [];
        calls.forEach((c, i) => {
          // Our line is the calling number in half the calls, the called one in the rest.
          const [src, dst] = c.inward ? [c.other, CALLER_LINE] : [CALLER_LINE, c.other];
          const outcome = parser.parseLine(line(src, dst, c.context, i, c.billsec), i + 1);
          if (outcome.kind !== 'record') return;
          const r = outcome.record;
          // The direction step never leaves the caller as the billed party of an inbound call.
          if (r.direction === 'inbound') expect(r.subscriber).toBe(dst);
          const classification = classifyRecord(r, settings);
          const rated = rateEvent(BOOK, r, classification, 't');
          if (rated.status !== 'rated') return;
          if (r.direction === 'transit') expect(rated.cost).toBe('0');
          const breakdown = 'reason' in rated.breakdown ? null : (rated.breakdown as RatedCost);
          events.push({
            id: i + 1,
            subscriber: r.subscriber,
            service: r.service,
            direction: r.direction,
            category: classification.category,
            roaming: classification.roaming,
            startTime: r.startTime,
            answerTime: r.answerTime,
            usage: r.usage,
            cost: rated.cost,
            breakdown,
            tariffRows: [],
            tariffVersionId: rated.tariffVersionId,
          });
        });
        // What the line made (and received calls the tariff prices, none in the test tariff).
        const made = events.filter((e) => ((e.direction === 'outbound' || e.direction === 'onnet') && e.subscriber === CALLER_LINE) || (e.direction === 'inbound' && e.cost !== '0'));
        expect(charge(events)).toEqual(charge(made));
      }),
      { numRuns: 150 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { dec, ZERO } from '../money/index.ts';
import { billingPeriod } from './billing-period.ts';
import { chargePeriod } from './charge-period.ts';
import type { ChargeInput, ChargeLine } from './charging.types.ts';
import { ratedEvent, testAccount, testCatalog, testCustomer, testLine } from './testing/charging-fixtures.ts';

const MARCH = billingPeriod('2025-03', 1, 'UTC');

function input(over: Partial<ChargeInput>): ChargeInput {
  return {
    catalog: testCatalog(),
    customer: testCustomer(),
    account: testAccount(),
    subscriptions: [],
    period: MARCH,
    timezone: 'UTC',
    events: [],
    carriedIn: [],
    splitDates: [],
    ...over,
  };
}
const amounts = (lines: ChargeLine[], section?: string) => lines.filter((l) => !section || l.section === section).map((l) => l.amount);
const total = (lines: ChargeLine[]) => lines.reduce((s, l) => s.plus(l.amount), ZERO).toFixed(2);

describe('chargePeriod: golden cases computed by hand', () => {
  it('prorates the monthly fee by days for a line starting mid-period', () => {
    const r = chargePeriod(input({ subscriptions: [testLine('L1', '447700900123', [['PLAN_10', '2025-03-17']])] }));
    // 10.00 x 15/31 = 4.8387… -> 4.84
    expect(amounts(r.lines)).toEqual(['4.84']);
    expect(r.lines[0]!.description).toBe('Talk 10 monthly fee, 2025-03-17 to 2025-03-31 (15 of 31 days)');
    // the allowance is prorated too: 10 min x 15/31 = 290,322 ms (rounded down)
    expect(r.ledger.find((l) => l.allowanceId === 'UK_MIN')!.granted).toBe(290_322);
  });

  it('prorates both plans when a line changes plan mid-period', () => {
    const line = testLine('L1', '447700900123', [
      ['PLAN_10', '2025-01-10'],
      ['PLAN_31', '2025-03-11'],
    ]);
    const r = chargePeriod(input({ subscriptions: [line] }));
    // 10.00 x 10/31 = 3.2258 -> 3.23; 31.00 x 21/31 = 21.00
    expect(amounts(r.lines)).toEqual(['3.23', '21.00']);
    expect(r.lines.map((l) => l.servicePeriod)).toEqual([
      { from: '2025-03-01', to: '2025-03-11' },
      { from: '2025-03-11', to: '2025-04-01' },
    ]);
  });

  it('splits a call that exhausts the allowance: covered part free, the rest priced as its continuation without a second connect fee', () => {
    const me = '447700900123';
    const events = [
      ratedEvent(me, 'voice', '2025-03-03T10:00:00Z', 480), // 0.05 + 8 x 0.06 = 0.53, fully covered
      ratedEvent(me, 'voice', '2025-03-04T10:00:00Z', 300), // 0.35 rated; 120 s covered, 180 s x 0.06/60 = 0.18
      ratedEvent(me, 'voice', '2025-03-05T10:00:00Z', 60), // 0.11, allowance gone
    ];
    expect(events.map((e) => e.cost)).toEqual(['0.53', '0.35', '0.11']);
    const r = chargePeriod(input({ subscriptions: [testLine('L1', me, [['PLAN_10', '2025-01-01']])], events }));
    const usage = r.lines.find((l) => l.section === 'usage')!;
    expect(usage.amount).toBe('0.29');
    expect(usage.provenance.usageEvents.map((e) => [e.charged, e.covered])).toEqual([
      ['0', 480_000],
      ['0.18', 120_000],
      ['0.11', 0],
    ]);
    expect(r.ledger.find((l) => l.allowanceId === 'UK_MIN')).toMatchObject({ granted: 600_000, used: 600_000 });
    expect(total(r.lines)).toBe('10.29');
  });

  it('rolls unused SMS over (capped) and spends carried units first', () => {
    const me = '447700900123';
    const line = testLine('L1', me, [['PLAN_10', '2025-01-01']]);
    const feb = chargePeriod(input({ period: billingPeriod('2025-02', 1, 'UTC'), subscriptions: [line], events: [ratedEvent(me, 'sms', '2025-02-10T09:00:00Z', 30)] }));
    // 70 unused, capped at 50, usable through March
    expect(feb.carriedOut).toEqual([{ subscriptionId: 'L1', allowanceId: 'SMS_100', units: 50, validThrough: '2025-03' }]);
    const events = [ratedEvent(me, 'sms', '2025-03-02T09:00:00Z', 60), ratedEvent(me, 'sms', '2025-03-03T09:00:00Z', 60)];
    const mar = chargePeriod(input({ subscriptions: [line], events, carriedIn: feb.carriedOut }));
    expect(amounts(mar.lines, 'usage')).toEqual(['0.00']);
    expect(mar.ledger.find((l) => l.allowanceId === 'SMS_100')).toEqual({ subscriptionId: 'L1', allowanceId: 'SMS_100', service: 'sms', granted: 100, carriedIn: 50, used: 120, carriedOut: 30 });
    expect(mar.carriedOut).toEqual([{ subscriptionId: 'L1', allowanceId: 'SMS_100', units: 30, validThrough: '2025-04' }]);
    // an unused carry expires after its last period; only the fresh carry moves on
    const idle = chargePeriod(input({ subscriptions: [line], carriedIn: feb.carriedOut }));
    expect(idle.carriedOut).toEqual([{ subscriptionId: 'L1', allowanceId: 'SMS_100', units: 50, validThrough: '2025-04' }]);
  });

  it('stacks a promotion and two discounts in the documented order', () => {
    const catalog = testCatalog({
      promotions: [{ id: 'HALF', name: 'Half price for 3 months', kind: 'percent_off_recurring', percent: '50', periods: 3, eligibility: { plans: ['PLAN_20'] } }],
      discounts: [
        { id: 'MULTI', name: 'Multi-line 10%', kind: 'multi_line', minLines: 2, percent: '10', sequence: 10 },
        { id: 'LOYAL', name: 'Loyalty 5%', kind: 'loyalty', minTenureMonths: 24, percent: '5', sequence: 20 },
      ],
    });
    const subs = [testLine('L1', '447700900001', [['PLAN_20', '2025-02-01']]), testLine('L2', '447700900002', [['PLAN_10', '2024-01-01']])];
    const r = chargePeriod(input({ catalog, customer: testCustomer({ customerSince: '2022-01-01' }), subscriptions: subs }));
    // L1: 20.00 - 50% = 10.00, - 10% = 9.00, - 5% = 8.55; L2: 10.00 - 10% = 9.00, - 5% = 8.55
    expect(amounts(r.lines, 'plans')).toEqual(['20.00', '10.00']);
    expect(amounts(r.lines, 'promotions')).toEqual(['-10.00']);
    expect(r.lines.filter((l) => l.section === 'discounts').map((l) => [l.id, l.amount])).toEqual([
      ['disc:MULTI:rec:L1:2025-03-01', '-1.00'],
      ['disc:MULTI:rec:L2:2025-03-01', '-1.00'],
      ['disc:LOYAL:rec:L1:2025-03-01', '-0.45'],
      ['disc:LOYAL:rec:L2:2025-03-01', '-0.45'],
    ]);
    expect(total(r.lines)).toBe('17.10');
    // the promotion ends after the line's third period (May); loyalty needs 24 months of tenure
    const june = chargePeriod(input({ catalog, customer: testCustomer({ customerSince: '2024-01-01' }), subscriptions: subs, period: billingPeriod('2025-06', 1, 'UTC') }));
    expect(amounts(june.lines, 'promotions')).toEqual([]);
    expect(june.lines.filter((l) => l.section === 'discounts').map((l) => l.id)).toEqual(['disc:MULTI:rec:L1:2025-06-01', 'disc:MULTI:rec:L2:2025-06-01']);
  });

  it('gives a fixed multi-line discount per line, spread by amount', () => {
    const catalog = testCatalog({ discounts: [{ id: 'M3', name: '2.00 off per line', kind: 'multi_line', minLines: 3, amount: '2.00' }] });
    const subs = ['1', '2', '3'].map((n) => testLine(`L${n}`, `44770090000${n}`, [['PLAN_10', '2024-01-01']]));
    const r = chargePeriod(input({ catalog, subscriptions: subs }));
    expect(amounts(r.lines, 'discounts')).toEqual(['-2.00', '-2.00', '-2.00']);
    expect(total(r.lines)).toBe('24.00');
    // two lines do not qualify
    expect(amounts(chargePeriod(input({ catalog, subscriptions: subs.slice(0, 2) })).lines, 'discounts')).toEqual([]);
  });

  it('bills a zero-usage month as the fee alone', () => {
    const r = chargePeriod(input({ subscriptions: [testLine('L1', '447700900123', [['PLAN_10', '2024-01-01']])] }));
    expect(r.lines.map((l) => [l.section, l.amount])).toEqual([['plans', '10.00']]);
    expect(r.usageSummary).toEqual([]);
    expect(r.ledger.every((l) => l.used === 0)).toBe(true);
  });

  it('rounds to whole yen in a zero-decimal currency', () => {
    const catalog = testCatalog({ currency: 'JPY', plans: [{ id: 'PLAN_JP', name: 'Basic', recurringFee: '2980' }], oneTimeCharges: [] });
    const r = chargePeriod(input({ catalog, account: testAccount({ currency: 'JPY' }), subscriptions: [testLine('L1', '818012345678', [['PLAN_JP', '2025-03-17']])] }));
    // 2980 x 15/31 = 1441.935… -> 1442
    expect(amounts(r.lines)).toEqual(['1442']);
  });

  it('bills activation in the start period and device instalments that add up exactly', () => {
    const line = testLine('L1', '447700900123', [['PLAN_20', '2025-03-17']], { orders: [{ chargeId: 'PHONE', period: '2025-03' }] });
    const r = chargePeriod(input({ subscriptions: [line] }));
    // 20.00 x 15/31 = 9.677 -> 9.68; activation 25.00; instalment 1 of 24 of 249.99 (15 x 10.42 + 9 x 10.41)
    expect(r.lines.map((l) => [l.description, l.amount])).toEqual([
      ['Unlimited 20 monthly fee, 2025-03-17 to 2025-03-31 (15 of 31 days)', '9.68'],
      ['Activation fee', '25.00'],
      ['Handset (instalment 1 of 24)', '10.42'],
    ]);
    let sum = ZERO;
    for (let k = 0; k < 26; k++) {
      const month = chargePeriod(input({ subscriptions: [line], period: billingPeriod(`${2025 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`, 1, 'UTC') }));
      sum = month.lines.filter((l) => l.description.startsWith('Handset')).reduce((s, l) => s.plus(l.amount), sum);
    }
    expect(sum.toFixed(2)).toBe('249.99');
  });

  it('credits weekend calls and on-net calls by promotion', () => {
    const catalog = testCatalog({
      promotions: [
        { id: 'WKND', name: 'Free weekend calls', kind: 'free_weekend_calls', eligibility: { plans: ['PLAN_31'] } },
        { id: 'ONNET', name: 'Free calls to our network', kind: 'free_on_net_calls', eligibility: { plans: ['PLAN_31'] } },
      ],
    });
    const me = '447700900123';
    const events = [
      ratedEvent(me, 'voice', '2025-03-01T12:00:00Z', 60), // Saturday, 0.11
      ratedEvent(me, 'voice', '2025-03-03T12:00:00Z', 60), // Monday, 0.11
      ratedEvent(me, 'voice', '2025-03-04T12:00:00Z', 120, '447400123456'), // on-net, 0.06
    ];
    const r = chargePeriod(input({ catalog, subscriptions: [testLine('L1', me, [['PLAN_31', '2024-01-01']])], events }));
    expect(amounts(r.lines, 'usage')).toEqual(['0.22', '0.06']);
    expect(amounts(r.lines, 'promotions').sort()).toEqual(['-0.06', '-0.11']);
    expect(total(r.lines)).toBe('31.11');
  });

  it('splits lines at a tax-rate change date', () => {
    const me = '447700900123';
    const events = [ratedEvent(me, 'sms', '2025-03-05T09:00:00Z', 1), ratedEvent(me, 'sms', '2025-03-20T09:00:00Z', 1)];
    const r = chargePeriod(input({ subscriptions: [testLine('L1', me, [['PLAN_31', '2024-01-01']])], events, splitDates: ['2025-03-15'] }));
    // 31.00 x 14/31 = 14.00 and x 17/31 = 17.00; SMS 0.10 on each side
    expect(r.lines.map((l) => [l.section, l.servicePeriod.from, l.amount])).toEqual([
      ['plans', '2025-03-01', '14.00'],
      ['plans', '2025-03-15', '17.00'],
      ['usage', '2025-03-01', '0.10'],
      ['usage', '2025-03-15', '0.10'],
    ]);
  });

  it('is deterministic: the same input gives the same result', () => {
    const me = '447700900123';
    const make = () => input({ subscriptions: [testLine('L1', me, [['PLAN_10', '2024-01-01']])], events: [ratedEvent(me, 'data', '2025-03-02T09:00:00Z', 5 * 1_048_576)] });
    const a = make();
    expect(chargePeriod(a)).toEqual(chargePeriod(structuredClone(a)));
  });

  it('refuses a line on a plan the catalog does not have', () => {
    expect(() => chargePeriod(input({ subscriptions: [testLine('L1', '447700900123', [['NOPE', '2024-01-01']])] }))).toThrow(/plan NOPE/);
  });

  it('keeps each line amount on the currency minor unit', () => {
    const me = '447700900123';
    const events = Array.from({ length: 7 }, (_, i) => ratedEvent(me, 'voice', `2025-03-1${i}T10:00:00Z`, 61 + i, '441234567890'));
    const r = chargePeriod(input({ subscriptions: [testLine('L1', me, [['PLAN_31', '2024-01-01']])], events }));
    for (const l of r.lines) expect(dec(l.amount).decimalPlaces()).toBeLessThanOrEqual(2);
  });
});

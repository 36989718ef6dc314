import { describe, expect, it } from 'vitest';
import { dec, roundDecimal } from '../../money/index.ts';
import { MESSAGE_THRESHOLDS } from './message-thresholds.ts';
import { usageByLineService, usageChangeMessages, type EarlierPeriodUsage } from './usage-change.ts';

const line = { subscriptionId: 'L1', msisdn: '447700900123', label: null, eligible: true };
const EARLIER = ['2025-02', '2025-01', '2024-12'];
const data = (mb: string) => ({ subscriptionId: 'L1', unitCode: '4L', quantity: mb });
const voice = (min: string) => ({ subscriptionId: 'L1', unitCode: 'MIN', quantity: min });
const history = (perPeriod: Array<Array<{ subscriptionId: string; unitCode: string; quantity: string }>>): EarlierPeriodUsage[] => perPeriod.map((lines, i) => ({ period: EARLIER[i]!, lines }));

describe('usageByLineService', () => {
  it('sums usage lines per line and service exactly, and ignores lines of no service or no line', () => {
    const sums = usageByLineService([data('100.25'), data('0.75'), voice('12.5'), { subscriptionId: null, unitCode: '4L', quantity: '5' }, { subscriptionId: 'L1', unitCode: 'MON', quantity: '1' }]);
    expect([...sums].map(([k, v]) => [k, v.toString()])).toEqual([
      ['L1|data', '101'],
      ['L1|voice', '12.5'],
    ]);
  });
});

describe('usageChangeMessages', () => {
  it('compares this period with the mean of the three before, in GB from 1,024 MB, the percent rounded once', () => {
    const earlier = ['2300.50', '2100.00', '2650.25'];
    const current = '3174.40';
    const [m] = usageChangeMessages({ earlierPeriods: EARLIER, lines: [line], current: [data(current)], history: history(earlier.map((q) => [data(q)])) });
    const average = earlier.reduce((s, q) => s.plus(q), dec(0)).div(3);
    const change = dec(current).minus(average).div(average).times(100);
    expect(m).toMatchObject({
      kind: 'usage_change',
      service: 'data',
      figures: {
        current: { value: roundDecimal(dec(current).div(1024), 1, 'middle').toFixed(1), unit: 'GB' },
        average: { value: roundDecimal(average.div(1024), 1, 'middle').toFixed(1), unit: 'GB' },
        change: { value: roundDecimal(change, 0, 'middle').toFixed(0), unit: '%' },
      },
    });
    // The same figures written out: 3174.40 / 1024 = 3.1 GB, 2350.25 / 1024 = 2.3 GB, +35.07% -> 35.
    expect(m!.figures).toMatchObject({ current: { value: '3.1' }, average: { value: '2.3' }, change: { value: '35' } });
    expect(m).toMatchObject({ figures: { average: { source: expect.stringContaining('2024-12, 2025-01, 2025-02') } } });
  });

  it('reports a drop with a negative change, in minutes for calls', () => {
    const [m] = usageChangeMessages({ earlierPeriods: EARLIER, lines: [line], current: [voice('40')], history: history([[voice('60')], [voice('50')], [voice('70')]]) });
    // Average 60 min, now 40: -33.33% -> -33.
    expect(m).toMatchObject({ service: 'voice', figures: { current: { value: '40', unit: 'min' }, average: { value: '60', unit: 'min' }, change: { value: '-33' } } });
  });

  it('counts a billed period without usage as zero', () => {
    const [m] = usageChangeMessages({ earlierPeriods: EARLIER, lines: [line], current: [voice('80')], history: history([[voice('60')], [], [voice('90')]]) });
    expect(m!.figures).toMatchObject({ average: { value: '50' }, change: { value: '60' } });
  });

  it('shows nothing below the thresholds', () => {
    const min = MESSAGE_THRESHOLDS.usageChangePercent;
    // A change just under the threshold: average 100 min, now 100 + (threshold - 0.01)%.
    const under = dec(100).plus(dec(min).minus('0.01')).toString();
    const full = history([[voice('100')], [voice('100')], [voice('100')]]);
    expect(usageChangeMessages({ earlierPeriods: EARLIER, lines: [line], current: [voice(under)], history: full })).toEqual([]);
    expect(usageChangeMessages({ earlierPeriods: EARLIER, lines: [line], current: [voice(String(100 + min))], history: full })).toHaveLength(1);
    // An average under the service's minimum: 10 -> 29 minutes is +190%, but on too little to say.
    const small = history([[voice('10')], [voice('10')], [voice('10')]]);
    expect(usageChangeMessages({ earlierPeriods: EARLIER, lines: [line], current: [voice('29')], history: small })).toEqual([]);
    // Two earlier periods only, or a line not eligible (not active all along).
    expect(usageChangeMessages({ earlierPeriods: EARLIER, lines: [line], current: [voice('200')], history: full.slice(0, 2) })).toEqual([]);
    expect(usageChangeMessages({ earlierPeriods: EARLIER, lines: [{ ...line, eligible: false }], current: [voice('200')], history: full })).toEqual([]);
  });
});

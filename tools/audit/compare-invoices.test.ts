import { describe, expect, it } from 'vitest';
import { BillingError } from '../errors.ts';
import { compareInvoices } from './compare-invoices.ts';
import { lineMatchKey } from './match-line-key.ts';
import { eeJune, gbFebruary, gbMarch } from './testing/billed-invoices.ts';

describe('compareInvoices: February against March of one GB account', () => {
  // February 32.11 + 6.42 = 38.53; March 35.12 + 7.02 = 42.14 (billed-invoices.ts has the sums)
  const c = compareInvoices(gbFebruary(), gbMarch());

  it('gives the totals and their change', () => {
    expect(c.before).toMatchObject({ number: 'INV-000041', period: '2025-02', subtotal: '32.11', taxTotal: '6.42', total: '38.53' });
    expect(c.after).toMatchObject({ number: 'INV-000042', period: '2025-03', total: '42.14' });
    expect(c.delta).toEqual({ subtotal: '3.01', taxTotal: '0.60', total: '3.61' });
    expect(c.sections).toEqual([
      { section: 'plans', before: '31.00', after: '31.00', delta: '0.00' },
      { section: 'usage', before: '1.11', after: '4.12', delta: '3.01' },
    ]);
  });

  it('matches lines across periods by subscription and what they charge, not by date', () => {
    expect(c.lines.map((l) => [l.key, l.before, l.after, l.delta, l.presence])).toEqual([
      ['rec:L1', '31.00', '31.00', '0.00', 'both'],
      ['use:L1:sms:mobile:none', '0.00', '0.20', '0.20', 'only_after'],
      ['use:L1:voice:international:none', '1.00', '3.50', '2.50', 'both'],
      ['use:L1:voice:mobile:none', '0.11', '0.42', '0.31', 'both'],
    ]);
    expect(c.lines[0]).toMatchObject({ beforeIds: ['rec:L1:2025-02-01'], afterIds: ['rec:L1:2025-03-01'] });
    expect(c.onlyAfter).toEqual(['use:L1:sms:mobile:none']);
    expect(c.onlyBefore).toEqual([]);
  });

  it('compares the usage summary by service and category', () => {
    // international: 2 x 60 s = 2 min in February; 60 + 60 + 61 + 120 + 30 = 331 s = 5.52 min in March
    expect(c.usage.find((u) => u.category === 'international')).toEqual({
      service: 'voice',
      category: 'international',
      unit: 'min',
      before: { events: 2, quantity: '2', amount: '1.00' },
      after: { events: 5, quantity: '5.52', amount: '3.50' },
      delta: { events: 3, quantity: '3.52', amount: '2.50' },
    });
  });

  it('finds the line that rose most first, and says why in numbers', () => {
    const lines = c.causes.filter((k) => k.kind === 'line');
    expect(lines[0]).toEqual({
      kind: 'line',
      key: 'use:L1:voice:international:none',
      delta: '2.50',
      sentence: 'International voice usage on 447700900123 rose from 1.00 to 3.50 (+2.50): 3 more calls',
    });
    expect(c.causes.map((k) => [k.kind, k.key, k.delta])).toEqual([
      ['line', 'use:L1:voice:international:none', '2.50'],
      ['usage', 'voice:international', '2.50'],
      ['line', 'use:L1:voice:mobile:none', '0.31'],
      ['usage', 'voice:mobile', '0.31'],
      ['line', 'use:L1:sms:mobile:none', '0.20'],
      ['usage', 'sms:mobile', '0.20'],
    ]);
    expect(c.causes[1]!.sentence).toBe('International voice usage rose from 1.00 to 3.50 (+2.50): 3 more calls (+3.52 min)');
    expect(c.causes[4]!.sentence).toBe('Mobile SMS usage on 447700900123 is new: 0.20 (+0.20): 2 more messages');
  });

  it('reads the other way round as falls and lines no longer charged', () => {
    const back = compareInvoices(gbMarch(), gbFebruary());
    expect(back.delta.total).toBe('-3.61');
    expect(back.onlyBefore).toEqual(['use:L1:sms:mobile:none']);
    expect(back.causes[0]!.sentence).toBe('International voice usage on 447700900123 fell from 3.50 to 1.00 (-2.50): 3 fewer calls');
  });
});

describe('compareInvoices: edge cases', () => {
  it('adds up lines split inside a period under one key, and finds nothing to explain in a document against itself', () => {
    const c = compareInvoices(eeJune(), eeJune());
    expect(c.lines).toHaveLength(1);
    expect(c.lines[0]).toMatchObject({ key: 'rec:L1', before: '31.00', after: '31.00', delta: '0.00', afterIds: ['rec:L1:2025-06-15', 'rec:L1:2025-07-01'] });
    expect(c.causes).toEqual([]);
  });

  it('refuses to compare documents in different currencies (INVALID_INPUT)', () => {
    const run = () => compareInvoices(gbMarch(), eeJune());
    expect(run).toThrow(BillingError);
    expect(run).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('lineMatchKey', () => {
  it('drops segment dates and instalment numbers, also inside promotion, discount and correction ids', () => {
    expect(lineMatchKey('use:S1:2025-03-15:voice:mobile:outbound')).toBe('use:S1:voice:mobile:outbound');
    expect(lineMatchKey('otc:S1:PHONE:2025-01:3')).toBe('otc:S1:PHONE:2025-01');
    expect(lineMatchKey('promo:SPRING:rec:S1:2025-03-01')).toBe('promo:SPRING:rec:S1');
    expect(lineMatchKey('disc:LOYAL:otc:S1:PHONE:2025-01:2')).toBe('disc:LOYAL:otc:S1:PHONE:2025-01');
    expect(lineMatchKey('corr:use:S1:2025-03-01:sms:mobile:none')).toBe('corr:use:S1:sms:mobile:none');
  });
});

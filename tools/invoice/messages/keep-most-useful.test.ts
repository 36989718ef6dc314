import { describe, expect, it } from 'vitest';
import { keepMostUseful } from './keep-most-useful.ts';
import type { InvoiceMessage } from './message.types.ts';

const line = (n: number) => ({ subscriptionId: `L${n}`, msisdn: `4470000000${n}`, label: null });
const fig = (value: string) => ({ value, unit: 'SMS', source: 'test' });
const expired = (n: number): InvoiceMessage => ({
  kind: 'allowance_expired',
  line: line(n),
  allowanceId: 'SMS',
  service: 'sms',
  figures: { units: fig('10'), available: fig('20'), expiredOn: fig('2025-03-31') },
});
const saving = (n: number): InvoiceMessage => ({
  kind: 'plan_saving',
  line: line(n),
  planId: 'P',
  planName: 'Plan',
  figures: { current: fig('20.00'), alternative: fig('10.00'), saving: fig('10.00'), savingPercent: fig('50') },
});

describe('keepMostUseful', () => {
  it('keeps plan savings before lapsed allowances, in their own order, and no more than the cap', () => {
    const all = [expired(1), expired(2), saving(3), expired(4), saving(5), expired(6), expired(7), expired(8)];
    const kept = keepMostUseful(all);
    expect(kept).toHaveLength(6);
    expect(kept.map((m) => `${m.kind}:${m.line.subscriptionId}`)).toEqual([
      'plan_saving:L3',
      'plan_saving:L5',
      'allowance_expired:L1',
      'allowance_expired:L2',
      'allowance_expired:L4',
      'allowance_expired:L6',
    ]);
  });

  it('changes nothing under the cap but the order', () => {
    expect(keepMostUseful([expired(1), saving(2)], 6).map((m) => m.kind)).toEqual(['plan_saving', 'allowance_expired']);
    expect(keepMostUseful([], 6)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { AllowanceLedgerRow } from '../../charging/charging.types.ts';
import { expiredAllowanceMessages, rolloverMessages } from './allowance-messages.ts';

const MB = 1_048_576;
const lines = [{ subscriptionId: 'L1', msisdn: '447700900123', label: null }];
const row = (over: Partial<AllowanceLedgerRow>): AllowanceLedgerRow => ({ subscriptionId: 'L1', allowanceId: 'DATA_5G', service: 'data', granted: 0, carriedIn: 0, used: 0, carriedOut: 0, ...over });
const lastDay = (label: string) => `${label}-30`;

describe('rolloverMessages', () => {
  it('one message per allowance and expiry, units rounded down, with the last day they may be used', () => {
    const ledger = [row({ granted: 5120 * MB, used: 3000 * MB, carriedOut: 2120 * MB })];
    const carries = [
      { subscriptionId: 'L1', allowanceId: 'DATA_5G', units: 1100 * MB, validThrough: '2025-05' },
      { subscriptionId: 'L1', allowanceId: 'DATA_5G', units: 1020 * MB + 1, validThrough: '2025-04' },
    ];
    const messages = rolloverMessages(carries, ledger, lines, lastDay);
    expect(messages.map((m) => m.kind === 'rollover_left' && [m.figures.units.value, m.figures.units.unit, m.figures.usableUntil.value])).toEqual([
      // 1020 MB and a byte: whole MB rounded down.
      ['1020', 'MB', '2025-04-30'],
      // 1100 MB = 1.07 GB: one decimal, rounded down.
      ['1.0', 'GB', '2025-05-30'],
    ]);
  });

  it('shows nothing for a carry that rounds down to nothing, or of a line not on the invoice', () => {
    const ledger = [row({ service: 'voice', allowanceId: 'MIN' })];
    expect(rolloverMessages([{ subscriptionId: 'L1', allowanceId: 'MIN', units: 59_999, validThrough: '2025-04' }], ledger, lines, lastDay)).toEqual([]);
    expect(rolloverMessages([{ subscriptionId: 'L2', allowanceId: 'MIN', units: 600_000, validThrough: '2025-04' }], ledger, lines, lastDay)).toEqual([]);
  });
});

describe('expiredAllowanceMessages', () => {
  it('what was available less used and carried on, summed over the pools of a plan change', () => {
    // Two pools (a plan change): 2,000 + 1,000 MB granted, 500 carried in, 1,200 used, 300 carried on.
    const ledger = [row({ granted: 2000 * MB, carriedIn: 500 * MB, used: 1000 * MB, carriedOut: 300 * MB }), row({ granted: 1000 * MB, used: 200 * MB })];
    const [m] = expiredAllowanceMessages(ledger, lines, '2025-03-31');
    // Available 3,500 MB (3.4 GB down), expired 3,500 - 1,200 - 300 = 2,000 MB (1.9 GB down): 57%.
    expect(m).toMatchObject({
      kind: 'allowance_expired',
      allowanceId: 'DATA_5G',
      figures: { units: { value: '1.9', unit: 'GB' }, available: { value: '3.4', unit: 'GB' }, expiredOn: { value: '2025-03-31' } },
    });
  });

  it('shows nothing under half of what was available, or when nothing is left', () => {
    // 499 of 1,000 SMS left: 49.9%.
    expect(expiredAllowanceMessages([row({ service: 'sms', allowanceId: 'SMS', granted: 1000, used: 501 })], lines, '2025-03-31')).toEqual([]);
    expect(expiredAllowanceMessages([row({ service: 'sms', allowanceId: 'SMS', granted: 1000, used: 500 })], lines, '2025-03-31')).toHaveLength(1);
    expect(expiredAllowanceMessages([row({ granted: 10 * MB, used: 10 * MB })], lines, '2025-03-31')).toEqual([]);
    // Half a minute of a minute: half, but not one whole unit.
    expect(expiredAllowanceMessages([row({ service: 'voice', allowanceId: 'MIN', granted: 60_000, used: 30_000 })], lines, '2025-03-31')).toEqual([]);
  });

  it('tells one allowance per line: the largest share, data before calls before texts on a tie', () => {
    const sms = row({ service: 'sms', allowanceId: 'SMS', granted: 100, used: 10 });
    const voice = row({ service: 'voice', allowanceId: 'MIN', granted: 600_000, used: 0 });
    const data = row({ granted: 100 * MB, used: 0 });
    const pick = (ledger: AllowanceLedgerRow[]) => expiredAllowanceMessages(ledger, lines, '2025-03-31').map((m) => m.kind === 'allowance_expired' && m.allowanceId);
    expect(pick([sms, voice])).toEqual(['MIN']);
    expect(pick([sms, voice, data])).toEqual(['DATA_5G']);
    expect(pick([sms])).toEqual(['SMS']);
  });
});

import { describe, expect, it } from 'vitest';
import { BillingError } from '../errors.ts';
import { createParser } from './create-parser.ts';
import type { CdrFormat } from './usage-record.types.ts';

describe('createParser', () => {
  it.each(['asterisk', 'freeswitch', 'csv', 'jsonl'] as const)('creates a %s parser', (format) => {
    expect(createParser(format, { timezone: 'Europe/London' }).format).toBe(format);
  });

  it('passes FreeSWITCH columns through', () => {
    const p = createParser('freeswitch', {
      timezone: 'UTC',
      columns: ['caller_id_number', 'destination_number', 'start_stamp', 'answer_stamp', 'end_stamp', 'duration', 'billsec', 'hangup_cause'],
    });
    expect(p.parseLine('1001,1002,2024-01-01 00:00:00,,2024-01-01 00:00:05,5,0,NO_ANSWER', 1)).toMatchObject({ kind: 'record' });
  });

  it('refuses columns for formats that have no use for them', () => {
    expect(() => createParser('asterisk', { timezone: 'UTC', columns: ['a'] })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });

  it('refuses unknown formats and time zones with coded errors', () => {
    expect(() => createParser('cisco' as CdrFormat, { timezone: 'UTC' })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }));
    for (const format of ['asterisk', 'freeswitch', 'csv', 'jsonl'] as const) {
      expect(() => createParser(format, { timezone: 'Europe/Londn' })).toThrow(BillingError);
    }
  });

  it('gives each generic CSV file its own header state', () => {
    const a = createParser('csv', { timezone: 'UTC' });
    const b = createParser('csv', { timezone: 'UTC' });
    a.parseLine('service,subscriber,start,volume', 1);
    b.parseLine('start,service,subscriber,volume', 1);
    expect(a.parseLine('data,447700900123,2024-01-01T00:00:00Z,10', 2)).toMatchObject({ kind: 'record' });
    expect(b.parseLine('2024-01-01T00:00:00Z,data,447700900123,10', 2)).toMatchObject({ kind: 'record' });
  });
});

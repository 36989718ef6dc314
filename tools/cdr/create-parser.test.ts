import { describe, expect, it } from 'vitest';
import { BillingError } from '../errors.ts';
import { plausibilityWindow } from './check-record-plausibility.ts';
import { createParser } from './create-parser.ts';
import type { CdrFormat } from './usage-record.types.ts';

// The fixtures are from 2024; ingest is taken to happen on 2025-01-01.
const WINDOW = plausibilityWindow(Date.UTC(2025, 0, 1));

describe('createParser', () => {
  it.each(['asterisk', 'freeswitch', 'csv', 'jsonl'] as const)('creates a %s parser', (format) => {
    expect(createParser(format, { timezone: 'Europe/London', plausibility: WINDOW }).format).toBe(format);
  });

  it('passes FreeSWITCH columns through', () => {
    const p = createParser('freeswitch', {
      timezone: 'UTC',
      plausibility: WINDOW,
      columns: ['caller_id_number', 'destination_number', 'start_stamp', 'answer_stamp', 'end_stamp', 'duration', 'billsec', 'hangup_cause'],
    });
    expect(p.parseLine('1001,1002,2024-01-01 00:00:00,,2024-01-01 00:00:05,5,0,NO_ANSWER', 1)).toMatchObject({ kind: 'record' });
  });

  it('refuses columns for formats that have no use for them', () => {
    expect(() => createParser('asterisk', { timezone: 'UTC', columns: ['a'], plausibility: WINDOW })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });

  it('refuses unknown formats and time zones with coded errors', () => {
    expect(() => createParser('cisco' as CdrFormat, { timezone: 'UTC', plausibility: WINDOW })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }));
    for (const format of ['asterisk', 'freeswitch', 'csv', 'jsonl'] as const) {
      expect(() => createParser(format, { timezone: 'Europe/Londn', plausibility: WINDOW })).toThrow(BillingError);
    }
  });

  it('gives each generic CSV file its own header state', () => {
    const a = createParser('csv', { timezone: 'UTC', plausibility: WINDOW });
    const b = createParser('csv', { timezone: 'UTC', plausibility: WINDOW });
    a.parseLine('service,subscriber,start,volume', 1);
    b.parseLine('start,service,subscriber,volume', 1);
    expect(a.parseLine('data,447700900123,2024-01-01T00:00:00Z,10', 2)).toMatchObject({ kind: 'record' });
    expect(b.parseLine('2024-01-01T00:00:00Z,data,447700900123,10', 2)).toMatchObject({ kind: 'record' });
  });
});

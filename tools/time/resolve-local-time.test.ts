import { describe, expect, it } from 'vitest';
import { resolveLocalTime } from './resolve-local-time.ts';

const HOUR = 3_600_000;

describe('resolveLocalTime', () => {
  it('reads ordinary times with the offset in force', () => {
    expect(resolveLocalTime(2024, 7, 15, 14, 30, 5, 'Europe/London')).toEqual({ epochMs: Date.UTC(2024, 6, 15, 13, 30, 5), shift: 0 });
    expect(resolveLocalTime(2024, 1, 15, 9, 0, 0, 'Asia/Kathmandu')).toEqual({ epochMs: Date.UTC(2024, 0, 15, 3, 15, 0), shift: 0 });
    expect(resolveLocalTime(2024, 1, 15, 9, 0, 0, 'UTC')).toEqual({ epochMs: Date.UTC(2024, 0, 15, 9, 0, 0), shift: 0 });
  });

  it('gives the earlier reading of a repeated autumn time, east and west of UTC', () => {
    // London: 01:30 BST (00:30 UTC), then 01:30 GMT (01:30 UTC).
    expect(resolveLocalTime(2024, 10, 27, 1, 30, 0, 'Europe/London')).toEqual({ epochMs: Date.UTC(2024, 9, 27, 0, 30), shift: HOUR });
    // New York: 01:30 EDT (05:30 UTC), then 01:30 EST (06:30 UTC).
    expect(resolveLocalTime(2024, 11, 3, 1, 30, 0, 'America/New_York')).toEqual({ epochMs: Date.UTC(2024, 10, 3, 5, 30), shift: HOUR });
    // Lord Howe moves its clocks by 30 minutes: 01:45 +11:00, then 01:45 +10:30.
    expect(resolveLocalTime(2024, 4, 7, 1, 45, 0, 'Australia/Lord_Howe')).toEqual({ epochMs: Date.UTC(2024, 3, 6, 14, 45), shift: HOUR / 2 });
  });

  it('reads the hour after an autumn change once, at its real instant', () => {
    // 02:09 EST on 2024-11-03 is 07:09 UTC (tools/time zonedToEpoch returned 06:09).
    expect(resolveLocalTime(2024, 11, 3, 2, 9, 22, 'America/New_York')).toEqual({ epochMs: Date.UTC(2024, 10, 3, 7, 9, 22), shift: 0 });
    expect(resolveLocalTime(2024, 10, 27, 2, 0, 0, 'Europe/London')).toEqual({ epochMs: Date.UTC(2024, 9, 27, 2, 0), shift: 0 });
  });

  it('resolves a time in a spring gap forward', () => {
    // 01:30 does not exist in London on 2024-03-31; it reads as 02:30 BST = 01:30 UTC.
    expect(resolveLocalTime(2024, 3, 31, 1, 30, 0, 'Europe/London')).toEqual({ epochMs: Date.UTC(2024, 2, 31, 1, 30), shift: 0 });
    // 02:30 does not exist in New York on 2024-03-10; it reads as 03:30 EDT = 07:30 UTC.
    expect(resolveLocalTime(2024, 3, 10, 2, 30, 0, 'America/New_York')).toEqual({ epochMs: Date.UTC(2024, 2, 10, 7, 30), shift: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { createLocalFormatter, createOffsetIsoFormatter, createUtcIsoFormatter, makeImpossibleDate } from './format-timestamp.ts';
import { Random } from './random.ts';

function viaIntl(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

describe('timestamp formatters', () => {
  it('write local wall-clock time exactly as Intl does, across DST changes', () => {
    const rng = new Random(2);
    for (const tz of ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      const local = createLocalFormatter(tz);
      const from = Date.UTC(2025, 0, 1);
      for (let i = 0; i < 3_000; i++) {
        const t = from + Math.floor(rng.float() * 365 * 86_400) * 1000;
        expect(local(t)).toBe(viaIntl(t, tz));
      }
      // Either side of the London transitions.
      for (const t of [Date.UTC(2025, 2, 30, 0, 59, 59), Date.UTC(2025, 2, 30, 1), Date.UTC(2025, 9, 26, 0, 59, 59), Date.UTC(2025, 9, 26, 1)]) {
        expect(local(t)).toBe(viaIntl(t, tz));
      }
    }
  });

  it('write ISO UTC and ISO with offset that parse back to the same instant', () => {
    const utc = createUtcIsoFormatter();
    const offset = createOffsetIsoFormatter('Europe/London');
    const kolkata = createOffsetIsoFormatter('Asia/Kolkata');
    const winter = Date.UTC(2025, 1, 3, 9, 5, 7);
    const summer = Date.UTC(2025, 6, 3, 9, 5, 7);
    expect(utc(winter)).toBe('2025-02-03T09:05:07Z');
    expect(offset(winter)).toBe('2025-02-03T09:05:07+00:00');
    expect(offset(summer)).toBe('2025-07-03T10:05:07+01:00');
    expect(kolkata(summer)).toBe('2025-07-03T14:35:07+05:30');
    for (const s of [utc(summer), offset(summer), kolkata(summer)]) expect(Date.parse(s)).toBe(summer);
    expect(createOffsetIsoFormatter('America/New_York')(summer)).toBe('2025-07-03T05:05:07-04:00');
  });

  it('makes dates that cannot exist', () => {
    expect(makeImpossibleDate('2025-03-04 10:11:12', 0)).toBe('2025-02-30 10:11:12');
    expect(makeImpossibleDate('2025-03-04 10:11:12', 1)).toBe('2025-04-31 10:11:12');
    expect(makeImpossibleDate('2025-03-04T10:11:12Z', 2)).toBe('2025-03-04T25:11:12Z');
  });
});

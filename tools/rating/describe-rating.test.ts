import { describe, expect, it } from 'vitest';
import { TEST_TARIFF } from '../charging/testing/charging-fixtures.ts';
import { describeRating } from './describe-rating.ts';
import { rateUsage } from './rate-usage.ts';

const S = 1_000_000_000;
const call = (to: string, seconds: number) =>
  rateUsage(TEST_TARIFF, { tenant: 't', category: 'call', subject: '447700900123', destination: to, answerTime: Date.parse('2025-03-31T12:18:11Z'), usage: seconds * S, tor: 'voice' });

describe('describeRating', () => {
  it('explains a per-second call in words: connect fee, the span with its rate and increments, the sum and the rounding', () => {
    // 328 s to a mobile: 0.05 connect + 328 x (0.06 / 60 s = 0.001 per 1 s increment) = 0.05 + 0.328 = 0.378
    const r = call('447812345678', 328);
    expect(r.cost).toBe('0.378');
    const d = describeRating(r, 'voice');
    expect(d.text).toContain('Connect fee 0.05 GBP, charged once');
    expect(d.text).toContain('0 s to 328 s: 328 increments of 1 s at 0.06 per 60 s = 0.001 per increment; 328 x 0.001 = 0.328');
    expect(d.text).toContain('rate RT_MOBILE slot 0');
    expect(d.text).toContain('Used 328 s, billed 328 s');
    expect(d.text).toContain('0.05 + 0.328 = 0.378 before rounding; rounded up to 4 decimals: 0.378 GBP');
    expect(d.text).not.toMatch(/[{}"]/);
    expect(d.steps.length).toBeGreaterThanOrEqual(4);
  });

  it('shows the increment the engine rounds to: a 61 s call at per-minute increments is billed 2 minutes', () => {
    const r = call('33612345678', 61);
    expect(r.cost).toBe('1');
    const d = describeRating(r, 'voice');
    expect(d.text).toContain('No connect fee');
    expect(d.text).toContain('0 s to 120 s: 2 increments of 60 s at 0.5 per 60 s = 0.5 per increment; 2 x 0.5 = 1');
    expect(d.text).toContain('Used 61 s, billed 120 s (each span rounded up to whole increments)');
  });

  it('names the units of SMS and data', () => {
    const sms = rateUsage(TEST_TARIFF, { tenant: 't', category: 'sms', subject: '447700900123', destination: '447812345678', answerTime: Date.parse('2025-03-31T12:00:00Z'), usage: 1, tor: 'sms' });
    expect(describeRating(sms, 'sms').text).toContain('1 increments of 1 message at 0.1 per 1 message');
    const data = rateUsage(TEST_TARIFF, {
      tenant: 't',
      category: 'data',
      subject: '447700900123',
      destination: '*any',
      answerTime: Date.parse('2025-03-31T12:00:00Z'),
      usage: 3 * 1048576 + 1,
      tor: 'data',
    });
    expect(describeRating(data, 'data').text).toContain('4 increments of 1048576 bytes at 0.01 per 1048576 bytes');
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BillingError } from '../errors.ts';
import { calendarDateSchema, parseOrThrow, zodToBillingError } from './index.ts';

describe('zodToBillingError', () => {
  it('names each failing field with its message, under the given code, keeping the zod error as the cause', () => {
    const parsed = z.object({ from: calendarDateSchema, n: z.number() }).safeParse({ from: '2025-02-31', n: 'x' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const err = zodToBillingError(parsed.error, 'INVALID_CONFIG', 'settings.json');
    expect(err).toBeInstanceOf(BillingError);
    expect(err.code).toBe('INVALID_CONFIG');
    expect(err.message).toMatch(/^settings\.json: from: .+; n: .+/);
    expect(err.cause).toBe(parsed.error);
  });
});

describe('parseOrThrow', () => {
  it('returns the parsed value, or throws INVALID_INPUT naming the field', () => {
    expect(parseOrThrow(calendarDateSchema, '2025-02-28', '--from')).toBe('2025-02-28');
    expect(() => parseOrThrow(calendarDateSchema, '2025-02-31', '--from')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/^--from: /) }));
  });
});

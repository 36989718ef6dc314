import { describe, expect, it } from 'vitest';
import { BillingError, exitCodeFor, isUserError, toBillingError } from './errors.ts';

describe('BillingError', () => {
  it('keeps what it wraps as the cause, and leaves a BillingError as it is', () => {
    const low = new Error('disk said no');
    const wrapped = toBillingError(low);
    expect([wrapped.code, wrapped.message, wrapped.cause]).toEqual(['INTERNAL', 'disk said no', low]);
    const user = new BillingError('NOT_FOUND', 'no invoice X', undefined, { cause: low });
    expect(toBillingError(user)).toBe(user);
    expect(user.cause).toBe(low);
    expect(toBillingError('a string')).toMatchObject({ code: 'INTERNAL', message: 'a string', cause: 'a string' });
  });

  it('maps the new codes to user errors (exit 2) and keeps the cause out of the JSON shape', () => {
    for (const code of ['INVALID_DATABASE', 'UNWRITABLE_OUTPUT'] as const) {
      const e = new BillingError(code, 'x', undefined, { cause: new Error('inner') });
      expect([exitCodeFor(e), isUserError(e), JSON.stringify(e.toJSON())]).toEqual([2, true, `{"error":{"code":"${code}","message":"x"}}`]);
    }
    expect(isUserError(new BillingError('INTERNAL', 'x'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { BillingError } from '../errors.ts';
import { portalLinkIdOf, readPortalLinkToken, signPortalLink } from './portal-link-token.ts';

const SECRET = 'k3y-of-the-tenant-0123456789abcdefghijklmnop';
const NOW = new Date('2025-03-16T10:00:00.000Z');
const EXPIRES = new Date('2025-03-16T22:00:00.750Z');

function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof BillingError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('portal link tokens', () => {
  const token = signPortalLink(SECRET, { id: 7, expiresAt: EXPIRES });

  it('signs id and expiry (whole seconds) and reads them back', () => {
    expect(token).toMatch(/^7\.1742162400\.[A-Za-z0-9_-]{43}$/);
    expect(readPortalLinkToken(SECRET, token, NOW)).toEqual({ id: 7, expiresAt: new Date('2025-03-16T22:00:00.000Z') });
    expect(portalLinkIdOf(token)).toBe(7);
  });

  it('refuses a signature made with another key (forged)', () => {
    const forged = signPortalLink('another-key', { id: 7, expiresAt: EXPIRES });
    expect(refusal(() => readPortalLinkToken(SECRET, forged, NOW))).toEqual({ code: 'UNAUTHORIZED', message: 'portal link signature does not match (forged or altered link)' });
  });

  it('refuses a tampered id and a tampered expiry', () => {
    const [, expiry, sig] = token.split('.');
    expect(refusal(() => readPortalLinkToken(SECRET, `8.${expiry}.${sig}`, NOW)).message).toMatch(/signature does not match/);
    expect(refusal(() => readPortalLinkToken(SECRET, `7.${Number(expiry) + 86_400}.${sig}`, NOW)).message).toMatch(/signature does not match/);
    // One character of the signature changed.
    const flipped = `${sig!.slice(0, -2)}${sig!.at(-2) === 'A' ? 'B' : 'A'}${sig!.at(-1)}`;
    expect(refusal(() => readPortalLinkToken(SECRET, `7.${expiry}.${flipped}`, NOW)).message).toMatch(/signature does not match/);
  });

  it('refuses every other spelling of the last character, though it decodes to the same bytes (its 2 low bits are padding)', () => {
    const [, expiry, sig] = token.split('.');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(sig!.at(-1)!);
    const twins = [0, 1, 2, 3].map((low) => alphabet[(last & ~3) | low]!).filter((ch) => ch !== sig!.at(-1));
    expect(twins.length).toBe(3);
    for (const ch of twins) {
      const twin = `${sig!.slice(0, -1)}${ch}`;
      expect(Buffer.from(twin, 'base64url').equals(Buffer.from(sig!, 'base64url'))).toBe(true);
      expect(refusal(() => readPortalLinkToken(SECRET, `7.${expiry}.${twin}`, NOW)).message).toMatch(/signature does not match/);
    }
  });

  it('refuses an expired link, saying when it expired', () => {
    expect(refusal(() => readPortalLinkToken(SECRET, token, new Date('2025-03-16T22:00:00.000Z')))).toEqual({
      code: 'UNAUTHORIZED',
      message: 'portal link expired at 2025-03-16T22:00:00.000Z',
    });
    expect(readPortalLinkToken(SECRET, token, new Date('2025-03-16T21:59:59.999Z')).id).toBe(7);
  });

  it('refuses malformed tokens', () => {
    for (const bad of ['', 'abc', '7.1742162400', `x.1742162400.${'A'.repeat(43)}`, `7.1742162400.${'A'.repeat(42)}`, `${token}.x`, ` ${token}`]) {
      expect(refusal(() => readPortalLinkToken(SECRET, bad, NOW))).toEqual({ code: 'UNAUTHORIZED', message: 'portal link is malformed (expected <id>.<expiry>.<signature>)' });
    }
    expect(refusal(() => portalLinkIdOf('nope')).code).toBe('UNAUTHORIZED');
  });
});

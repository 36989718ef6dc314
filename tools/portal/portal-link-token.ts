import { createHmac, timingSafeEqual } from 'node:crypto';
import { BillingError } from '../errors.ts';

/** What a portal link token carries: the link's row id and when it stops opening the portal. */
export interface PortalLinkClaims {
  id: number;
  expiresAt: Date;
}

const TOKEN = /^(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

/**
 * Signs a portal link as `<id>.<expiry epoch seconds>.<base64url HMAC-SHA256 of "id.expiry">`;
 * the expiry is cut to whole seconds, so the caller stores `expiresAt` rounded down the same way.
 */
export function signPortalLink(secret: string, claims: PortalLinkClaims): string {
  if (!Number.isSafeInteger(claims.id) || claims.id < 1) throw new BillingError('INVALID_INPUT', `a portal link id is a whole number >= 1, got ${claims.id}`);
  const expiry = Math.floor(claims.expiresAt.getTime() / 1000);
  if (!Number.isSafeInteger(expiry) || expiry < 0) throw new BillingError('INVALID_INPUT', 'a portal link needs a valid expiry date');
  const payload = `${claims.id}.${expiry}`;
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The link id a token names, without checking it (the caller needs it to find the tenant whose key checks the token). */
export function portalLinkIdOf(token: string): number {
  const m = TOKEN.exec(token);
  if (!m) throw new BillingError('UNAUTHORIZED', 'portal link is malformed (expected <id>.<expiry>.<signature>)');
  return Number(m[1]);
}

/**
 * Reads a portal link token signed with `secret`: its id and expiry, or UNAUTHORIZED saying why
 * (malformed, a signature that does not match, expired). The signature is compared in constant time.
 */
export function readPortalLinkToken(secret: string, token: string, now: Date): PortalLinkClaims {
  const m = TOKEN.exec(token);
  if (!m) throw new BillingError('UNAUTHORIZED', 'portal link is malformed (expected <id>.<expiry>.<signature>)');
  const [, id, expiry, signature] = m as unknown as [string, string, string, string];
  // Compared as the canonical text, not as decoded bytes: the last of the 43 characters carries 2
  // unused bits, so decoding would accept four spellings of one signature (an altered link).
  const expected = Buffer.from(mac(secret, `${id}.${expiry}`).toString('base64url'));
  const given = Buffer.from(signature);
  // Both are 43 bytes (the pattern fixes 43 base64url characters), as timingSafeEqual needs.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new BillingError('UNAUTHORIZED', 'portal link signature does not match (forged or altered link)');
  const expiresAt = new Date(Number(expiry) * 1000);
  if (now.getTime() >= expiresAt.getTime()) throw new BillingError('UNAUTHORIZED', `portal link expired at ${expiresAt.toISOString()}`);
  return { id: Number(id), expiresAt };
}

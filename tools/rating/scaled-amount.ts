/**
 * Exact fixed-point amounts as BigInt scaled by 10^scale: the rating hot path's arithmetic.
 * decimal.js is exact too but ~10x slower per operation; property tests check these functions
 * against decimal.js (scaled-amount.test.ts), so both paths give the same cent.
 */

const POW10: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));

/** 10^n as a BigInt. */
export function pow10(n: number): bigint {
  const p = POW10[n];
  if (p === undefined) throw new RangeError(`scale out of range: ${n}`);
  return p;
}

/** Number of decimal places in a plain decimal string ("0.0125" -> 4). */
export function decimalPlaces(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Parses a plain decimal string into an integer scaled by 10^scale; refuses to drop digits. */
export function toScaled(text: string, scale: number): bigint {
  const negative = text.startsWith('-');
  const body = negative || text.startsWith('+') ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  let frac = dot < 0 ? '' : body.slice(dot + 1);
  if (frac.length > scale) {
    if (/[^0]/.test(frac.slice(scale))) throw new RangeError(`${text} has more than ${scale} decimals`);
    frac = frac.slice(0, scale);
  }
  const digits = (intPart || '0') + frac.padEnd(scale, '0');
  if (!/^\d+$/.test(digits)) throw new RangeError(`not a decimal number: "${text}"`);
  const value = BigInt(digits);
  return negative ? -value : value;
}

/** Formats a scaled integer as a minimal decimal string ("0.6", "12", "0.0125"). */
export function formatScaled(value: bigint, scale: number): string {
  if (value === 0n) return '0';
  const negative = value < 0n;
  const abs = negative ? -value : value;
  let s = abs.toString();
  if (scale > 0) {
    s = s.padStart(scale + 1, '0');
    let frac = s.slice(s.length - scale);
    const int = s.slice(0, s.length - scale);
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
    frac = frac.slice(0, end);
    s = frac ? `${int}.${frac}` : int;
  }
  return negative && s !== '0' ? `-${s}` : s;
}

export type ScaledRounding = 'up' | 'middle' | 'down';

/** Divides two BigInts (denominator > 0) rounding as CGRateS does: up = ceiling, middle = half-up, down = floor. */
export function divRound(numerator: bigint, denominator: bigint, method: ScaledRounding): bigint {
  if (denominator <= 0n) throw new RangeError('divRound needs a positive denominator');
  let q = numerator / denominator; // truncates toward zero
  const r = numerator % denominator;
  if (r === 0n) return q;
  // Make q the floor for negative numerators, so every method below works from the floor.
  if (r < 0n) q -= 1n;
  const rem = r < 0n ? r + denominator : r;
  if (method === 'down') return q;
  if (method === 'up') return q + 1n;
  return rem * 2n >= denominator ? q + 1n : q;
}

/** Re-expresses a scaled amount at another scale, rounding when the new scale is smaller. */
export function rescale(value: bigint, from: number, to: number, method: ScaledRounding): bigint {
  if (to === from) return value;
  if (to > from) return value * pow10(to - from);
  return divRound(value, pow10(from - to), method);
}

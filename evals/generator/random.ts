// toString(16) + padStart costs ~0.5 µs per word; a byte table makes FreeSWITCH uuids cheap.
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * xoshiro128** seeded through splitmix32: 32-bit integer ops only (Math.imul), so it is fast in V8
 * and byte-for-byte reproducible on every platform, unlike Math.random. Period 2^128 - 1 is far
 * beyond the ~30 draws per row a 100M-row file needs.
 */
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  // Box-Muller yields two normals per pair of uniforms; keeping the spare halves the cost.
  private spare: number | null = null;

  constructor(seed: number | string) {
    let x = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
    const next = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    // An all-zero state would be a fixed point; splitmix never yields four zeros, but be explicit.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next unsigned 32-bit integer. */
  uint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** A string of exactly n random decimal digits (leading zeros kept), n <= 15. */
  digits(n: number): string {
    if (n <= 9) return String(Math.floor(this.float() * 10 ** n)).padStart(n, '0');
    return this.digits(n - 9) + this.digits(9);
  }

  /** A string of n lowercase hex digits. */
  hex(n: number): string {
    let out = '';
    while (out.length < n) {
      const x = this.uint32();
      out += HEX_BYTE[x >>> 24]! + HEX_BYTE[(x >>> 16) & 0xff]! + HEX_BYTE[(x >>> 8) & 0xff]! + HEX_BYTE[x & 0xff]!;
    }
    return out.length === n ? out : out.slice(0, n);
  }

  /** Standard normal deviate (mean 0, sd 1). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    // 1 - float() is in (0, 1], so log never sees 0.
    const r = Math.sqrt(-2 * Math.log(1 - this.float()));
    const theta = 2 * Math.PI * this.float();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** Lognormal deviate with the given median and log-space standard deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

/** A picker over fixed weighted choices; weights need not sum to 1. */
export type WeightedPicker<T> = (rng: Random) => T;

/** Precomputes cumulative weights once so each pick is a short scan or binary search. */
export function createWeightedPicker<T>(entries: readonly (readonly [T, number])[]): WeightedPicker<T> {
  const items = entries.filter(([, w]) => w > 0);
  if (items.length === 0) throw new Error('createWeightedPicker needs at least one positive weight');
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach(([, w], i) => {
    total += w;
    cumulative[i] = total;
  });
  const values = items.map(([v]) => v);
  return (rng) => values[lowerBound(cumulative, rng.float() * total)] as T;
}

/** Index of the first cumulative weight strictly greater than x. */
export function lowerBound(cumulative: Float64Array, x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** FNV-1a of a string, so textual seeds are as reproducible as numeric ones. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

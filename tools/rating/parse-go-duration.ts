/**
 * Go-style durations, as CGRateS reads them in tariff plans (utils.ParseDurationWithNanosecs):
 * "60s", "1m", "1m30s", "1h", "0.5s", "1500ms", "2us" are Go durations (time.ParseDuration) and
 * give nanoseconds; a bare integer ("60", "1024") is that many base units (nanoseconds for voice,
 * bytes for data, messages for SMS), exactly as CGRateS stores it in a time.Duration.
 *
 * Parsing is exact (BigInt arithmetic, never through binary floats: "0.1s" is 100000000) and
 * stricter than Go in three places, all of which would otherwise lose information silently:
 * - a result finer than one nanosecond ("0.5ns", a bare "1.5") is refused instead of truncated;
 * - a result above Number.MAX_SAFE_INTEGER (about 104 days) is refused (the model holds numbers);
 * - a sign other than a leading "+" is refused (durations in tariffs are never negative).
 */

const NS_PER_UNIT: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign, what Go prints
  μs: 1_000n, // U+03BC Greek mu, also accepted by Go
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

// One component: digits, optional fraction, unit. "ms" must be tried before "m" and "s".
const COMPONENT = /(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/y;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function fail(text: string, why: string): never {
  throw new RangeError(`invalid duration "${text}": ${why}`);
}

/**
 * Parses a Go duration or a bare integer into an integer count of nanoseconds (base units).
 * Throws RangeError on anything else, on negative values, on sub-nanosecond precision and on
 * values above Number.MAX_SAFE_INTEGER.
 */
export function parseGoDuration(text: string): number {
  if (typeof text !== 'string') fail(String(text), 'not a string');
  let s = text.trim();
  if (s === '') fail(text, 'empty');
  if (s.startsWith('-')) fail(text, 'negative durations are not allowed');
  if (s.startsWith('+')) s = s.slice(1);

  // A bare integer: that many base units (CGRateS appends "ns").
  if (/^\d+$/.test(s)) return toSafe(BigInt(s), text);
  if (/^\d*\.\d*$/.test(s)) fail(text, 'a bare number must be a whole count of units (write "1.5s" for seconds)');

  let total = 0n;
  let pos = 0;
  while (pos < s.length) {
    COMPONENT.lastIndex = pos;
    const m = COMPONENT.exec(s);
    if (!m) fail(text, `unexpected "${s.slice(pos)}" (expected a number followed by ns, us, ms, s, m or h)`);
    const [whole, intPart = '', fracPart, unitName = ''] = m;
    if (intPart === '' && (fracPart === undefined || fracPart === '')) fail(text, `missing number before "${unitName}"`);
    const unit = NS_PER_UNIT[unitName];
    if (unit === undefined) fail(text, `unknown unit "${unitName}"`);
    total += BigInt(intPart === '' ? '0' : intPart) * unit;
    if (fracPart !== undefined && fracPart !== '') {
      const scale = 10n ** BigInt(fracPart.length);
      const scaled = BigInt(fracPart) * unit;
      if (scaled % scale !== 0n) fail(text, 'finer than one nanosecond');
      total += scaled / scale;
    }
    if (total > MAX) fail(text, 'too large');
    pos += whole.length;
  }
  return toSafe(total, text);
}

function toSafe(value: bigint, text: string): number {
  if (value > MAX) fail(text, 'too large');
  return Number(value);
}

/** Exact decimal of `value / unit` with trailing zeros removed ("1.5", "2"). */
function ratio(value: bigint, unit: bigint): string {
  const whole = value / unit;
  const rest = value % unit;
  if (rest === 0n) return whole.toString();
  const digits = unit.toString().length - 1; // unit is a power of ten here
  const frac = rest.toString().padStart(digits, '0').replace(/0+$/, '');
  return `${whole}.${frac}`;
}

/**
 * Formats nanoseconds (base units) as a Go duration for display: "1m30s", "1h", "1.5s", "500ms",
 * "2µs", "0s". Like Go's Duration.String() but without zero components ("1h", not "1h0m0s").
 * `parseGoDuration(formatGoDuration(n)) === n` for every safe non-negative integer.
 */
export function formatGoDuration(ns: number): string {
  if (!Number.isSafeInteger(ns) || ns < 0) throw new RangeError(`not a non-negative whole number of nanoseconds: ${ns}`);
  const n = BigInt(ns);
  if (n === 0n) return '0s';
  if (n < 1_000n) return `${n}ns`;
  if (n < 1_000_000n) return `${ratio(n, 1_000n)}µs`;
  if (n < 1_000_000_000n) return `${ratio(n, 1_000_000n)}ms`;
  const h = n / 3_600_000_000_000n;
  const m = (n % 3_600_000_000_000n) / 60_000_000_000n;
  const s = n % 60_000_000_000n;
  let out = '';
  if (h > 0n) out += `${h}h`;
  if (m > 0n) out += `${m}m`;
  if (s > 0n) out += `${ratio(s, 1_000_000_000n)}s`;
  return out;
}

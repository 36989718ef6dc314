import DecimalJs from 'decimal.js';

/**
 * Switchboard's decimal type: a decimal.js clone with enough precision that no money computation
 * in the project ever rounds implicitly. Rounding happens only through `roundDecimal`.
 */
export const Decimal = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

export type DecimalInput = string | bigint | Decimal | number;

/**
 * Builds a Decimal. Numbers are accepted only when they are safe integers, so a binary float can
 * never leak into money; fractional amounts must arrive as strings.
 */
export function dec(value: DecimalInput): Decimal {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(`refusing a non-integer JavaScript number as money: ${value}; pass a string`);
    }
    return new Decimal(value);
  }
  if (typeof value === 'bigint') return new Decimal(value.toString());
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) {
      throw new TypeError(`not a decimal number: "${value}"`);
    }
    return new Decimal(trimmed);
  }
  return value;
}

/** True when the string is a plain decimal number (what tariff files and APIs accept). */
export function isDecimalString(value: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(value.trim());
}

export const ZERO = new Decimal(0);

import { dec, type Decimal, minorUnits, ZERO } from '../money/index.ts';
import type { Money } from './assurance.types.ts';

/** Money per currency, exact: what a stage or a gap holds. */
export class MoneyBag {
  private readonly sums = new Map<string, Decimal>();

  /** Adds an amount in a currency (a null currency or amount adds nothing). */
  add(currency: string | null, amount: Decimal | string | null): this {
    if (currency === null || amount === null) return this;
    this.sums.set(currency, (this.sums.get(currency) ?? ZERO).plus(typeof amount === 'string' ? dec(amount) : amount));
    return this;
  }

  /** Adds every currency of another bag. */
  addBag(other: MoneyBag): this {
    for (const [c, v] of other.sums) this.add(c, v);
    return this;
  }

  /** The amount in one currency (zero when absent). */
  get(currency: string): Decimal {
    return this.sums.get(currency) ?? ZERO;
  }

  currencies(): string[] {
    return [...this.sums.keys()];
  }

  /** As decimal strings, currencies sorted; currencies holding exactly zero are kept (they were seen). */
  toMoney(): Money {
    return Object.fromEntries([...this.sums].sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => [c, showAmount(v, c)]));
  }
}

/** True when two amounts per currency are equal in every currency either names (an absent currency is zero). */
export function sameMoney(a: MoneyBag, b: MoneyBag): boolean {
  return [...new Set([...a.currencies(), ...b.currencies()])].every((c) => a.get(c).equals(b.get(c)));
}

/** Money in words: "12.50 GBP + 3.10 EUR", or "0" when empty. */
export function moneyText(money: Money): string {
  const parts = Object.entries(money).map(([c, v]) => `${v} ${c}`);
  return parts.length ? parts.join(' + ') : '0';
}

/** An amount as an exact decimal string with at least the currency's minor unit (0.1 GBP is "0.10"; 0.425 stays "0.425"). */
export function showAmount(amount: Decimal, currency: string): string {
  let minor = 2;
  try {
    minor = minorUnits(currency);
  } catch {
    // An unknown currency code (a tariff's own) keeps two decimals.
  }
  return amount.decimalPlaces() < minor ? amount.toFixed(minor) : amount.toFixed();
}

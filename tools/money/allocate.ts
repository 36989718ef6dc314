import { Decimal, dec, type DecimalInput } from './decimal.ts';

/**
 * Splits `total` into parts proportional to `weights`, each a whole number of 10^-decimals, that
 * add up to `total` exactly (largest-remainder method; ties go to the earlier part).
 */
export function allocate(total: DecimalInput, weights: readonly DecimalInput[], decimals: number): Decimal[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  const ws = weights.map((w) => dec(w));
  if (ws.some((w) => w.isNegative())) throw new RangeError('allocate weights must be non-negative');
  const sum = ws.reduce((a, b) => a.plus(b), new Decimal(0));
  const unit = new Decimal(10).pow(-decimals);
  const t = dec(total);
  if (!t.div(unit).isInteger()) throw new RangeError(`total ${t} is not a whole number of ${unit}`);
  const units = t.div(unit); // total in minor units, may be negative
  const sign = units.isNegative() ? -1 : 1;
  const absUnits = units.abs();
  // Equal weights when all are zero, so the total is still fully distributed.
  const effective = sum.isZero() ? ws.map(() => new Decimal(1)) : ws;
  const effSum = sum.isZero() ? new Decimal(ws.length) : sum;
  const exact = effective.map((w) => absUnits.times(w).div(effSum));
  const floors = exact.map((x) => x.floor());
  let remaining = absUnits.minus(floors.reduce((a, b) => a.plus(b), new Decimal(0))).toNumber();
  const order = exact.map((x, i) => ({ i, rem: x.minus(floors[i]!) })).sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  for (const { i } of order) {
    if (remaining <= 0) break;
    floors[i] = floors[i]!.plus(1);
    remaining -= 1;
  }
  return floors.map((f) => f.times(unit).times(sign));
}

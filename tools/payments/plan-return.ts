import { dec, minorUnits } from '../money/index.ts';

/**
 * What a return (or reversal, chargeback) of a payment takes back, exact to the minor unit: first
 * the account credit the payment's excess became, then its allocations newest first, never more
 * than the payment gave. Amounts come back negative, ready to append to the ledgers.
 */
export function planReturn(
  returned: string,
  currency: string,
  given: { credit: string; allocations: ReadonlyArray<{ invoiceId: number; amount: string }> },
): { credit: string; allocations: Array<{ invoiceId: number; amount: string }>; beyond: string } {
  const places = minorUnits(currency);
  let left = dec(returned);
  const fromCredit = left.lt(dec(given.credit)) ? left : dec(given.credit).gt(0) ? dec(given.credit) : dec(0);
  left = left.minus(fromCredit);
  const allocations: Array<{ invoiceId: number; amount: string }> = [];
  for (const a of [...given.allocations].reverse()) {
    if (left.lte(0)) break;
    const amount = dec(a.amount);
    if (amount.lte(0)) continue;
    const take = left.lt(amount) ? left : amount;
    allocations.push({ invoiceId: a.invoiceId, amount: take.negated().toFixed(places) });
    left = left.minus(take);
  }
  return { credit: fromCredit.negated().toFixed(places), allocations, beyond: left.toFixed(places) };
}

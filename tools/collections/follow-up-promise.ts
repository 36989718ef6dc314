import { dec } from '../money/index.ts';

/** Where a promise to pay stands: open until its date, then kept (paid in full by then) or broken. */
export type PromiseStatus = 'open' | 'kept' | 'broken';

/**
 * Follows up a promise to pay: what the account paid from the day it was recorded to the day
 * promised (payments net of returns) against the amount promised. Kept as soon as that reaches the
 * amount; broken once the promised day has passed without it; open otherwise.
 */
export function followUpPromise(
  promise: { amount: string; promisedFor: string; recordedOn: string },
  payments: ReadonlyArray<{ date: string; amount: string }>,
  today: string,
): { status: PromiseStatus; paid: string; left: string } {
  const paid = payments.filter((p) => p.date >= promise.recordedOn && p.date <= promise.promisedFor).reduce((s, p) => s.plus(dec(p.amount)), dec(0));
  const left = dec(promise.amount).minus(paid);
  const status: PromiseStatus = left.lessThanOrEqualTo(0) ? 'kept' : today > promise.promisedFor ? 'broken' : 'open';
  const places = Math.max(2, dec(promise.amount).decimalPlaces());
  return { status, paid: paid.toFixed(places), left: (left.isNegative() ? dec(0) : left).toFixed(places) };
}

import { BillingError } from '../errors.ts';
import { allocate, dec, minorUnits, ZERO } from '../money/index.ts';
import { addDays, addMonthsToDate } from '../time/index.ts';
import { parseCollectionsInput, paymentPlanInputSchema, type PaymentPlan, type PaymentPlanInput } from './collections.types.ts';

function onMinorUnit(name: string, value: string, currency: string, decimals: number): void {
  // A balance comes from invoices already on the minor unit; rounding it here would make the plan not add up to what is owed.
  if (dec(value).decimalPlaces() > decimals) {
    throw new BillingError('INVALID_INPUT', `${name} ${value} has more decimals than ${currency} allows (${decimals})`);
  }
}

/**
 * A payment plan for a balance: an optional down payment, then equal instalments (the first ones
 * one minor unit larger where the amount does not divide evenly) that add up exactly to the rest.
 */
export function buildPaymentPlan(input: PaymentPlanInput): PaymentPlan {
  const p = parseCollectionsInput(paymentPlanInputSchema, input, 'payment plan request');
  const currency = p.currency.toUpperCase();
  const decimals = minorUnits(currency);
  onMinorUnit('balance', p.balance, currency, decimals);
  const balance = dec(p.balance);
  if (!balance.greaterThan(0)) throw new BillingError('INVALID_INPUT', `a payment plan needs a positive balance, not ${p.balance}`);

  const down = p.downPayment === undefined ? ZERO : dec(p.downPayment);
  if (p.downPayment !== undefined) onMinorUnit('down payment', p.downPayment, currency, decimals);
  if (down.isNegative()) throw new BillingError('INVALID_INPUT', `the down payment cannot be negative (${p.downPayment})`);
  if (down.greaterThan(balance)) throw new BillingError('INVALID_INPUT', `the down payment ${p.downPayment} is more than the balance ${p.balance}`);
  if (down.equals(balance)) throw new BillingError('INVALID_INPUT', `the down payment ${p.downPayment} pays the whole balance: there is nothing to spread`);
  const downDue = p.downPaymentDueDate ?? p.firstDueDate;
  if (downDue > p.firstDueDate) throw new BillingError('INVALID_INPUT', `the down payment (due ${downDue}) cannot be due after the first instalment (${p.firstDueDate})`);

  const financed = balance.minus(down);
  const unit = dec(10).pow(-decimals);
  if (financed.lessThan(unit.times(p.instalments))) {
    throw new BillingError('INVALID_INPUT', `${financed.toFixed(decimals)} ${currency} cannot be spread over ${p.instalments} instalments of at least ${unit.toFixed(decimals)}`);
  }
  // Equal weights: allocate gives ties to the earlier parts, so the odd minor units go first.
  const amounts = allocate(
    financed,
    Array.from({ length: p.instalments }, () => 1),
    decimals,
  );
  return {
    currency,
    balance: balance.toFixed(decimals),
    downPayment: down.isZero() ? null : { amount: down.toFixed(decimals), dueDate: downDue },
    financed: financed.toFixed(decimals),
    instalments: amounts.map((amount, k) => ({
      sequence: k + 1,
      // Months are counted from the first date each time, so 31 January runs 28 February, 31 March, not 28 March.
      dueDate: p.interval === 'month' ? addMonthsToDate(p.firstDueDate, k) : addDays(p.firstDueDate, 7 * k),
      amount: amount.toFixed(decimals),
    })),
  };
}

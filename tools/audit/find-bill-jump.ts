import { BillingError } from '../errors.ts';
import type { InvoiceDocument } from '../invoice/invoice.types.ts';
import { measureBillJump, type BillJumpMeasure } from '../invoice/measure-bill-jump.ts';
import { dec, isDecimalString, roundDecimal } from '../money/index.ts';
import { billJumpSchema, type BillJump } from './audit.types.ts';
import { formatAmount } from './format-amount.ts';

const DEFAULT_RATIO = '1.5';

/** A non-negative decimal option in canonical form ("1.50" stays exact, "+1.5" becomes "1.5"). */
function readFactor(value: string, what: string): string {
  if (!isDecimalString(value) || dec(value).isNegative()) throw new BillingError('INVALID_INPUT', `${what} must be a non-negative decimal number such as "1.5", got "${value}"`);
  return dec(value).toString();
}

function sentenceOf(current: InvoiceDocument, m: BillJumpMeasure, average: string | null, ratio: string | null, rule: { factor: string; minIncrease: string }): string {
  const total = `Total ${current.total} ${current.currency}`;
  if (average === null) return `${total}: no earlier invoices to compare it with.`;
  const against = ratio === null ? `against an average of ${average} over ${m.count} earlier invoices` : `is ${ratio}x the average of ${m.count} earlier invoices (${average})`;
  const threshold = `more than ${rule.factor}x${rule.minIncrease === '0' ? '' : ` and at least ${rule.minIncrease} above`}`;
  return `${total} ${against}: ${m.jump ? 'a jump' : 'not a jump'} (${threshold} is one).`;
}

/**
 * Tells whether an invoice's total jumps against the average of earlier totals: more than `ratio`
 * times the average (default 1.5) and at least `minIncrease` above it (default 0), by the same
 * rule as the BILL_SHOCK hold (measureBillJump); the average and ratio come back as exact decimals.
 */
export function findBillJump(current: InvoiceDocument, history: Array<{ period: string; total: string }>, options: { ratio?: string; minIncrease?: string } = {}): BillJump {
  const rule = { factor: readFactor(options.ratio ?? DEFAULT_RATIO, 'ratio'), minIncrease: readFactor(options.minIncrease ?? '0', 'minIncrease') };
  for (const h of history) {
    if (!isDecimalString(h.total)) throw new BillingError('INVALID_INPUT', `the total of ${h.period} must be a decimal number, got "${h.total}"`);
  }
  const m = measureBillJump(
    current.total,
    history.map((h) => h.total),
    rule,
  );
  const average = m.average === null ? null : formatAmount(m.average, current.currency);
  const ratio = m.ratio === null ? null : roundDecimal(m.ratio, 4, 'middle').toString();
  return billJumpSchema.parse({
    total: current.total,
    currency: current.currency,
    threshold: rule.factor,
    minIncrease: rule.minIncrease,
    periods: history.map((h) => h.period),
    average,
    averageExact: m.average === null ? null : roundDecimal(m.average, 20, 'middle').toString(),
    ratio,
    increase: m.average === null ? null : formatAmount(dec(current.total).minus(m.average), current.currency),
    jump: m.jump,
    sentence: sentenceOf(current, m, average, ratio, rule),
  });
}

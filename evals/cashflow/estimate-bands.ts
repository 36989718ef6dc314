import { type dec, ZERO } from '../../tools/money/index.ts';
import type { CashflowAllocation, CashflowDocument, RiskBand } from '../../tools/cashflow/index.ts';
import { addDays } from '../../tools/time/index.ts';

/**
 * A stand-in risk band for the back-test, from what was known on the cut-off only: the share of
 * an account's invoices due at least 30 days before it that was paid within 7 days of the due
 * date (0.8 or more low, 0.4 or more medium, else high; no such invoice: no band, so medium).
 * The collections helper's payment-risk score replaces it at merge (docs/cashflow.md).
 */
export function estimateBands(documents: readonly CashflowDocument[], allocations: readonly CashflowAllocation[], cutoff: string): Record<string, RiskBand> {
  const due = new Map<string, { accountId: string; dueDate: string; total: string }>();
  for (const d of documents) if (d.dueDate && d.dueDate <= addDays(cutoff, -30) && d.kind !== 'credit_note') due.set(String(d.id), { accountId: d.accountId, dueDate: d.dueDate, total: d.total });
  const onTime = new Map<string, ReturnType<typeof dec>>();
  for (const a of allocations) {
    const d = due.get(String(a.invoiceId));
    if (!d || a.date > cutoff || a.date > addDays(d.dueDate, 7) || (a.kind !== 'payment' && a.kind !== 'return')) continue;
    onTime.set(d.accountId, (onTime.get(d.accountId) ?? ZERO).plus(a.amount));
  }
  const totals = new Map<string, ReturnType<typeof dec>>();
  for (const d of due.values()) totals.set(d.accountId, (totals.get(d.accountId) ?? ZERO).plus(d.total));
  const bands: Record<string, RiskBand> = {};
  for (const [account, total] of totals) {
    if (!total.greaterThan(0)) continue;
    const share = (onTime.get(account) ?? ZERO).div(total);
    bands[account] = share.greaterThanOrEqualTo('0.8') ? 'low' : share.greaterThanOrEqualTo('0.4') ? 'medium' : 'high';
  }
  return bands;
}

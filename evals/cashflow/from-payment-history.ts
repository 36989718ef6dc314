import type { CashflowAllocation, CashflowDocument, RiskBand } from '../../tools/cashflow/index.ts';
import type { GeneratedPaymentHistory, PaymentProfile } from '../generator/index.ts';

/** A generated payment history as the forecast reads a tenant: its invoices as documents, its payments, returns and chargebacks as cash allocations. */
export function fromPaymentHistory(history: GeneratedPaymentHistory): { documents: CashflowDocument[]; allocations: CashflowAllocation[]; end: string } {
  const documents: CashflowDocument[] = [];
  const allocations: CashflowAllocation[] = [];
  for (const a of history.accounts) {
    for (const i of a.invoices)
      documents.push({
        id: i.number,
        accountId: a.accountId,
        number: i.number,
        kind: 'invoice',
        status: i.settledOn ? 'paid' : 'issued',
        currency: a.currency,
        total: i.total,
        issueDate: i.issueDate,
        dueDate: i.dueDate,
      });
    // A return or chargeback is already negative: it reopens what its payment settled, as a return allocation does.
    for (const p of a.payments) allocations.push({ invoiceId: p.invoiceNumber, accountId: a.accountId, kind: p.kind === 'payment' ? 'payment' : 'return', amount: p.amount, date: p.date });
  }
  return { documents, allocations, end: history.until };
}

/** The generator's hidden truth as bands, for the back-test's upper bound (a perfect risk score): prompt low, late medium, chronic and defaulting high. */
export function profileBands(history: GeneratedPaymentHistory): Record<string, RiskBand> {
  const band: Record<PaymentProfile, RiskBand> = { prompt: 'low', late: 'medium', chronic: 'high', defaulting: 'high' };
  return Object.fromEntries(history.accounts.map((a) => [a.accountId, band[a.profile]]));
}

/** What the curves were learned from, in one sentence, the same on every surface. */
export function describeHistory(h: { invoices: number; invoiceWeeks: number; payments: number; thin: boolean }): string {
  if (h.payments === 0) return 'No payments are recorded yet, so the collection curves are the fallback prior (docs/cashflow.md).';
  if (h.thin) return `Only ${h.invoiceWeeks} invoice-weeks of payment history (${h.invoices} invoices, ${h.payments} payments): the collection curves are mostly the fallback prior.`;
  return `Collection curves learned from ${h.invoices} invoices and ${h.payments} payments (${h.invoiceWeeks} invoice-weeks), by age and risk band.`;
}

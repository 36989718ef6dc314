export * from './audit.types.ts';
export { explainInvoice } from './explain-invoice.ts';
export { explainSettlement } from './explain-settlement.ts';
export { explainInvoiceLine } from './explain-invoice-line.ts';
export { compareInvoices } from './compare-invoices.ts';
export { findBillJump } from './find-bill-jump.ts';
export { lineMatchKey } from './match-line-key.ts';
export { summarizeBilling, type BilledDocument, type BillingSummary } from './summarize-billing.ts';
export { customerBillSentences } from './customer-bill-sentences.ts';

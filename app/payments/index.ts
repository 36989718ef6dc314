export { importPayments, importPaymentFile, MAX_PAYMENT_FILE } from './import-payments.ts';
export { listPayments, listUnmatchedPayments, showPayment, findPayments } from './list-payments.ts';
export { matchPayment, matchPaymentByHand, checkMatchable, accountInvoiceIds } from './match-by-hand.ts';
export { recordManualPayment } from './record-manual-payment.ts';
export { loadMatchingBook, recordSettlement, recordReturn, syncInvoiceStatuses } from './settle-entries.ts';
export { paymentView, paymentViewSchema, importResultSchema, type PaymentView, type ImportResult } from './payment-view.ts';
export { proposePaymentMatch, proposeWriteOff, proposePaymentMatchOp, proposeWriteOffOp, invoiceOpenAmount } from './propose-payment-actions.ts';
export { postPaymentMatch, postWriteOff } from './post-payment-proposal.ts';

export { proposeRefund, proposeAccountRefund, type RefundAsk } from './propose-refund.ts';
export { scanPaymentFraud, scanPaymentFraudOp, type PaymentFraudScan } from './scan-payment-fraud.ts';

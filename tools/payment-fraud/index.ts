export * from './payment-fraud.types.ts';
export {
  paymentFraudThresholdsSchema,
  paymentFraudThresholdsShape,
  defaultPaymentFraudThresholds,
  type PaymentFraudThresholds,
} from './payment-fraud-thresholds.ts';
export { nameSimilarity, nameWords, jaroWinkler } from './name-similarity.ts';
export { detectSharedInstrument } from './detect-shared-instrument.ts';
export { detectRepeatedReturns } from './detect-repeated-returns.ts';
export { checkRefundDestination, type RefundDestinationCheck } from './check-refund-destination.ts';
export { detectPayerName } from './detect-payer-name.ts';
export { scanPayments } from './scan-payments.ts';
export { maskInstrument } from './payment-windows.ts';
export { checkRefundAmount } from './check-refund-amount.ts';
export { matchPaymentAlertsToLabels, type PaymentFraudLabel, type PaymentDetectionScore } from './score-payment-detection.ts';

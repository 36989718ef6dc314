import { defaultPaymentFraudThresholds, matchPaymentAlertsToLabels, scanPayments, type PaymentDetectionScore } from '../../tools/payment-fraud/index.ts';
import { generatePaymentFraudHistory, type PaymentFraudInjection, type PaymentFraudHistoryOptions } from '../generator/generate-payment-fraud-history.ts';

/** The seeded history the payment-fraud figures are measured on: 2,000 customers, six months of monthly payments. */
export const PAYMENT_FRAUD_EVAL = { seed: 15, customers: 2_000, months: 6, start: '2025-01-01' } as const satisfies PaymentFraudHistoryOptions;
export const PAYMENT_FRAUD_INJECTION: PaymentFraudInjection = { shared_instrument: 12, repeated_return: 12, refund_destination: 12, payer_name: 12 };

/** The payment-fraud figures `npm run eval` reports. */
export interface PaymentFraudFigures {
  history: { seed: number; customers: number; accounts: number; payments: number; refunds: number; labels: number };
  detectors: PaymentDetectionScore[];
  clean: { payments: number; refunds: number; alerts: number; alertsPer1kPayments: number; byDetector: Record<string, number> };
}

/** Precision and recall per payment detector on the injected history, false alerts per 1,000 payments on the same history clean. */
export function measurePaymentFraud(options: PaymentFraudHistoryOptions = PAYMENT_FRAUD_EVAL, injection = PAYMENT_FRAUD_INJECTION): PaymentFraudFigures {
  const t = defaultPaymentFraudThresholds();
  const dirty = generatePaymentFraudHistory({ ...options, inject: injection });
  const clean = generatePaymentFraudHistory(options);
  const cleanAlerts = scanPayments(clean, t);
  const byDetector: Record<string, number> = {};
  for (const a of cleanAlerts) byDetector[a.detector] = (byDetector[a.detector] ?? 0) + 1;
  return {
    history: { seed: options.seed, customers: options.customers, accounts: dirty.accounts, payments: dirty.payments.length, refunds: dirty.refunds.length, labels: dirty.labels.length },
    detectors: matchPaymentAlertsToLabels(scanPayments(dirty, t), dirty.labels),
    clean: { payments: clean.payments.length, refunds: clean.refunds.length, alerts: cleanAlerts.length, alertsPer1kPayments: (cleanAlerts.length * 1000) / clean.payments.length, byDetector },
  };
}

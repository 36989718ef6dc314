import { z } from 'zod';

const count = (n: number) => z.number().int().min(1).default(n);
const ratio = (n: number) => z.number().min(0).max(1).default(n);

/*
 * The payment detectors' thresholds, each with its default (docs/payment-fraud.md says why). They
 * are keys of the tenant's fraud thresholds (tools/fraud/fraud-thresholds.ts), so `switchboard
 * alerts thresholds --set` and PUT /fraud-thresholds change them like the usage detectors'.
 */

/** One card or IBAN paying for the accounts of many different customers. */
export const sharedInstrumentThresholdsSchema = z
  .object({
    /** Payments further apart than this are not in one window. */
    windowDays: count(30),
    /** Distinct customers one instrument pays for within a window that raise a warning... */
    warningCustomers: count(3),
    /** ...and make it critical. */
    criticalCustomers: count(5),
  })
  .strict()
  .prefault({});

/** Payments sent back (returned, reversed, charged back) again and again. */
export const repeatedReturnThresholdsSchema = z
  .object({
    /** Returns further apart than this are not in one window. */
    windowDays: count(90),
    /** Returns of one account's payments (or of one payer's, across accounts) within a window that raise a warning... */
    warningReturns: count(3),
    /** ...and make it critical. */
    criticalReturns: count(5),
  })
  .strict()
  .prefault({});

/** A refund asked to another destination than the one that paid. */
export const refundDestinationThresholdsSchema = z
  .object({
    /** The payments of the account this far back are the destinations it is known to pay from. */
    lookbackDays: count(180),
    /** An overpayment this recent before the refund request makes a flagged refund critical. */
    recentOverpaymentDays: count(30),
  })
  .strict()
  .prefault({});

/** A payer name that does not match the customer. */
export const payerNameThresholdsSchema = z
  .object({
    /** Below this name similarity (0..1, tools/payment-fraud/name-similarity.ts) a payment is flagged. */
    minSimilarity: ratio(0.5),
    /** Two words count as the same word from this Jaro-Winkler similarity (a typo, a transliteration). */
    wordMatch: ratio(0.88),
    /** Mismatched payments of one payer name to one account that make the alert critical. */
    criticalPayments: count(3),
  })
  .strict()
  .prefault({});

/** The payment detectors' thresholds, as the tenant's fraud thresholds hold them. */
export const paymentFraudThresholdsShape = {
  sharedInstrument: sharedInstrumentThresholdsSchema,
  repeatedReturn: repeatedReturnThresholdsSchema,
  refundDestination: refundDestinationThresholdsSchema,
  payerName: payerNameThresholdsSchema,
};
export const paymentFraudThresholdsSchema = z.object(paymentFraudThresholdsShape).strict();
export type PaymentFraudThresholds = z.output<typeof paymentFraudThresholdsSchema>;

/** Every payment threshold at its default. */
export function defaultPaymentFraudThresholds(): PaymentFraudThresholds {
  return paymentFraudThresholdsSchema.parse({});
}

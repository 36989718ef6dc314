import { z } from 'zod';
import { calendarDateSchema, decimalStringSchema } from '../schemas/index.ts';

/**
 * What the payment-risk score reads of an account: its invoices (and debit notes) with due dates,
 * the money movements on them (payments positive; returns and chargebacks negative), the disputes
 * it opened and the day it was opened. Only what is dated on or before `asOf` counts, so a history
 * read today and the same history cut at an earlier date score as they would have then.
 */
export const paymentHistorySchema = z.object({
  asOf: calendarDateSchema,
  openedOn: calendarDateSchema,
  invoices: z.array(z.object({ number: z.string().min(1), issueDate: calendarDateSchema, dueDate: calendarDateSchema, total: decimalStringSchema })),
  payments: z.array(z.object({ invoiceNumber: z.string().min(1), date: calendarDateSchema, amount: decimalStringSchema, kind: z.enum(['payment', 'return', 'chargeback']) })),
  disputes: z.array(z.object({ invoiceNumber: z.string().min(1), openedOn: calendarDateSchema })),
});
export type PaymentHistory = z.infer<typeof paymentHistorySchema>;

export const paymentRiskBandSchema = z.enum(['low', 'medium', 'high']);
export type PaymentRiskBand = z.infer<typeof paymentRiskBandSchema>;

/** The score's inputs, each scaled to about 0..3 (docs/collections.md, "Payment-risk score"). */
export const paymentRiskFeaturesSchema = z.object({
  /** Mean days late (each capped at 60) of the last 12 due invoices, / 30; an open one counts its days past due so far. */
  averageDaysLate: z.number(),
  /** The same over the last 3: a recent slide. */
  recentDaysLate: z.number(),
  /** Share of the last 12 due invoices paid more than 30 days late or open more than 30 days past due. */
  shareLate30: z.number(),
  /** Days the oldest open invoice is past due (capped at 90), / 30: ageing alone. */
  daysPastDue: z.number(),
  /** Due invoices still open (capped at 3). */
  openOverdue: z.number(),
  /** Returned payments and chargebacks in the last 365 days (capped at 3). */
  bounces: z.number(),
  /** Disputes opened in the last 365 days (capped at 3). */
  disputes: z.number(),
  /** 1 for an account opened today, falling to 0 at two years' tenure. */
  youngTenure: z.number(),
});
export type PaymentRiskFeatures = z.infer<typeof paymentRiskFeaturesSchema>;

/** The score and its band (what the cash-flow forecast reads per account), with the features behind it. */
export const paymentRiskSchema = z.object({ score: z.number().min(0).max(1), band: paymentRiskBandSchema, features: paymentRiskFeaturesSchema });
export type PaymentRisk = z.infer<typeof paymentRiskSchema>;

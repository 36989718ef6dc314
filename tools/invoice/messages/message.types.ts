import { z } from 'zod';
import { serviceSchema } from '../../cdr/usage-record.types.ts';

/**
 * Personalised invoice messages: each is computed by tools from figures the bill run has (this
 * invoice's lines, earlier invoices, the what-if recommendations, the allowance ledger, the
 * catalog's promotions) and stored in the document with the figures it names, so the printed
 * sentence is a template filled with stored values and nothing is computed when it is shown.
 */

/** One figure a message names: its value as computed (decimal string, integer, date or period), its unit and where it comes from. */
export const messageFigureSchema = z.object({
  value: z.string().min(1),
  /** MB, GB, min, SMS, % , an ISO currency code, "date" (YYYY-MM-DD) or "periods". */
  unit: z.string().min(1),
  /** The figures it was computed from, in words a person can check. */
  source: z.string(),
});
export type MessageFigure = z.infer<typeof messageFigureSchema>;

/** The phone line a message is about (the label is the customer's own text, printed as data). */
export const messageLineSchema = z.object({
  subscriptionId: z.string(),
  msisdn: z.string(),
  label: z.string().nullable().default(null),
});
export type MessageLine = z.infer<typeof messageLineSchema>;

const figure = messageFigureSchema;

export const invoiceMessageSchema = z.discriminatedUnion('kind', [
  /** This period's usage of one service against the average of the three earlier periods. */
  z.object({
    kind: z.literal('usage_change'),
    line: messageLineSchema,
    service: serviceSchema,
    figures: z.object({ current: figure, average: figure, change: figure }),
  }),
  /** What another plan would have cost this period (the document's what-if recommendation). */
  z.object({
    kind: z.literal('plan_saving'),
    line: messageLineSchema,
    planId: z.string(),
    planName: z.string(),
    figures: z.object({ current: figure, alternative: figure, saving: figure, savingPercent: figure }),
  }),
  /** Allowance units carried into the next period, and the last day they may be used. */
  z.object({
    kind: z.literal('rollover_left'),
    line: messageLineSchema,
    allowanceId: z.string(),
    service: serviceSchema,
    figures: z.object({ units: figure, usableUntil: figure }),
  }),
  /** Allowance units left at the end of the period that did not carry on: they expired with it. */
  z.object({
    kind: z.literal('allowance_expired'),
    line: messageLineSchema,
    allowanceId: z.string(),
    service: serviceSchema,
    figures: z.object({ units: figure, available: figure, expiredOn: figure }),
  }),
  /** A promotion whose last period is this one or the next. */
  z.object({
    kind: z.literal('promotion_ending'),
    line: messageLineSchema,
    promotionId: z.string(),
    promotionName: z.string(),
    figures: z.object({ periodsLeft: figure, endsOn: figure }),
  }),
]);
export type InvoiceMessage = z.infer<typeof invoiceMessageSchema>;
export type InvoiceMessageKind = InvoiceMessage['kind'];

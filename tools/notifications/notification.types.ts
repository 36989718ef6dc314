import { z } from 'zod';

/** What a notification is about; each kind has its own payload. */
export const NOTIFICATION_KINDS = ['invoice_issued', 'invoice_upcoming', 'usage_threshold', 'payment_received', 'dunning_step', 'plan_recommendation', 'usage_forecast', 'payment_promise'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where a notification goes: the customer's email, the operator's webhook endpoint. */
export const NOTIFICATION_CHANNELS = ['email', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** queued → sending → delivered; a failed attempt goes back to failed (retried) until dead; opted-out ones are skipped. */
export const NOTIFICATION_STATUSES = ['queued', 'sending', 'delivered', 'failed', 'dead', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

const money = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal amount');
const invoiceFacts = { invoiceId: z.number().int(), number: z.string().nullable(), period: z.string(), total: money, currency: z.string() };

/** The payload of each kind: stored as JSON in the outbox and sent as the webhook's `data`. */
export const notificationPayloadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('invoice_issued'), ...invoiceFacts, issueDate: z.string().nullable(), dueDate: z.string().nullable() }).strict(),
  z.object({ kind: z.literal('invoice_upcoming'), period: z.string(), billingDate: z.string() }).strict(),
  z
    .object({
      kind: z.literal('usage_threshold'),
      subscriptionId: z.string(),
      allowanceId: z.string(),
      service: z.string(),
      period: z.string(),
      percent: z.union([z.literal(80), z.literal(100)]),
      used: z.string(),
      granted: z.string(),
    })
    .strict(),
  z.object({ kind: z.literal('payment_received'), ...invoiceFacts }).strict(),
  z
    .object({
      kind: z.literal('dunning_step'),
      invoiceId: z.number().int(),
      step: z.string(),
      proposalId: z.number().int().nullable(),
      /** What the step does (reminder, late_fee, restriction, barring...); absent on rows before the cycle's ladder. */
      action: z.string().optional(),
      /** The channels the strategy picked for the account's risk band; `sms` is for the operator's SMS gateway behind the webhook. */
      channels: z.array(z.enum(['email', 'sms'])).optional(),
      number: z.string().nullable().optional(),
      overdue: money.optional(),
      currency: z.string().optional(),
      daysPastDue: z.number().int().optional(),
      /** The late fee charged (its debit note's number beside it), for a late_fee step. */
      lateFee: money.nullable().optional(),
      noteNumber: z.string().nullable().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('payment_promise'),
      promiseId: z.number().int(),
      status: z.enum(['recorded', 'kept', 'broken']),
      amount: money,
      currency: z.string(),
      promisedFor: z.string(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('plan_recommendation'),
      subscriptionId: z.string(),
      currentPlan: z.string(),
      recommendedPlan: z.string(),
      saving: money,
      currency: z.string(),
      period: z.string(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('usage_forecast'),
      subscriptionId: z.string(),
      allowanceId: z.string(),
      service: z.string(),
      period: z.string(),
      /** The period's last day, when the forecast is for. */
      lastDay: z.string(),
      /** Display unit of the quantities (min, SMS, MB). */
      unit: z.string(),
      included: z.string(),
      used: z.string(),
      projected: z.string(),
      /** Expected extra charge before tax, by exact charging of the projection. */
      extraCharge: money,
      currency: z.string(),
      /** A plan that would cost less for the projected period. */
      suggestion: z.object({ planId: z.string(), planName: z.string(), saving: money, alternativeAmount: money }).strict().nullable(),
    })
    .strict(),
]);
export type NotificationPayload = z.infer<typeof notificationPayloadSchema>;

/** An account's notification settings; an account without a row gets the defaults. */
export const notificationSettingsSchema = z
  .object({
    channels: z.array(z.enum(NOTIFICATION_CHANNELS)).default(['email', 'webhook']),
    /** Overrides the customer's email address. */
    email: z.string().email().nullable().default(null),
    /** Overrides the account's language (BCP 47; printed in en, de, fr or es, else English). */
    language: z.string().min(2).max(10).nullable().default(null),
    optOuts: z.array(z.enum(NOTIFICATION_KINDS)).default([]),
  })
  .strict();
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

import { z } from 'zod';
import { dunningActionSchema, paymentPlanSchema } from '../collections/collections.types.ts';
import { calendarDateSchema, billingMonthSchema, decimalStringSchema } from '../schemas/index.ts';
import { taxLineSchema } from '../tax/tax.types.ts';
import type { ProposalKind } from './approval.types.ts';

/*
 * What each kind of proposal stores: the figures the billing tools computed when it was proposed
 * and what posting applies. Field order is the order the builders write (output follows it).
 * Fields posting needs are required; the rest are optional so rows written by older versions
 * (e.g. a dunning step with only invoiceId and step) still read.
 */

/** A fee waiver or credit: the line it credits and the credit note it would issue (negative amounts). */
export const creditPayloadSchema = z.object({
  invoiceId: z.number().int(),
  invoiceNumber: z.string().nullable().optional(),
  lineId: z.string(),
  lineDescription: z.string().optional(),
  lineAmount: decimalStringSchema.optional(),
  lineCharged: decimalStringSchema.optional(),
  preview: z.object({ subtotal: decimalStringSchema, taxTotal: decimalStringSchema, total: decimalStringSchema, taxes: z.array(taxLineSchema) }).optional(),
});

/** Releasing a held invoice: why it was held and its total. */
export const releaseHoldPayloadSchema = z.object({
  invoiceId: z.number().int(),
  holdReasons: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
  total: decimalStringSchema.optional(),
});

/** Voiding an invoice: what it was when proposed. */
export const voidInvoicePayloadSchema = z.object({
  invoiceId: z.number().int(),
  number: z.string().nullable().optional(),
  status: z.string().optional(),
  total: decimalStringSchema.optional(),
});

const rerateNoteSchema = z.object({ accountId: z.string(), kind: z.string(), number: z.string().nullable(), total: decimalStringSchema, corrects: z.string() });
const rerateEventsSchema = z.object({ considered: z.number().int(), changed: z.number().int(), repriced: z.number().int() });

/** Re-rating an account's month: the rolled-back preview of what it changes. */
export const reratePayloadSchema = z.object({
  period: billingMonthSchema,
  events: rerateEventsSchema.optional(),
  notes: z.array(rerateNoteSchema).optional(),
  rebilled: z.array(z.string()).optional(),
});

/** Giving an event another category, with the cost before and after (previewed). */
export const recategorisePayloadSchema = z.object({
  eventId: z.number().int(),
  period: billingMonthSchema,
  from: z.string().optional(),
  category: z.string(),
  oldCost: decimalStringSchema.nullable().optional(),
  newCost: decimalStringSchema.nullable().optional(),
  notes: z.array(rerateNoteSchema).optional(),
});

const instalmentSchema = z.object({ sequence: z.number().int().positive(), dueDate: calendarDateSchema, amount: decimalStringSchema });

/** A payment plan: instalments that add up to the open balance exactly. */
export const paymentPlanPayloadSchema = z.object({
  instalments: z.array(instalmentSchema),
  plan: paymentPlanSchema.optional(),
  invoices: z.array(z.string().nullable()).optional(),
});

/** A dunning step on the oldest overdue invoice of an account. */
export const dunningStepPayloadSchema = z.object({
  invoiceId: z.number().int(),
  step: z.string(),
  action: dunningActionSchema.optional(),
  lateFee: decimalStringSchema.nullable().optional(),
  daysPastDue: z.number().int().optional(),
  /** The channels the collections strategy picked for the account's risk band. */
  channels: z.array(z.enum(['email', 'sms'])).optional(),
});

/**
 * A customer's case (a dispute or a callback request): the account, optionally the invoice and
 * line it is about, and the customer's own words, kept as data (shown escaped, never obeyed).
 */
export const customerCasePayloadSchema = z.object({
  accountId: z.string(),
  invoiceId: z.number().int().nullable(),
  invoiceNumber: z.string().nullable(),
  lineId: z.string().nullable(),
  lineDescription: z.string().nullable(),
  words: z.string(),
  channel: z.literal('portal_chat'),
});

/** Barring a line a confirmed critical fraud alert is about: the alert and what it found. */
export const barLinePayloadSchema = z.object({
  alertId: z.number().int(),
  subscriber: z.string(),
  detector: z.string(),
  severity: z.string(),
  alertSummary: z.string(),
});

/** Matching an unmatched payment to an account and invoices of it (settled first; the rest oldest first, any excess as credit). */
export const matchPaymentPayloadSchema = z.object({
  paymentId: z.number().int(),
  invoiceIds: z.array(z.number().int()),
  invoiceNumbers: z.array(z.string().nullable()).optional(),
  bookingDate: calendarDateSchema.optional(),
  payerName: z.string().nullable().optional(),
});

/** Writing off what is still open on an invoice (an allocation of kind write_off). */
export const writeOffPayloadSchema = z.object({
  invoiceId: z.number().int(),
  invoiceNumber: z.string().nullable().optional(),
  open: decimalStringSchema.optional(),
});

/**
 * A refund of an account's credit balance to an IBAN: where the money goes, the balance when it
 * was proposed, and what the destination check (docs/payment-fraud.md, check c) found, so the
 * approver sees the evidence of a flagged destination on the proposal itself.
 */
export const refundPayloadSchema = z.object({
  accountId: z.string(),
  /** The destination IBAN, normalised (ISO 13616, checked). */
  iban: z.string(),
  /** The destination account holder's name as given. */
  holderName: z.string(),
  creditBalance: decimalStringSchema,
  destinationCheck: z.object({
    passed: z.boolean(),
    /** The instruments the account paid from in the look-back (IBANs, card tokens as card:…). */
    paidFrom: z.array(z.string()),
    severity: z.enum(['warning', 'critical']).nullable(),
    summary: z.string().nullable(),
    signals: z.array(z.string()),
  }),
});

/**
 * Adopting a tax or regulatory pack version (docs/taxes.md, "Rule updates"): what it changes in
 * words and the preview of the last billed period, as the approver saw them. No money moves on
 * adoption; bills from its effective date use it.
 */
export const adoptTaxPackPayloadSchema = z.object({
  packId: z.string(),
  version: z.string(),
  effectiveFrom: calendarDateSchema,
  /** The version in force it replaces. */
  replaces: z.string(),
  changes: z.array(z.string()),
  preview: z
    .object({
      period: billingMonthSchema,
      invoices: z.number().int(),
      changed: z.number().int(),
      failing: z.number().int(),
      totals: z.array(z.object({ currency: z.string(), before: decimalStringSchema, after: decimalStringSchema, difference: decimalStringSchema })),
    })
    .nullable(),
});

/** The payload schema of each kind. */
export const proposalPayloadSchemas = {
  fee_waiver: creditPayloadSchema,
  credit: creditPayloadSchema,
  release_hold: releaseHoldPayloadSchema,
  void_invoice: voidInvoicePayloadSchema,
  rerate: reratePayloadSchema,
  recategorise: recategorisePayloadSchema,
  payment_plan: paymentPlanPayloadSchema,
  dunning_step: dunningStepPayloadSchema,
  customer_dispute: customerCasePayloadSchema,
  callback_request: customerCasePayloadSchema,
  bar_line: barLinePayloadSchema,
  match_payment: matchPaymentPayloadSchema,
  write_off: writeOffPayloadSchema,
  refund: refundPayloadSchema,
  adopt_tax_pack: adoptTaxPackPayloadSchema,
} as const satisfies Record<ProposalKind, z.ZodObject>;

/** The payload of one kind. */
export type ProposalPayload<K extends ProposalKind = ProposalKind> = z.infer<(typeof proposalPayloadSchemas)[K]>;

/** A kind with its payload; narrowing on `kind` narrows the payload. */
export type KindAndPayload<K extends ProposalKind = ProposalKind> = K extends ProposalKind ? { kind: K; payload: ProposalPayload<K> } : never;

const variant = <K extends ProposalKind>(kind: K) => z.object({ kind: z.literal(kind), payload: proposalPayloadSchemas[kind] });

/** A proposal's kind and payload, discriminated by kind: what is stored is read through this. */
export const proposalPayloadSchema = z.discriminatedUnion('kind', [
  variant('fee_waiver'),
  variant('credit'),
  variant('release_hold'),
  variant('void_invoice'),
  variant('rerate'),
  variant('recategorise'),
  variant('payment_plan'),
  variant('dunning_step'),
  variant('customer_dispute'),
  variant('callback_request'),
  variant('bar_line'),
  variant('match_payment'),
  variant('write_off'),
  variant('refund'),
  variant('adopt_tax_pack'),
]);

import { z } from 'zod';
import { taxLineSchema, taxNoteSchema } from '../tax/tax.types.ts';
import { calendarDateSchema, decimalStringSchema } from '../schemas/index.ts';
import { invoiceMessageSchema } from './messages/message.types.ts';

/**
 * The invoice document: what assembly produces, what the database stores (as JSON), and what every
 * renderer (JSON, PDF, EN 16931 UBL) reads. Amounts are decimal strings rounded to the currency's
 * minor unit; no renderer computes an amount, it prints these.
 */

const decimalString = decimalStringSchema;
const isoDate = calendarDateSchema;

export const postalAddressSchema = z.object({
  lines: z.array(z.string()).max(3),
  city: z.string(),
  postcode: z.string(),
  /** Subdivision (state, county), optional. */
  region: z.string().nullable(),
  /** ISO 3166 alpha-2. */
  country: z.string().length(2),
});
export type PostalAddress = z.infer<typeof postalAddressSchema>;

/** The operator issuing the invoice (operator settings). */
export const sellerSchema = z.object({
  name: z.string().min(1),
  address: postalAddressSchema,
  vatId: z.string().nullable(),
  /** Company registration number (legal entity id). */
  companyId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** IBAN payments go to (UBL PaymentMeans), optional. */
  iban: z.string().nullable(),
});
export type Seller = z.infer<typeof sellerSchema>;

export const buyerSchema = z.object({
  accountId: z.string().min(1),
  customerId: z.string().min(1),
  name: z.string().min(1),
  address: postalAddressSchema,
  vatId: z.string().nullable(),
  email: z.string().nullable(),
  segment: z.string(),
  business: z.boolean(),
});
export type Buyer = z.infer<typeof buyerSchema>;

/** Sections an invoice groups its lines in, in print order (truth-in-billing: like with like). */
export const lineSectionSchema = z.enum(['plans', 'usage', 'one_time', 'promotions', 'discounts', 'adjustments']);
export type LineSection = z.infer<typeof lineSectionSchema>;

/** Why an amount is what it is: the catalog items, usage events and tariff rows behind a line. */
export const provenanceSchema = z.object({
  catalogItems: z.array(z.string()),
  /** Usage events (ids in the usage store) the line charges, with what each contributed. */
  usageEvents: z.array(
    z.object({
      id: z.number().int(),
      /** The rated cost of the event (tariff). */
      rated: decimalString,
      /** What this line charges for it after allowances and promotions. */
      charged: decimalString,
      /** Usage covered by an allowance, base units (voice ms, sms count, data bytes). */
      covered: z.number().int().nonnegative(),
      allowanceId: z.string().nullable(),
    }),
  ),
  /** Tariff rows (tariff version id + rate id + slot) that priced the events. */
  tariffRows: z.array(z.string()),
  /** How the amount was computed, in words a person can check (e.g. "10.00 x 16/31 days"). */
  calculation: z.string(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** One line of the operator's own charges (government charges are tax lines). */
export const invoiceLineSchema = z.object({
  id: z.string().min(1),
  section: lineSectionSchema,
  description: z.string(),
  /** The subscription (MSISDN) the line belongs to; null for account-level lines. */
  subscriptionId: z.string().nullable(),
  msisdn: z.string().nullable(),
  quantity: decimalString,
  /** UN/ECE Recommendation 20 unit code for UBL (MON month, MIN minute, C62 one, 4L megabyte…). */
  unitCode: z.string(),
  /** Human unit for the PDF ("month", "min", "SMS", "MB", "call"). */
  unit: z.string(),
  /** Net unit price as printed (amount / quantity may not be exact for usage; UBL uses amount with quantity 1 then). */
  unitPrice: decimalString.nullable(),
  /** Net amount, rounded to the currency's minor unit; negative for promotions and discounts. */
  amount: decimalString,
  taxClass: z.string(),
  /** UNCL5305 VAT category and percentage applied to this line, for the e-invoice. */
  taxCategory: z.object({ code: z.string(), ratePercent: decimalString.nullable() }),
  servicePeriod: z.object({ from: isoDate, to: isoDate }),
  provenance: provenanceSchema,
});
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

/** Usage at a glance: what was used per service and category, and what it cost after allowances. */
export const usageSummaryRowSchema = z.object({
  service: z.enum(['voice', 'sms', 'data']),
  category: z.string(),
  events: z.number().int().nonnegative(),
  /** Quantity in the display unit (minutes, messages, MB), as a decimal string. */
  quantity: decimalString,
  unit: z.string(),
  /** Part of the quantity covered by allowances, same unit. */
  included: decimalString,
  amount: decimalString,
});
export type UsageSummaryRow = z.infer<typeof usageSummaryRowSchema>;

/** A deterministic what-if result: this account's period charged under another plan. */
export const recommendationSchema = z.object({
  subscriptionId: z.string(),
  currentPlanId: z.string(),
  planId: z.string(),
  planName: z.string(),
  /** What the period cost on the current plan and would have cost on the other, before tax. */
  currentAmount: decimalString,
  alternativeAmount: decimalString,
  saving: decimalString,
});
export type Recommendation = z.infer<typeof recommendationSchema>;

/**
 * One phone line of the invoice (or, with a null subscription, the account-level charges): what it
 * is called and where its cost is booked, and what its lines add up to. Every layout prints from
 * these, so the family and enterprise tables never compute an amount.
 */
export const phoneLineSummarySchema = z.object({
  /** Null for the account-level charges (one-time fees, account discounts). */
  subscriptionId: z.string().nullable(),
  msisdn: z.string().nullable(),
  /** The customer's name for the line ("Anna's phone"), printed as data. */
  label: z.string().nullable(),
  /** The enterprise customer's cost centre for the line. */
  costCentre: z.string().nullable(),
  /** How many invoice lines belong to it. */
  charges: z.number().int().nonnegative(),
  /** Sum of those lines' amounts (net). */
  amount: decimalString,
});
export type PhoneLineSummary = z.infer<typeof phoneLineSummarySchema>;

/** What the lines of one cost centre add up to (null: lines without one, and account-level charges). */
export const costCentreSummarySchema = z.object({
  costCentre: z.string().nullable(),
  /** Phone lines booked to it. */
  phoneLines: z.number().int().nonnegative(),
  amount: decimalString,
});
export type CostCentreSummary = z.infer<typeof costCentreSummarySchema>;

/** The kinds of billing document (also the enum of the invoices.kind column). */
export const INVOICE_KINDS = ['invoice', 'credit_note', 'debit_note'] as const;
export const invoiceKindSchema = z.enum(INVOICE_KINDS);
export type InvoiceKind = z.infer<typeof invoiceKindSchema>;

/** The life of a billing document (also the enum of the invoices.status column). */
export const INVOICE_STATUSES = ['draft', 'held', 'issued', 'paid', 'overdue', 'void'] as const;
export const invoiceStatusSchema = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof invoiceStatusSchema>;

export const invoiceDocumentSchema = z.object({
  kind: invoiceKindSchema,
  /** Gapless number within its series; null until issued. */
  number: z.string().nullable(),
  series: z.string(),
  status: invoiceStatusSchema,
  /** Why an invoice is held (flags a person must look at). */
  holdReasons: z.array(z.object({ code: z.string(), message: z.string() })),
  issueDate: isoDate.nullable(),
  dueDate: isoDate.nullable(),
  period: z.object({ label: z.string(), from: isoDate, to: isoDate }),
  currency: z.string().length(3),
  /** BCP 47 language the invoice is printed in (en, fr, de...). */
  language: z.string(),
  seller: sellerSchema,
  buyer: buyerSchema,
  lines: z.array(invoiceLineSchema),
  taxes: z.array(taxLineSchema),
  taxNotes: z.array(taxNoteSchema),
  usageSummary: z.array(usageSummaryRowSchema),
  recommendations: z.array(recommendationSchema),
  /** Personalised messages with the figures they name (tools/invoice/messages); none on notes, none on documents stored before them. */
  messages: z.array(invoiceMessageSchema).default([]),
  /** Sum of line amounts. */
  subtotal: decimalString,
  /** Sum of tax line amounts. */
  taxTotal: decimalString,
  /** subtotal + taxTotal. */
  total: decimalString,
  /** For credit and debit notes: the invoice they correct. */
  correcting: z.object({ number: z.string(), issueDate: isoDate, reason: z.string() }).nullable(),
  /** The lines' amounts per phone line, in print order; empty on documents stored before layouts (renderers derive it then). */
  phoneLines: z.array(phoneLineSummarySchema).default([]),
  /** The lines' amounts per cost centre, in print order; empty on documents stored before layouts. */
  costCentres: z.array(costCentreSummarySchema).default([]),
});
export type InvoiceDocument = z.infer<typeof invoiceDocumentSchema>;

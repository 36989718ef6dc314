import { z } from 'zod';
import { postalAddressSchema } from '../invoice/invoice.types.ts';
import { billingMonthSchema, calendarDateSchema } from '../schemas/index.ts';

/**
 * Customers, accounts and subscriptions, defined once here (`switchboard accounts import`, the
 * API, the agent tools). A customer owns accounts; an account is what is billed (cycle day,
 * currency, language, tax jurisdiction); a subscription is one telephone line on an account, with
 * its plan over time. Usage attaches to a subscription by MSISDN and time.
 */

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');
const isoDate = calendarDateSchema;

export const customerSchema = z
  .object({
    id,
    name: z.string().trim().min(1).max(200),
    segment: id.default('consumer'),
    email: z.string().email().nullable().default(null),
    address: postalAddressSchema,
    /** When the customer joined (loyalty discounts count tenure from here). */
    customerSince: isoDate,
  })
  .strict();
export type Customer = z.infer<typeof customerSchema>;

export const taxJurisdictionSchema = z
  .object({
    country: z.string().length(2).toUpperCase(),
    region: z.string().min(1).max(10).nullable().default(null),
  })
  .strict();

/** The invoice layouts (docs/invoices-output.md): chosen by the account's preference, else by segment and line count. */
export const INVOICE_LAYOUTS = ['consumer', 'family', 'enterprise'] as const;
export const invoiceLayoutSchema = z.enum(INVOICE_LAYOUTS);
export type InvoiceLayout = z.infer<typeof invoiceLayoutSchema>;

/** How much of the usage an invoice itemises: totals only, a table per line, or every call in an annex. */
export const INVOICE_DETAIL_LEVELS = ['summary', 'per_line', 'per_call'] as const;

/** What the customer asked of their bill: layout, detail, paper or email, large print. */
export const invoicePreferencesSchema = z
  .object({
    /** "auto": by the customer's segment and the account's line count. */
    layout: z.enum(['auto', ...INVOICE_LAYOUTS]).default('auto'),
    detail: z.enum(INVOICE_DETAIL_LEVELS).default('per_line'),
    delivery: z.enum(['email', 'paper']).default('email'),
    /** Accessibility: larger type and more spacing. */
    largePrint: z.boolean().default(false),
  })
  .strict();
export type InvoicePreferences = z.infer<typeof invoicePreferencesSchema>;
/** What an account without preferences gets. */
export const DEFAULT_INVOICE_PREFERENCES: InvoicePreferences = invoicePreferencesSchema.parse({});

export const accountSchema = z
  .object({
    id,
    customerId: id,
    /** Day of the month each billing period starts (1-28, so every month has it). */
    billingCycleDay: z.number().int().min(1).max(28).default(1),
    currency: z.string().length(3).toUpperCase(),
    language: z.string().min(2).max(10).default('en'),
    taxJurisdiction: taxJurisdictionSchema,
    /** VAT id of a business account (reverse charge, EN 16931 buyer VAT id). */
    vatId: z
      .string()
      .regex(/^[A-Z]{2}[A-Za-z0-9+*.]{2,13}$/, 'a VAT id with its country prefix, e.g. DE123456789')
      .nullable()
      .default(null),
    /** Tax ids (as named in the tax packs) the account is exempt from. */
    taxExemptions: z.array(z.string().min(1)).default([]),
    /** Catalog discounts of kind "account" granted to this account. */
    discounts: z.array(id).default([]),
    /** Days from issue to due date. */
    paymentTermsDays: z.number().int().min(0).max(120).default(14),
    invoicePreferences: invoicePreferencesSchema.prefault({}),
  })
  .strict();
export type Account = z.infer<typeof accountSchema>;

/** One step of a subscription's plan history: from this date the line is on this plan. */
export const planPeriodSchema = z.object({ planId: id, from: isoDate }).strict();

/** A one-time charge billed to a line in a given period (device instalments start there). */
export const oneTimeOrderSchema = z.object({ chargeId: id, period: billingMonthSchema }).strict();

export const subscriptionSchema = z
  .object({
    id,
    accountId: id,
    /** E.164 digits without "+". */
    msisdn: z.string().regex(/^\d{6,15}$/, 'E.164 digits without +'),
    imsi: z
      .string()
      .regex(/^\d{14,15}$/)
      .nullable()
      .default(null),
    /** The plan history, oldest first; the first entry's date is when the line started. */
    plans: z.array(planPeriodSchema).min(1),
    /** The day after the last day of service, when the line ended. */
    endDate: isoDate.nullable().default(null),
    status: z.enum(['active', 'suspended', 'terminated']).default('active'),
    orders: z.array(oneTimeOrderSchema).default([]),
    /** What the customer calls the line ("Anna's phone"): the family layout groups by it. */
    label: z.string().trim().min(1).max(60).nullable().default(null),
    /** The enterprise customer's cost centre for the line: the enterprise layout totals by it. */
    costCentre: z.string().trim().min(1).max(40).nullable().default(null),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (let i = 1; i < s.plans.length; i++) {
      if (s.plans[i]!.from <= s.plans[i - 1]!.from) ctx.addIssue({ code: 'custom', path: ['plans', i, 'from'], message: 'plan changes must be in date order' });
    }
    if (s.endDate && s.endDate <= s.plans[0]!.from) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'a line must end after it starts' });
  });
export type Subscription = z.infer<typeof subscriptionSchema>;

/** The JSON form of an accounts file. */
export const accountsFileSchema = z
  .object({
    customers: z.array(customerSchema).default([]),
    accounts: z.array(accountSchema).default([]),
    subscriptions: z.array(subscriptionSchema).default([]),
  })
  .strict();
export type AccountsFile = z.infer<typeof accountsFileSchema>;

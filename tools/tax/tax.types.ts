import { z } from 'zod';
import { calendarDateSchema, decimalStringSchema } from '../schemas/index.ts';

/**
 * The contract between charging and taxation. Charging produces taxable lines (already rounded to
 * the currency's minor unit, each inside one service period that no tax-rate change crosses);
 * `calculateTaxes` turns them into tax lines from effective-dated jurisdiction rule packs.
 */

const decimalString = decimalStringSchema;
const isoDate = calendarDateSchema;

/**
 * What kind of supply a line is, for tax purposes. Rule packs decide what each class costs:
 * EU VAT taxes every telecom class alike; a US-style pack puts federal surcharges on the
 * interstate and international portions only.
 */
export const taxClassSchema = z.enum([
  'telecom', // services billed as a whole: recurring fees, bundles, promotions and discounts on them
  'telecom_local', // intrastate usage (local, national within the state, on-net, SMS, data)
  'telecom_interstate', // usage that crosses a state (US) — treated as telecom outside the US
  'telecom_international', // calls to and while abroad
  'equipment', // devices and instalments: goods, not telecom services
  'exempt', // outside the scope of tax (e.g. toll-free, emergency)
]);
export type TaxClass = z.infer<typeof taxClassSchema>;

/** One line of the operator's own charges, as the tax engine sees it. */
export const taxableLineSchema = z.object({
  id: z.string().min(1),
  /** Net amount in the invoice currency, rounded to the minor unit; negative for discounts and credits. */
  amount: decimalString,
  taxClass: taxClassSchema,
  /** The days the line pays for, [from, to) in the customer's calendar; charging splits lines at rate changes. */
  servicePeriod: z.object({ from: isoDate, to: isoDate }),
  /** The subscription (telephone line) the charge belongs to, null for account-level charges. */
  subscriptionId: z.string().nullable(),
});
export type TaxableLine = z.infer<typeof taxableLineSchema>;

/** Where and who the customer is: enough to find the place of supply and any exemption. */
export const taxCustomerSchema = z.object({
  /** ISO 3166 alpha-2: the place of supply for telecom services (the customer's country). */
  country: z.string().length(2),
  /** Subdivision (US state, e.g. "CA"), when the pack needs it. */
  region: z.string().nullable(),
  business: z.boolean(),
  /** VAT identification number of a business customer (with its country prefix, e.g. "DE123456789"). */
  vatId: z.string().nullable(),
  /** Tax ids (as named in the packs, e.g. "US-CA-SALES") the customer is exempt from, with a certificate on file. */
  exemptions: z.array(z.string()),
});
export type TaxCustomer = z.infer<typeof taxCustomerSchema>;

/** Everything the tax engine needs for one invoice. */
export const taxInputSchema = z.object({
  currency: z.string().length(3),
  /** ISO 3166 alpha-2 of the seller's establishment (reverse charge needs it). */
  sellerCountry: z.string().length(2),
  customer: taxCustomerSchema,
  lines: z.array(taxableLineSchema),
  /** Telephone lines (subscriptions) on the invoice with the days each was active, for per-line fees. */
  subscriptions: z.array(z.object({ id: z.string().min(1), activeFrom: isoDate, activeTo: isoDate })),
  /** The billing period [from, to). */
  period: z.object({ from: isoDate, to: isoDate }),
});
export type TaxInput = z.infer<typeof taxInputSchema>;

/** One tax or government-mandated charge on the invoice. */
export const taxLineSchema = z.object({
  /** The rule's id in its pack, e.g. "EU-VAT-DE-STANDARD", "US-FUSF", "US-CA-911". */
  taxId: z.string(),
  packId: z.string(),
  /** Human name printed on the invoice. */
  name: z.string(),
  /** ISO 3166 alpha-2 (and region) the tax is due to. */
  jurisdiction: z.string(),
  kind: z.enum(['percentage', 'per_line']),
  /** Percentage (e.g. "19") for percentage taxes; null for per-line fees. */
  ratePercent: decimalString.nullable(),
  /** Per-line fee amount for per-line fees; null otherwise. */
  feePerLine: decimalString.nullable(),
  /** The base the percentage applied to (sum of the lines' amounts), or the number of lines for per-line fees. */
  base: decimalString,
  amount: decimalString,
  /** The part of the period this line covers: a rate change inside the period splits a tax into two lines. */
  servicePeriod: z.object({ from: isoDate, to: isoDate }),
  /** Taxable line ids that make up the base. */
  lineIds: z.array(z.string()),
  /** For per-line fees: the subscriptions counted in the base (lineIds is empty for them). */
  subscriptionIds: z.array(z.string()).optional(),
  /** Category code for e-invoicing (UNCL5305: S standard, AE reverse charge, E exempt, O outside scope, Z zero). */
  categoryCode: z.enum(['S', 'AE', 'E', 'O', 'Z', 'K', 'G', 'L', 'M']),
  /** True for charges a government mandates (taxes, 911 and universal-service fees), printed apart from the operator's own. */
  governmentMandated: z.boolean(),
  /** Where the rule comes from: statute, authority page, with the date it was checked. */
  source: z.string(),
});
export type TaxLine = z.infer<typeof taxLineSchema>;

/** A legal statement the invoice must carry (reverse charge, exemption). */
export const taxNoteSchema = z.object({
  code: z.enum(['REVERSE_CHARGE', 'EXEMPT', 'OUTSIDE_SCOPE']),
  text: z.string(),
  /** UNCL5305 category and exemption reason code (e.g. "VATEX-EU-AE") for the e-invoice. */
  categoryCode: z.enum(['AE', 'E', 'O']),
  exemptionReasonCode: z.string().nullable(),
});
export type TaxNote = z.infer<typeof taxNoteSchema>;

/** The tax engine's answer for one invoice. */
export const taxResultSchema = z.object({
  lines: z.array(taxLineSchema),
  notes: z.array(taxNoteSchema),
  /** Sum of the tax lines' amounts. */
  total: decimalString,
  /** How the packs rounded: per line (each taxable line's tax rounded, then summed) or per invoice (each tax line's total rounded once). */
  rounding: z.enum(['per_line', 'per_invoice']),
});
export type TaxResult = z.infer<typeof taxResultSchema>;

import { z } from 'zod';
import { callCategorySchema } from '../classify/classification.types.ts';
import { serviceSchema } from '../cdr/usage-record.types.ts';
import { dec } from '../money/index.ts';
import { calendarDateSchema } from '../schemas/index.ts';

/**
 * The product catalog (plans, promotions, discounts, one-time charges), defined once here and used
 * by `switchboard catalog import`, the API, the agent tools and the tests. A catalog file is one
 * effective-dated version; importing a new file with a later `effectiveFrom` makes a new version.
 * Amounts are decimal strings (or whole numbers): a binary fraction such as 9.99 written without
 * quotes in YAML is refused, so a float can never become a price.
 */

/** An amount: a decimal string such as "9.99", or a whole number. */
export const amountSchema = z.union([z.string(), z.number()]).transform((v, ctx) => {
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v) && v >= 0) return String(v);
    ctx.addIssue({ code: 'custom', message: `amount ${v} must be written as a decimal string such as "9.99"` });
    return z.NEVER;
  }
  const s = v.trim();
  if (!/^\d+(\.\d+)?$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: `"${v}" is not a non-negative decimal amount` });
    return z.NEVER;
  }
  return s;
});

/** A percentage between 0 and 100, as a decimal string. */
export const percentSchema = amountSchema.refine((s) => dec(s).lte(100), { message: 'a percentage must be between 0 and 100' });

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits and _ . - only');
const isoDate = calendarDateSchema;

/** Rollover of an allowance's unused part into following periods. */
export const rolloverSchema = z
  .object({
    /** At most this many units are carried into the next period. */
    maxCarry: z.number().int().positive(),
    /** Carried units expire after this many periods (1: usable in the next period only). */
    expiresAfterPeriods: z.number().int().positive().default(1),
  })
  .strict();

/**
 * An included allowance per period. Units: voice in minutes (consumed per second of billable
 * usage), SMS in messages, data in MB (1 MB = 1,048,576 bytes, consumed per byte).
 */
export const allowanceSchema = z
  .object({
    id,
    service: serviceSchema,
    /** Call categories the allowance covers; empty means every category of the service. */
    categories: z.array(callCategorySchema).default([]),
    /** Whether usage while roaming abroad draws on it (EU-style roam-like-at-home). */
    includesRoaming: z.boolean().default(false),
    amount: z.number().int().nonnegative(),
    rollover: rolloverSchema.optional(),
  })
  .strict();
export type Allowance = z.infer<typeof allowanceSchema>;

export const planSchema = z
  .object({
    id,
    name: z.string().min(1),
    description: z.string().default(''),
    /** Segments that may subscribe; empty means every segment. */
    segments: z.array(id).default([]),
    /** Monthly fee before tax, prorated by days for part periods. */
    recurringFee: amountSchema,
    /** CGRateS subject the plan's usage is rated with (a rating profile in the tariff); "*any" uses the default profile. */
    ratingSubject: z.string().min(1).default('*any'),
    allowances: z.array(allowanceSchema).default([]),
    /** A one-time charge billed in the period a subscription to this plan starts (activation fee). */
    activationChargeId: id.optional(),
  })
  .strict();
export type Plan = z.infer<typeof planSchema>;

/** Who a promotion or discount is for. Dates bound when the subscription started. */
export const eligibilitySchema = z
  .object({
    segments: z.array(id).default([]),
    plans: z.array(id).default([]),
    subscribedFrom: isoDate.optional(),
    subscribedTo: isoDate.optional(),
  })
  .strict()
  .default({ segments: [], plans: [] });

const promotionBase = {
  id,
  name: z.string().min(1),
  eligibility: eligibilitySchema,
  /** The promotion runs for the subscription's first N billing periods; absent means always. */
  periods: z.number().int().positive().optional(),
};

/** Promotions act on one subscription; they apply after allowances and before discounts. */
export const promotionSchema = z.discriminatedUnion('kind', [
  z.object({ ...promotionBase, kind: z.literal('percent_off_recurring'), percent: percentSchema }).strict(),
  z.object({ ...promotionBase, kind: z.literal('fixed_off_recurring'), amount: amountSchema }).strict(),
  z.object({ ...promotionBase, kind: z.literal('free_on_net_calls') }).strict(),
  z.object({ ...promotionBase, kind: z.literal('free_weekend_calls') }).strict(),
  z.object({ ...promotionBase, kind: z.literal('bonus_data'), mb: z.number().int().positive() }).strict(),
]);
export type Promotion = z.infer<typeof promotionSchema>;

/** What a discount reduces: recurring fees, usage charges, or all service charges (after promotions). */
export const discountTargetSchema = z.enum(['recurring', 'usage', 'all']);

const discountBase = {
  id,
  name: z.string().min(1),
  segments: z.array(id).default([]),
  appliesTo: discountTargetSchema.default('recurring'),
  /** Discounts apply in ascending sequence; each percentage applies to what earlier steps left. */
  sequence: z.number().int().default(100),
};

const discountValue = { percent: percentSchema.optional(), amount: amountSchema.optional() };
const oneOfPercentOrAmount = (d: { percent?: string | undefined; amount?: string | undefined }) => (d.percent === undefined) !== (d.amount === undefined);
const oneOfMessage = { message: 'a discount has exactly one of percent or amount' };

/**
 * Discounts act on an account after promotions. multi_line applies when the account has at least
 * minLines active lines in the period; loyalty when the customer has been with the operator at
 * least minTenureMonths at the period start; account discounts apply to accounts that list them.
 */
export const discountSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...discountBase, ...discountValue, kind: z.literal('multi_line'), minLines: z.number().int().min(2) }).strict(),
    z.object({ ...discountBase, ...discountValue, kind: z.literal('loyalty'), minTenureMonths: z.number().int().positive() }).strict(),
    z.object({ ...discountBase, ...discountValue, kind: z.literal('account') }).strict(),
  ])
  .refine(oneOfPercentOrAmount, oneOfMessage);
export type Discount = z.infer<typeof discountSchema>;

/** A one-time charge; with instalments it is billed in equal parts over that many periods (device plans). */
export const oneTimeChargeSchema = z
  .object({
    id,
    name: z.string().min(1),
    amount: amountSchema,
    instalments: z.number().int().min(1).max(60).default(1),
    /** Devices are goods for tax purposes; fees are telecom services. */
    taxClass: z.enum(['telecom', 'equipment']).default('telecom'),
  })
  .strict();
export type OneTimeCharge = z.infer<typeof oneTimeChargeSchema>;

const hms = z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, 'a time HH:MM[:SS]');
const weekDay = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** A weekly time band in the operator's time zone: [start, end) on the listed days. */
export const timeBandSchema = z.object({ id, weekDays: z.array(weekDay).default([]), start: hms.default('00:00'), end: hms.default('24:00') }).strict();

/**
 * Dynamic pricing: a multiplier per congestion level, and the congestion level of each region in
 * each time band. The rating step multiplies an event's cost by the multiplier in force where
 * (region) and when (band) it happened, and records it in the breakdown.
 */
export const rateMultiplierTableSchema = z
  .object({
    id,
    effectiveFrom: isoDate,
    effectiveTo: isoDate.optional(),
    services: z.array(serviceSchema).default(['voice', 'sms', 'data']),
    timeBands: z.array(timeBandSchema).min(1),
    levels: z.record(z.string(), amountSchema),
    /** Region (or cell id prefix) by time band: the congestion level there and then; "*any" region matches all. */
    congestion: z.array(z.object({ region: z.string().min(1), band: id, level: z.string().min(1) }).strict()),
  })
  .strict();
export type RateMultiplierTable = z.infer<typeof rateMultiplierTableSchema>;

/** The late fee dunning charges: an amount, a share of the overdue balance, or both; taxed as its class says. */
export const lateFeeDefinitionSchema = z
  .object({
    name: z.string().min(1).default('Late payment fee'),
    fixed: amountSchema,
    percentOfOverdue: amountSchema.default('0'),
    taxClass: z.enum(['telecom', 'equipment']).default('telecom'),
  })
  .strict();
export type LateFeeDefinition = z.infer<typeof lateFeeDefinitionSchema>;

export const catalogSchema = z
  .object({
    id,
    description: z.string().default(''),
    currency: z.string().length(3).toUpperCase(),
    /** When this version takes effect (local date in the operator's time zone). */
    effectiveFrom: isoDate,
    segments: z.array(id).default(['consumer', 'small_business', 'enterprise']),
    plans: z.array(planSchema).min(1),
    promotions: z.array(promotionSchema).default([]),
    discounts: z.array(discountSchema).default([]),
    oneTimeCharges: z.array(oneTimeChargeSchema).default([]),
    /**
     * The one-time charge billed as a debit note when a payment comes back (a direct-debit return
     * or a card chargeback; docs/payments.md). Absent: a return reopens what it paid, with no fee.
     */
    returnedPaymentChargeId: id.optional(),
    rateMultipliers: z.array(rateMultiplierTableSchema).default([]),
    /** The dunning ladder's late fee (docs/collections.md): fixed + percentOfOverdue% of the overdue balance, a debit note once approved. */
    lateFee: lateFeeDefinitionSchema.optional(),
  })
  .strict();
export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogInput = z.input<typeof catalogSchema>;

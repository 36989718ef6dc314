import { z } from 'zod';
import { receivableDocumentSchema } from '../collections/collections.types.ts';
import { ALLOCATION_KINDS } from '../payments/payment.types.ts';
import { calendarDateSchema } from '../schemas/index.ts';

/**
 * Cash-flow forecast (docs/cashflow.md): what the open invoices are expected to bring in, week by
 * week, from the tenant's own payment history. Amounts are decimal strings on the minor unit.
 */

/** The payment-risk bands the forecast is split by; an account with no band is taken as medium. */
export const RISK_BANDS = ['low', 'medium', 'high'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];
export const riskBandSchema = z.enum(RISK_BANDS);

/** The longest horizon, in weeks (a quarter: the usual 13-week cash-flow forecast). */
export const MAX_WEEKS = 13;

const amountSchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number such as "12.50"');

/** One invoice, debit or credit note of the tenant, with the account it belongs to (the row of ageing plus its account). */
export const cashflowDocumentSchema = receivableDocumentSchema.omit({ paid: true }).extend({ accountId: z.string().min(1) });
export type CashflowDocument = z.infer<typeof cashflowDocumentSchema>;

/** One allocation (payment_allocations): cash when its kind is payment or return, otherwise a credit applied or a write-off. */
export const cashflowAllocationSchema = z.object({
  invoiceId: z.union([z.string().min(1), z.number().int()]),
  accountId: z.string().min(1),
  kind: z.enum(ALLOCATION_KINDS),
  amount: amountSchema,
  date: calendarDateSchema,
});
export type CashflowAllocation = z.infer<typeof cashflowAllocationSchema>;

/** An agreed payment plan (payment_plans): its instalments, from the day it was agreed. */
export const cashflowPlanSchema = z.object({
  accountId: z.string().min(1),
  currency: z.string().length(3),
  agreedOn: calendarDateSchema,
  instalments: z.array(z.object({ dueDate: calendarDateSchema, amount: amountSchema })).min(1),
});
export type CashflowPlan = z.infer<typeof cashflowPlanSchema>;

/** Everything the forecast reads: the tenant's documents and allocations, the risk bands, credit balances and plans. */
export const cashflowInputSchema = z.object({
  asOf: calendarDateSchema,
  weeks: z.number().int().min(1).max(MAX_WEEKS).default(MAX_WEEKS),
  documents: z.array(cashflowDocumentSchema),
  allocations: z.array(cashflowAllocationSchema),
  /** The risk band of each account that has one (the collections payment-risk score); others are medium. */
  bands: z.record(z.string(), riskBandSchema).default({}),
  /** Each account's credit balance (account_credits, positive = the customer's money held). */
  credits: z.record(z.string(), amountSchema).default({}),
  plans: z.array(cashflowPlanSchema).default([]),
  /** How many weeks ahead the "act now" ranking looks (default 4). */
  actionWeeks: z.number().int().min(1).max(MAX_WEEKS).default(4),
  /** How many accounts the ranking lists (default 10). */
  actionLimit: z.number().int().min(0).max(200).default(10),
});
export type CashflowInput = z.input<typeof cashflowInputSchema>;
export type ParsedCashflowInput = z.output<typeof cashflowInputSchema>;

/** One week of the forecast. */
export const forecastWeekSchema = z.object({
  week: z.number().int(),
  from: calendarDateSchema,
  to: calendarDateSchema,
  expected: z.string(),
  /** Of which from payment-plan instalments. */
  fromPlans: z.string(),
});

/** One open invoice's expected receipts: the weeks and the rest add up exactly to what is open after credit. */
export const invoiceForecastSchema = z.object({
  id: z.union([z.string(), z.number()]),
  number: z.string(),
  accountId: z.string(),
  band: riskBandSchema,
  bucket: z.string(),
  dueDate: calendarDateSchema,
  daysPastDue: z.number().int(),
  open: z.string(),
  /** Credit balance expected to be applied to it (no cash comes for that part). */
  credit: z.string(),
  /** What a payment plan schedules of it. */
  planned: z.string(),
  weeks: z.array(z.string()),
  later: z.string(),
});
export type InvoiceForecast = z.infer<typeof invoiceForecastSchema>;

/** An account worth chasing now, with the cash acting is expected to bring within the action window. */
export const collectionActionSchema = z.object({
  rank: z.number().int(),
  accountId: z.string(),
  band: riskBandSchema,
  overdue: z.string(),
  oldestDaysPastDue: z.number().int(),
  expectedWithoutAction: z.string(),
  expectedGain: z.string(),
  reason: z.string(),
});
export type CollectionAction = z.infer<typeof collectionActionSchema>;

/** The forecast of one currency. */
export const currencyForecastSchema = z.object({
  currency: z.string(),
  open: z.string(),
  creditApplied: z.string(),
  expected: z.string(),
  later: z.string(),
  weeks: z.array(forecastWeekSchema),
  byBand: z.array(z.object({ band: riskBandSchema, open: z.string(), expected: z.string(), later: z.string() })),
  byBucket: z.array(z.object({ bucket: z.string(), open: z.string(), expected: z.string(), later: z.string() })),
  invoices: z.array(invoiceForecastSchema),
  actions: z.array(collectionActionSchema),
  summary: z.string(),
});
export type CurrencyForecast = z.infer<typeof currencyForecastSchema>;

/** A learned collection curve, summarised: the share of an open invoice in a bucket paid within 1, 4, 8 and 13 weeks. */
export const curveSummarySchema = z.object({
  band: riskBandSchema,
  bucket: z.string(),
  within: z.object({ w1: z.number(), w4: z.number(), w8: z.number(), w13: z.number() }),
});

/** How much history the curves were learned from, and whether the prior carried them. */
export const historySummarySchema = z.object({
  invoices: z.number().int(),
  invoiceWeeks: z.number().int(),
  /** Payments (and returns) in that history; none means the books record no payments yet, and the prior stands alone. */
  payments: z.number().int(),
  /** True when fewer than MIN_HISTORY_WEEKS invoice-weeks were seen: the curves are mostly the prior. */
  thin: z.boolean(),
});

/** The whole forecast. */
export const cashflowForecastSchema = z.object({
  asOf: calendarDateSchema,
  weeks: z.number().int(),
  actionWeeks: z.number().int(),
  history: historySummarySchema,
  curves: z.array(curveSummarySchema),
  currencies: z.array(currencyForecastSchema),
});
export type CashflowForecast = z.infer<typeof cashflowForecastSchema>;

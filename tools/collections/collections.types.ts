import { z } from 'zod';
import { BillingError } from '../errors.ts';
import { invoiceKindSchema, invoiceStatusSchema } from '../invoice/invoice.types.ts';
import { calendarDateSchema } from '../schemas/index.ts';

/**
 * Collections: what an account owes and how old it is (ageing), what to do about it (dunning) and
 * how to spread it (payment plans). Amounts are decimal strings on the currency's minor unit.
 */

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number such as "12.50"');
const nonNegativeDecimal = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal number such as "5.00"');
const isoDate = calendarDateSchema;

/**
 * One invoice or note as collections sees it: the facts of a stored invoice row (db/invoice-store.ts
 * `StoredInvoice`) plus its dates from the document. `corrects` is the number of the invoice a
 * credit or debit note corrects (`document.correcting.number`); notes always reference the
 * original invoice, never another note.
 */
export const receivableDocumentSchema = z.object({
  id: z.union([z.string().min(1), z.number().int()]),
  /** Null until issued (drafts and held invoices), which are not receivables. */
  number: z.string().min(1).nullable(),
  kind: invoiceKindSchema,
  status: invoiceStatusSchema,
  currency: z.string().length(3),
  /** Credit notes carry a negative (or zero) total, as billCorrection makes them. */
  total: decimalString,
  issueDate: isoDate.nullable(),
  dueDate: isoDate.nullable(),
  corrects: z.string().min(1).nullable().optional(),
  /** What payments (net of returns), applied credit and write-offs have settled on it (payment_allocations); absent means nothing. */
  paid: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'a non-negative decimal number such as "5.00"')
    .optional(),
});
export type ReceivableDocument = z.infer<typeof receivableDocumentSchema>;

/** Ageing buckets by days past due: not yet due, 1-30, 31-60, 61-90, more than 90. */
export const ageingBucketSchema = z.enum(['current', 'days_1_30', 'days_31_60', 'days_61_90', 'days_over_90']);
export type AgeingBucket = z.infer<typeof ageingBucketSchema>;
export const AGEING_BUCKETS = ageingBucketSchema.options;

/** One open receivable (an invoice or debit note) after the credit notes that correct it. */
export const ageingRowSchema = z.object({
  id: z.union([z.string(), z.number()]),
  number: z.string(),
  kind: z.enum(['invoice', 'debit_note']),
  status: invoiceStatusSchema,
  dueDate: isoDate,
  daysPastDue: z.number().int().nonnegative(),
  bucket: ageingBucketSchema,
  total: decimalString,
  /** Credit notes against it (all of them, also beyond its total), as a positive amount. */
  credited: decimalString,
  /** What payments, applied credit and write-offs settled on it. */
  paid: decimalString,
  /** total - credited - paid: negative when credited beyond its total (that excess is also an unapplied credit). */
  open: decimalString,
});
export type AgeingRow = z.infer<typeof ageingRowSchema>;

/** A credit that does not reduce the open balance, with why (its invoice is paid, void, absent, or already fully credited). */
export const unappliedCreditSchema = z.object({
  id: z.union([z.string(), z.number()]),
  number: z.string().nullable(),
  corrects: z.string().nullable(),
  amount: decimalString,
  reason: z.string(),
});
export type UnappliedCredit = z.infer<typeof unappliedCreditSchema>;

/** An account's standing on a date: open balance, its ageing, and the rows behind it. */
export const accountStandingSchema = z.object({
  asOf: isoDate,
  /** Null when the account has no documents at all. */
  currency: z.string().length(3).nullable(),
  /** The standing in words, with its figures: balance (with credit), open, overdue, unapplied credits. */
  summary: z.string(),
  /** openBalance - creditBalance: what the account owes with its credit counted; negative when in credit. */
  balance: decimalString,
  /** The sum of the unapplied credits (a positive amount): the customer's money not set against anything owed. */
  creditBalance: decimalString,
  /** What is owed on open receivables (the positive open amounts): what dunning and payment plans act on. */
  openBalance: decimalString,
  /** The part of the open balance that is past due (every bucket but current). */
  overdueBalance: decimalString,
  buckets: z.record(ageingBucketSchema, decimalString),
  /** Due date of the oldest receivable with something still open. */
  oldestDueDate: isoDate.nullable(),
  /** Days the oldest open receivable is past due; 0 when nothing is. */
  daysPastDue: z.number().int().nonnegative(),
  rows: z.array(ageingRowSchema),
  unappliedCredits: z.array(unappliedCreditSchema),
});
export type AccountStanding = z.infer<typeof accountStandingSchema>;

/** What a dunning step does. */
// late_fee, restriction and barring are the cycle's ladder (docs/collections.md); the others stay for operators' own ladders and older rows.
export const dunningActionSchema = z.enum(['reminder', 'late_fee', 'restriction', 'barring', 'final_notice', 'suspension_warning', 'suspension']);
export type DunningAction = z.infer<typeof dunningActionSchema>;

/** A late fee: `fixed + percentOfOverdue% x overdue balance`, in the account's currency, rounded half-up. */
export const lateFeeSchema = z.object({ fixed: nonNegativeDecimal, percentOfOverdue: nonNegativeDecimal });
export type LateFee = z.infer<typeof lateFeeSchema>;

export const dunningStepSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'a lower-case id such as "second_reminder"'),
    /** The step is due once the oldest open receivable is at least this many days past due. */
    daysPastDue: z.number().int().min(1),
    action: dunningActionSchema,
    description: z.string().min(1),
    /** True when the step charges or credits money (a late fee). */
    changesMoney: z.boolean(),
    /** True when the step changes the customer's state (suspension). */
    changesState: z.boolean(),
    lateFee: lateFeeSchema.optional(),
  })
  .strict()
  .refine((s) => !s.lateFee || s.changesMoney, { message: 'a step with a late fee changes money: set changesMoney' })
  .refine((s) => !['suspension', 'restriction', 'barring'].includes(s.action) || s.changesState, { message: 'a suspension, restriction or barring changes customer state: set changesState' })
  .refine((s) => s.action !== 'late_fee' || s.changesMoney, { message: 'a late fee changes money: set changesMoney' });
export type DunningStep = z.infer<typeof dunningStepSchema>;

export const dunningLadderSchema = z
  .object({ steps: z.array(dunningStepSchema).min(1) })
  .strict()
  .refine((l) => new Set(l.steps.map((s) => s.id)).size === l.steps.length, { message: 'step ids must be unique' })
  .refine((l) => l.steps.every((s, i) => i === 0 || s.daysPastDue >= l.steps[i - 1]!.daysPastDue), {
    message: 'steps must be in ascending order of daysPastDue (the ladder is read top to bottom)',
  });
export type DunningLadder = z.infer<typeof dunningLadderSchema>;

/** One step the plan proposes now. */
export const plannedDunningStepSchema = z.object({
  stepId: z.string(),
  action: dunningActionSchema,
  description: z.string(),
  dueAtDaysPastDue: z.number().int(),
  changesMoney: z.boolean(),
  changesState: z.boolean(),
  /** Derived, never taken from the ladder: true whenever the step changes money or state. */
  requiresApproval: z.boolean(),
  /** The late fee this step would charge, or null. */
  lateFee: decimalString.nullable(),
  reason: z.string(),
});
export type PlannedDunningStep = z.infer<typeof plannedDunningStepSchema>;

export const dunningPlanSchema = z.object({
  asOf: isoDate,
  currency: z.string().nullable(),
  daysPastDue: z.number().int().nonnegative(),
  overdueBalance: decimalString,
  /** Entries of alreadyTaken that name no step of this ladder (e.g. from an older ladder). */
  unknownTaken: z.array(z.string()),
  steps: z.array(plannedDunningStepSchema),
  /** Due steps held back (a money or state change whose earlier steps have not all been taken). */
  held: z.array(z.object({ stepId: z.string(), reason: z.string() })),
  summary: z.string(),
});
export type DunningPlan = z.infer<typeof dunningPlanSchema>;

export const paymentPlanInputSchema = z
  .object({
    balance: decimalString,
    currency: z.string().length(3),
    instalments: z.number().int().min(2, 'at least 2 instalments').max(24, 'at most 24 instalments'),
    firstDueDate: isoDate,
    interval: z.enum(['month', 'week']),
    downPayment: decimalString.optional(),
    /** When the down payment is due; defaults to firstDueDate and may not be after it. */
    downPaymentDueDate: isoDate.optional(),
  })
  .strict();
export type PaymentPlanInput = z.infer<typeof paymentPlanInputSchema>;

export const paymentPlanSchema = z.object({
  currency: z.string().length(3),
  balance: decimalString,
  downPayment: z.object({ amount: decimalString, dueDate: isoDate }).nullable(),
  /** balance - down payment: what the instalments add up to. */
  financed: decimalString,
  instalments: z.array(z.object({ sequence: z.number().int().positive(), dueDate: isoDate, amount: decimalString })),
});
export type PaymentPlan = z.infer<typeof paymentPlanSchema>;

/** Parses with a schema or throws INVALID_INPUT naming every problem, so callers (agents, HTTP) see one error type. */
export function parseCollectionsInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BillingError('INVALID_INPUT', `invalid ${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

import { z } from 'zod';
import { invoiceKindSchema, invoiceLineSchema, invoiceStatusSchema, lineSectionSchema, usageSummaryRowSchema } from '../invoice/invoice.types.ts';
import { taxLineSchema, taxNoteSchema } from '../tax/tax.types.ts';
import { calendarDateSchema, decimalStringSchema } from '../schemas/index.ts';

/**
 * What the auditor's tools answer: explanations, comparisons and bill-jump checks of invoice
 * documents. Amounts copied from a document stay its exact strings; derived sums are exact
 * decimals formatted to the currency's minor units.
 */

const decimalString = decimalStringSchema;
const isoDate = calendarDateSchema;

/** One usage event a line charges, as its provenance records it. */
export const explainedEventSchema = z.object({
  id: z.number().int(),
  rated: decimalString,
  charged: decimalString,
  covered: z.number().int().nonnegative(),
  allowanceId: z.string().nullable(),
});
export type ExplainedEvent = z.infer<typeof explainedEventSchema>;

/** One invoice line and why it is what it is. */
export const lineExplanationSchema = invoiceLineSchema
  .pick({
    id: true,
    section: true,
    description: true,
    subscriptionId: true,
    msisdn: true,
    quantity: true,
    unit: true,
    unitPrice: true,
    amount: true,
    taxClass: true,
    taxCategory: true,
    servicePeriod: true,
  })
  .extend({
    /** The provenance's calculation text. */
    calculation: z.string(),
    catalogItems: z.array(z.string()),
    tariffRows: z.array(z.string()),
    eventCount: z.number().int().nonnegative(),
    /** Sums over all the line's events: exact, and rounded half-up to the minor unit. */
    eventTotals: z.object({ rated: decimalString, charged: decimalString, ratedExact: decimalString, chargedExact: decimalString }),
    /**
     * For usage lines with events: whether the events' charges, summed and rounded half-up, give the
     * line amount (how usage lines are built); null where a line is not built that way.
     */
    eventsMatchAmount: z.boolean().nullable(),
    /** The events by charged amount, largest first (ties by id); all of them or the top N. */
    events: z.array(explainedEventSchema),
    /** Events not listed because of the top-N limit. */
    eventsOmitted: z.number().int().nonnegative(),
  });
export type LineExplanation = z.infer<typeof lineExplanationSchema>;

/** A tax line as the document holds it, with its arithmetic in words. */
export const taxLineExplanationSchema = taxLineSchema.extend({
  calculation: z.string(),
});
export type TaxLineExplanation = z.infer<typeof taxLineExplanationSchema>;

/** Whether the document adds up: lines to subtotal, taxes to tax total, subtotal + taxes to total. */
export const invoiceArithmeticSchema = z.object({
  linesSum: decimalString,
  linesMatchSubtotal: z.boolean(),
  taxesSum: decimalString,
  taxesMatchTaxTotal: z.boolean(),
  subtotalPlusTaxes: decimalString,
  totalMatches: z.boolean(),
  /** Every broken invoice invariant, in words (check-invoice-invariants); empty when sound. */
  violations: z.array(z.string()),
});
export type InvoiceArithmetic = z.infer<typeof invoiceArithmeticSchema>;

/** Where an issued invoice stands: the notes against it, paid or not, what is still open, any credit. */
export const settlementSchema = z.object({
  invoiceStatus: invoiceStatusSchema,
  /** True when marked paid; Switchboard records the status, not payment amounts. */
  paid: z.boolean(),
  notes: z.array(z.object({ number: z.string().nullable(), kind: invoiceKindSchema, status: invoiceStatusSchema, issueDate: isoDate.nullable(), total: decimalString, reason: z.string().nullable() })),
  /** Still owed on the invoice and its debit notes after its credit notes (0 when paid, void or not issued). */
  open: decimalString,
  /** Credit the customer has from these notes beyond what is owed (a positive amount). */
  credit: decimalString,
  /** All of it in one sentence, from these figures. */
  sentence: z.string(),
});
export type Settlement = z.infer<typeof settlementSchema>;

export const invoiceExplanationSchema = z.object({
  header: z.object({
    number: z.string().nullable(),
    kind: invoiceKindSchema,
    status: invoiceStatusSchema,
    series: z.string(),
    issueDate: isoDate.nullable(),
    dueDate: isoDate.nullable(),
    period: z.object({ label: z.string(), from: isoDate, to: isoDate }),
    currency: z.string(),
    seller: z.string(),
    buyer: z.object({ accountId: z.string(), name: z.string() }),
    subtotal: decimalString,
    taxTotal: decimalString,
    total: decimalString,
    holdReasons: z.array(z.object({ code: z.string(), message: z.string() })),
    correcting: z.object({ number: z.string(), issueDate: isoDate, reason: z.string() }).nullable(),
  }),
  /** Notes, payment status and what is still open, when the caller gave the notes (null otherwise); early, so a long explanation cut for a model keeps it. */
  settlement: settlementSchema.nullable(),
  lines: z.array(lineExplanationSchema),
  taxes: z.array(taxLineExplanationSchema),
  taxNotes: z.array(taxNoteSchema),
  usageSummary: z.array(usageSummaryRowSchema),
  arithmetic: invoiceArithmeticSchema,
});
export type InvoiceExplanation = z.infer<typeof invoiceExplanationSchema>;

const totalsSchema = z.object({ subtotal: decimalString, taxTotal: decimalString, total: decimalString });

/** One section's amount before and after. */
export const sectionDeltaSchema = z.object({ section: lineSectionSchema, before: decimalString, after: decimalString, delta: decimalString });
export type SectionDelta = z.infer<typeof sectionDeltaSchema>;

/** Lines matched across two documents by their stable key (period dates taken out of the id). */
export const lineDeltaSchema = z.object({
  key: z.string(),
  section: lineSectionSchema,
  description: z.string(),
  msisdn: z.string().nullable(),
  beforeIds: z.array(z.string()),
  afterIds: z.array(z.string()),
  before: decimalString,
  after: decimalString,
  delta: decimalString,
  beforeEvents: z.number().int().nonnegative(),
  afterEvents: z.number().int().nonnegative(),
  presence: z.enum(['both', 'only_before', 'only_after']),
});
export type LineDelta = z.infer<typeof lineDeltaSchema>;

const usageFiguresSchema = z.object({ events: z.number().int(), quantity: decimalString, amount: decimalString });

/** A usage-summary row (service and category) before and after. */
export const usageDeltaSchema = z.object({
  service: z.enum(['voice', 'sms', 'data']),
  category: z.string(),
  unit: z.string(),
  before: usageFiguresSchema,
  after: usageFiguresSchema,
  delta: usageFiguresSchema,
});
export type UsageDelta = z.infer<typeof usageDeltaSchema>;

/** A change worth naming, with a sentence built by template from its numbers. */
export const changeCauseSchema = z.object({
  kind: z.enum(['line', 'usage']),
  key: z.string(),
  delta: decimalString,
  sentence: z.string(),
});
export type ChangeCause = z.infer<typeof changeCauseSchema>;

export const invoiceComparisonSchema = z.object({
  currency: z.string(),
  before: totalsSchema.extend({ number: z.string().nullable(), period: z.string() }),
  after: totalsSchema.extend({ number: z.string().nullable(), period: z.string() }),
  /** after - before. */
  delta: totalsSchema,
  sections: z.array(sectionDeltaSchema),
  lines: z.array(lineDeltaSchema),
  usage: z.array(usageDeltaSchema),
  onlyBefore: z.array(z.string()),
  onlyAfter: z.array(z.string()),
  /** Changed lines and usage rows, largest absolute delta first. */
  causes: z.array(changeCauseSchema),
});
export type InvoiceComparison = z.infer<typeof invoiceComparisonSchema>;

export const billJumpSchema = z.object({
  total: decimalString,
  currency: z.string(),
  /** The factor the total is compared with (total > ratio x average). */
  threshold: decimalString,
  minIncrease: decimalString,
  periods: z.array(z.string()),
  /** Average of the history, rounded half-up to the minor unit; null without history. */
  average: decimalString.nullable(),
  /** Exact average (up to 20 decimals, half-up), for an auditor re-checking the rule. */
  averageExact: decimalString.nullable(),
  /** total / average, rounded half-up to 4 decimals; null without history or with a zero average. */
  ratio: decimalString.nullable(),
  /** total - average, rounded half-up to the minor unit. */
  increase: decimalString.nullable(),
  jump: z.boolean(),
  sentence: z.string(),
});
export type BillJump = z.infer<typeof billJumpSchema>;

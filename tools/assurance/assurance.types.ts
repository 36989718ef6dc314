import { z } from 'zod';
import type { Direction, Disposition, Service, UsageStatus } from '../cdr/usage-record.types.ts';
import type { CallCategory, Roaming } from '../classify/classification.types.ts';
import type { InvoiceKind, InvoiceStatus } from '../invoice/invoice.types.ts';
import type { AllocationKind } from '../payments/payment.types.ts';
import { billingMonthSchema, calendarDateSchema, decimalStringSchema } from '../schemas/index.ts';

// What the revenue-assurance report is computed from (plain facts read by db/assurance-store.ts)
// and what it says (docs/assurance.md). All amounts are decimal strings.

/** One usage event of the period window. */
export interface AssuranceEvent {
  id: number;
  batchId: number;
  lineNo: number;
  subscriber: string;
  service: Service;
  direction: Direction;
  category: CallCategory;
  roaming: Roaming;
  startTime: number;
  /** The local date the usage started (operator time zone). */
  localDate: string;
  usage: number;
  disposition: Disposition;
  status: UsageStatus;
  cost: string | null;
  currency: string | null;
  ratingErrorCode: string | null;
  classificationReason: string | null;
}

/** A quarantined line still open (not replayed), attributed to the period. */
export interface AssuranceQuarantined {
  id: number;
  batchId: number;
  lineNo: number;
  reason: string;
}

/** A line read twice: the duplicate row and what it repeats. */
export interface AssuranceDuplicate {
  batchId: number;
  lineNo: number;
  /** The event it repeats, or null when it repeats a quarantined line. */
  eventId: number | null;
  quarantineId: number | null;
}

/** A subscription (line) of the tenant: who has a number when. `endDate` is exclusive. */
export interface AssuranceLine {
  subscriptionId: string;
  accountId: string;
  msisdn: string;
  startDate: string;
  endDate: string | null;
}

/** An event as an invoice line charges it. */
export interface InvoicedEvent {
  id: number;
  subscriptionId: string | null;
  rated: string;
  charged: string;
  covered: number;
  allowanceId: string | null;
}

/** A billing document of the period (invoice, debit or credit note). */
export interface AssuranceInvoice {
  id: number;
  number: string | null;
  accountId: string;
  period: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  currency: string;
  total: string;
  correctsInvoiceId: number | null;
  holdReasons: string[];
  events: InvoicedEvent[];
}

/** An allowance ledger row of the period. */
export interface AssuranceLedgerRow {
  invoiceId: number;
  subscriptionId: string;
  allowanceId: string;
  service: string;
  granted: number;
  carriedIn: number;
  used: number;
}

/** One allocation on a period invoice. */
export interface AssuranceAllocation {
  id: number;
  invoiceId: number;
  kind: AllocationKind;
  amount: string;
  currency: string;
}

/** Everything the report needs for one tenant and billing month. */
export interface AssuranceFacts {
  tenant: string;
  period: string;
  timezone: string;
  /** The window usage is counted in: [from, to) local dates. */
  window: { from: string; to: string };
  events: AssuranceEvent[];
  quarantined: AssuranceQuarantined[];
  duplicates: AssuranceDuplicate[];
  lines: AssuranceLine[];
  /** Documents of the period (and the notes correcting them). */
  invoices: AssuranceInvoice[];
  /** Events of the window charged on another period's invoice: event id → that invoice. */
  elsewhere: Map<number, { invoiceId: number; number: string | null; period: string }>;
  ledger: AssuranceLedgerRow[];
  allocations: AssuranceAllocation[];
}

/** Money per currency, exact decimal strings. */
export const moneySchema = z.record(z.string(), decimalStringSchema);
export type Money = z.infer<typeof moneySchema>;

export const STAGE_IDS = ['read', 'accepted', 'rated', 'charged', 'billed', 'invoiced', 'paid'] as const;
export type StageId = (typeof STAGE_IDS)[number];

/** Why something left the flow between two stages (or was valued short inside it). */
export const GAP_CAUSES = [
  'quarantined',
  'duplicate',
  'unclassified',
  'rating_failed',
  'unrated',
  'transit',
  'no_subscription',
  'zero_rated',
  'not_invoiced',
  'other_period',
  'allowance_covered',
  'allowance_overuse',
  'promotions',
  'rerated',
  'held',
  'draft',
  'credited',
  'written_off',
  'unpaid',
] as const;
export type GapCause = (typeof GAP_CAUSES)[number];

export const stageSchema = z.object({
  id: z.enum(STAGE_IDS),
  label: z.string(),
  unit: z.enum(['records', 'events', 'invoices']),
  count: z.number().int(),
  money: moneySchema,
  /** The part of `money` that is an estimate (records never priced). */
  estimated: moneySchema,
});
export type Stage = z.infer<typeof stageSchema>;

export const gapItemSchema = z.object({
  /** Where to look: "event 123", "batch 4 line 7", "INV-000003". */
  ref: z.string(),
  eventId: z.number().int().nullable(),
  batchId: z.number().int().nullable(),
  lineNo: z.number().int().nullable(),
  invoiceId: z.number().int().nullable(),
  /** The invoice's number (null while held: open it by id). */
  invoiceNumber: z.string().nullable(),
  accountId: z.string().nullable(),
  detail: z.string(),
  currency: z.string().nullable(),
  amount: decimalStringSchema.nullable(),
  estimated: z.boolean(),
});
export type GapItem = z.infer<typeof gapItemSchema>;

export const gapSchema = z.object({
  cause: z.enum(GAP_CAUSES),
  label: z.string(),
  from: z.enum(STAGE_IDS),
  to: z.enum(STAGE_IDS),
  /** False for what leaves the flow by design (duplicates, transit, allowances, promotions). */
  leak: z.boolean(),
  /** Items that leave the flow here (counted in the stage check). */
  count: z.number().int(),
  /** Money that leaves the flow here (counted in the stage check). */
  money: moneySchema,
  /** Value at risk that is not in the flow money (e.g. what a zero-rated call should have cost), with how it was estimated. */
  atRisk: moneySchema,
  /** How estimated amounts were made; null when every amount is exact. */
  estimate: z.string().nullable(),
  /** All items of the gap, and the first of them. */
  itemCount: z.number().int(),
  items: z.array(gapItemSchema),
});
export type Gap = z.infer<typeof gapSchema>;

export const stageCheckSchema = z.object({
  from: z.enum(STAGE_IDS),
  to: z.enum(STAGE_IDS),
  countAddsUp: z.boolean(),
  moneyAddsUp: z.boolean(),
  /** In words: "rated 120 = charged 110 + gaps 10". */
  equation: z.string(),
});
export type StageCheck = z.infer<typeof stageCheckSchema>;

export const assuranceReportSchema = z.object({
  tenant: z.string(),
  period: billingMonthSchema,
  timezone: z.string(),
  window: z.object({ from: calendarDateSchema, to: calendarDateSchema }),
  stages: z.array(stageSchema),
  gaps: z.array(gapSchema),
  checks: z.array(stageCheckSchema),
  gapsAddUp: z.boolean(),
  /** Leaks only (not duplicates, transit, allowances or promotions): how many items and the money lost or at risk. */
  leaks: z.object({ items: z.number().int(), money: moneySchema, atRisk: moneySchema }),
});
export type AssuranceReport = z.infer<typeof assuranceReportSchema>;

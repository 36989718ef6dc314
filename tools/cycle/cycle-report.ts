import { z } from 'zod';
import { decimalStringSchema } from '../schemas/index.ts';

/** The steps of a billing cycle, in the order they run. */
export const CYCLE_STEPS = ['close_usage', 'rate', 'categorise', 'bill', 'audit', 'hold', 'documents'] as const;
export type CycleStep = (typeof CYCLE_STEPS)[number];

/** Money per currency (exact decimal strings, summed by sumByCurrency). */
export const moneySchema = z.array(z.object({ currency: z.string(), total: decimalStringSchema, count: z.number().int() }));
export type MoneyByCurrency = z.infer<typeof moneySchema>;

/** What one step did: counts, money, how long it took and when it ran. */
export const stepReportSchema = z.object({
  step: z.enum(CYCLE_STEPS),
  ms: z.number().int().nonnegative(),
  at: z.string(),
  counts: z.record(z.string(), z.number().int()),
  money: moneySchema.default([]),
  notes: z.array(z.string()).default([]),
});
export type StepReport = z.infer<typeof stepReportSchema>;

/** An invoice held for a person, and the proposal that waits for them. */
export const heldInvoiceSchema = z.object({
  invoiceId: z.number().int(),
  accountId: z.string(),
  total: decimalStringSchema,
  currency: z.string(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  proposalId: z.number().int().nullable(),
});

/** A finding of the audit on one invoice (broken invariant, bill shock, compliance error or warning). */
export const auditFindingSchema = z.object({
  invoiceId: z.number().int(),
  number: z.string().nullable(),
  accountId: z.string(),
  kind: z.enum(['invariant', 'bill_shock', 'compliance']),
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
});

/** Model calls and tokens of the cycle (the categoriser's, only for records the rules could not classify). */
export const modelUsageSchema = z.object({ calls: z.number().int(), promptTokens: z.number().int(), completionTokens: z.number().int(), totalTokens: z.number().int() });

/** The report of a billing cycle, as `switchboard cycle run --json` prints it and cycle_runs stores it. */
export const cycleReportSchema = z.object({
  tenant: z.string(),
  period: z.string(),
  threadId: z.string(),
  status: z.enum(['done', 'waiting']),
  steps: z.array(stepReportSchema),
  invoices: z.object({ issued: moneySchema, held: moneySchema }),
  held: z.array(heldInvoiceSchema),
  findings: z.array(auditFindingSchema),
  waiting: z.array(z.object({ proposalId: z.number().int(), kind: z.string(), summary: z.string() })),
  model: modelUsageSchema,
  totalMs: z.number().int().nonnegative(),
});
export type CycleReport = z.infer<typeof cycleReportSchema>;

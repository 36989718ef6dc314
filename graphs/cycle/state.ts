import { Annotation } from '@langchain/langgraph';
import type { z } from 'zod';
import type { auditFindingSchema, heldInvoiceSchema, MoneyByCurrency, StepReport } from '../../tools/cycle/index.ts';

/**
 * A shard of the tenant's accounts: those whose id lies between `first` and `last` (inclusive, in
 * id order), so the plan stays small in every checkpoint however many accounts there are. The
 * bill run, the audit and the documents are fanned out over the same shards.
 */
export interface Shard {
  index: number;
  first: string;
  last: string;
  accounts: number;
}

/** What one shard of the bill run did (counts and sums only; the invoices live in the database). */
export interface ShardResult {
  index: number;
  accounts: number;
  created: number;
  issued: number;
  held: number;
  alreadyPresent: number;
  /** Accounts with nothing to bill in the period (no invoice made). */
  nothingToBill: number;
  /** The new invoices' totals per currency. */
  money: MoneyByCurrency;
  failed: Array<{ accountId: string; code: string; message: string }>;
  ms: number;
}

/** What one shard of the documents step did. */
export interface DocumentShardResult {
  index: number;
  invoices: number;
  written: number;
  skipped: number;
  money: MoneyByCurrency;
  ms: number;
}

/** What one shard of the audit found (its counts are of all findings; the first ones are kept). */
export interface AuditShardResult {
  index: number;
  invoices: number;
  invariantViolations: number;
  billShocks: number;
  complianceFindings: number;
  complianceErrors: number;
  findings: Array<z.infer<typeof auditFindingSchema>>;
  money: MoneyByCurrency;
  ms: number;
}

/** The places a cycle fans out over its shards: in process by Send, or as child jobs by the worker. */
export const FAN_OUTS = ['bill', 'audit', 'documents'] as const;
export type FanOut = (typeof FAN_OUTS)[number];

const replace = <T>(_a: T, b: T) => b;
const merge = <T>(a: Record<string, T>, b: Record<string, T>) => ({ ...a, ...b });
/** Like merge, but writing `{}` empties it: a new run of a finished thread starts its fan-outs afresh (no node writes `{}`). */
const mergeOrReset = <T>(a: Record<string, T>, b: Record<string, T>) => (Object.keys(b).length === 0 ? {} : { ...a, ...b });

/**
 * The cycle thread's state: step reports, the shard plan and what needs a person. Checkpointed
 * after every step, so a resumed run knows what is done; the books themselves are in the database.
 */
export const CycleState = Annotation.Root({
  tenant: Annotation<string>(),
  period: Annotation<string>(),
  steps: Annotation<Record<string, StepReport>>({ reducer: merge, default: () => ({}) }),
  shards: Annotation<Shard[]>({ reducer: replace, default: () => [] }),
  shardResults: Annotation<Record<string, ShardResult>>({ reducer: mergeOrReset, default: () => ({}) }),
  auditResults: Annotation<Record<string, AuditShardResult>>({ reducer: mergeOrReset, default: () => ({}) }),
  documentResults: Annotation<Record<string, DocumentShardResult>>({ reducer: mergeOrReset, default: () => ({}) }),
  /** When each fan-out began (epoch ms), so its step reports the wall time of all its shards. */
  fanOutStartedAt: Annotation<Record<string, number>>({ reducer: mergeOrReset, default: () => ({}) }),
  /** Set only in a Send to a shard node. */
  shard: Annotation<Shard | null>({ reducer: replace, default: () => null }),
  findings: Annotation<Array<z.infer<typeof auditFindingSchema>>>({ reducer: replace, default: () => [] }),
  held: Annotation<Array<z.infer<typeof heldInvoiceSchema>>>({ reducer: replace, default: () => [] }),
  /** Proposals this cycle made (re-categorisations, releases of held invoices): what may wait for people. */
  proposalIds: Annotation<Record<string, number[]>>({ reducer: merge, default: () => ({}) }),
});
export type CycleStateType = typeof CycleState.State;
export type CycleUpdate = Partial<CycleStateType>;

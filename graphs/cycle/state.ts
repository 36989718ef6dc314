import { Annotation } from '@langchain/langgraph';
import type { StepReport } from '../../tools/cycle/index.ts';
import type { z } from 'zod';
import type { auditFindingSchema, heldInvoiceSchema } from '../../tools/cycle/index.ts';

/** What one shard of the bill run did (ids and counts only; the invoices live in the database). */
export interface ShardResult {
  index: number;
  accounts: number;
  created: Array<{ accountId: string; number: string | null; status: string; total: string; currency: string }>;
  alreadyPresent: number;
  failed: Array<{ accountId: string; code: string; message: string }>;
  ms: number;
}

/** A shard of accounts handed to `bill_shard` (by Send: in process, or as a child job by the worker). */
export interface Shard {
  index: number;
  accountIds: string[];
}

const replace = <T>(_a: T, b: T) => b;
const merge = <T>(a: Record<string, T>, b: Record<string, T>) => ({ ...a, ...b });

/**
 * The cycle thread's state: step reports, the shard list and what needs a person. Checkpointed
 * after every step, so a resumed run knows what is done; the books themselves are in the database.
 */
export const CycleState = Annotation.Root({
  tenant: Annotation<string>(),
  period: Annotation<string>(),
  steps: Annotation<Record<string, StepReport>>({ reducer: merge, default: () => ({}) }),
  shards: Annotation<Shard[]>({ reducer: replace, default: () => [] }),
  shardResults: Annotation<Record<string, ShardResult>>({ reducer: merge, default: () => ({}) }),
  /** Set only in a Send to `bill_shard`. */
  shard: Annotation<Shard | null>({ reducer: replace, default: () => null }),
  findings: Annotation<Array<z.infer<typeof auditFindingSchema>>>({ reducer: replace, default: () => [] }),
  held: Annotation<Array<z.infer<typeof heldInvoiceSchema>>>({ reducer: replace, default: () => [] }),
  /** Proposals this cycle made (re-categorisations, releases of held invoices): what may wait for people. */
  proposalIds: Annotation<Record<string, number[]>>({ reducer: merge, default: () => ({}) }),
});
export type CycleStateType = typeof CycleState.State;
export type CycleUpdate = Partial<CycleStateType>;

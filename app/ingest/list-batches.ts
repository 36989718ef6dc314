import { z } from 'zod';
import { tenantBatch, tenantBatches } from '../../db/index.ts';
import { defineOperation } from '../operation.ts';

/** An ingestion batch as people see it: its state, what it committed, and the later ingest that resumed it. */
export const batchSchema = z.object({
  id: z.number().int(),
  file: z.string().nullable(),
  source: z.string(),
  format: z.string(),
  state: z.enum(['running', 'done', 'failed', 'interrupted']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  read: z.number().int(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  quarantined: z.number().int(),
  committed: z.object({ events: z.number().int(), quarantined: z.number().int(), duplicates: z.number().int() }),
  resumedBy: z.number().int().nullable(),
  error: z.string().nullable(),
});

/** Ingestion batches, oldest first (the last `limit`); a batch whose process is gone shows as interrupted. */
export const listBatches = defineOperation({
  name: 'batches.list',
  summary: 'List ingestion batches',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ limit: z.number().int().min(1).optional().describe('only the last n') }).strict(),
  output: z.object({ batches: z.array(batchSchema) }),
  handler: (ctx, filter) => ({ batches: tenantBatches(ctx.scope, filter) }),
});

/** One ingestion batch with its state and counts. */
export const showBatch = defineOperation({
  name: 'batches.show',
  summary: 'Show an ingestion batch',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ batchId: z.number().int().min(1) }).strict(),
  output: batchSchema,
  handler: (ctx, { batchId }) => tenantBatch(ctx.scope, batchId),
});

import { z } from 'zod';
import { tenantQuarantine } from '../../db/index.ts';
import { defineOperation } from '../operation.ts';

/** A quarantined record: the line as it came, why it could not be read, and what became of it. */
export const quarantineRowSchema = z.object({
  id: z.number().int(),
  batchId: z.number().int(),
  lineNo: z.number().int(),
  dedupKey: z.string(),
  raw: z.string(),
  reason: z.string(),
  message: z.string(),
  status: z.string(),
  replayedEventId: z.number().int().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

/** Quarantined records, newest first, with how many match in all (none for another tenant). */
export const listQuarantined = defineOperation({
  name: 'quarantine.list',
  summary: 'List quarantined records',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      status: z.enum(['open', 'replayed', 'all']).default('open').describe('open | replayed | all'),
      batchId: z.number().int().min(1).optional().describe('only this ingestion batch'),
      limit: z.number().int().min(1).default(100),
    })
    .strict(),
  output: z.object({ rows: z.array(quarantineRowSchema), total: z.number().int() }),
  handler: (ctx, { status, batchId, limit }) => tenantQuarantine(ctx.scope, { status: status === 'all' ? undefined : status, batchId, limit }),
});

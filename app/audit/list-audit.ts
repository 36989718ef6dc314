import { z } from 'zod';
import { listAudit as listAuditRows } from '../../db/index.ts';
import { defineOperation } from '../operation.ts';

/** One row of the audit log as people read it. */
export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  actorKind: z.string(),
  threadId: z.string().nullable(),
  event: z.string(),
  subject: z.string(),
  detail: z.unknown(),
});

/** The tenant's audit log, oldest first: every agent tool call and error, proposal, decision, refusal and posting. */
export const listAudit = defineOperation({
  name: 'audit.list',
  summary: 'List the audit log',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      thread: z.string().min(1).max(200).optional().describe('one conversation or approval thread (approval-<proposal id>)'),
      subject: z.string().min(1).max(200).optional().describe('one subject: a tool name, or proposal:<id>'),
      limit: z.number().int().min(1).max(1000).default(200),
    })
    .strict(),
  output: z.object({ entries: z.array(auditEntrySchema) }),
  handler: (ctx, { thread, subject, limit }) => ({ entries: listAuditRows(ctx.store, ctx.tenant, { threadId: thread, subject, limit }) }),
});

import { z } from 'zod';
import { verifyAudit as verifyAuditChain } from '../../db/index.ts';
import { defineOperation } from '../operation.ts';

/** Checks the tenant's audit hash chain row by row and every decision against its audit entry; reads only. */
export const verifyAudit = defineOperation({
  name: 'audit.verify',
  summary: 'Verify the audit log',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({}).strict(),
  output: z.object({
    ok: z.boolean(),
    tenant: z.string(),
    rows: z.number().int(),
    legacyRows: z.number().int(),
    head: z.string().nullable().describe("the hash of the tenant's last row: keep it elsewhere to detect a later rewrite"),
    firstBroken: z.object({ id: z.number().int(), reason: z.string() }).nullable(),
    decisions: z.object({
      checked: z.number().int(),
      unbacked: z.array(z.object({ decisionId: z.number().int(), proposalId: z.number().int(), decidedBy: z.string(), decision: z.string() })),
    }),
  }),
  handler: (ctx) => verifyAuditChain(ctx.store, ctx.tenant),
});

import { z } from 'zod';
import { listProposals } from '../../db/index.ts';
import { defineOperation } from '../operation.ts';
import { invoiceRowSchema } from './list-invoices.ts';

/** Held invoices with their hold reasons, and proposals waiting for approval: what needs a person. */
export const listFlaggedInvoices = defineOperation({
  name: 'invoices.flagged',
  summary: 'List flagged invoices and pending proposals',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ limit: z.number().int().min(1).max(50).default(20) }).strict(),
  output: z.object({
    held: z.array(invoiceRowSchema.extend({ holdReasons: z.array(z.object({ code: z.string(), message: z.string() })) })),
    pendingProposals: z.array(z.object({ id: z.number().int(), kind: z.string(), summary: z.string(), requestedBy: z.string() })),
  }),
  handler: (ctx, { limit }) => ({
    held: ctx.scope.invoices({ status: 'held', limit }).map((r) => ({ ...r, holdReasons: ctx.scope.invoice(String(r.id)).document.holdReasons })),
    pendingProposals: listProposals(ctx.store, ctx.tenant, { status: ['pending'], limit }).map((p) => ({ id: p.id, kind: p.kind, summary: p.summary, requestedBy: p.requestedBy })),
  }),
});

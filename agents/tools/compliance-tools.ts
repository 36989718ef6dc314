import { z } from 'zod';
import { explainTenantInvoice, tenantInvoice } from '../../db/index.ts';
import { checkInvoiceCompliance } from '../../tools/compliance/index.ts';
import type { AgentContext } from '../context.ts';
import { defineAgentTool, type AgentTool } from './define-agent-tool.ts';
import { invoiceRef } from './tool-args.types.ts';

/** The compliance checker's tools: read-only, by design. */
export function complianceTools(ctx: AgentContext): AgentTool[] {
  const tenant = ctx.user.tenant;
  return [
    defineAgentTool(ctx, 'compliance', {
      name: 'check_invoice_compliance',
      kind: 'analysis',
      description:
        "Check an invoice against its jurisdiction's rule pack (tax rates and amounts, reverse charge and exemption notes, required fields, government charges kept apart, EN 16931 business rules); each finding with its code, severity and source.",
      schema: z.object({ invoice: invoiceRef }).strict(),
      run: ({ invoice }) => {
        const inv = tenantInvoice(ctx.store, tenant, invoice);
        return { invoice: inv.number ?? inv.id, accountId: inv.accountId, ...checkInvoiceCompliance(inv.document) };
      },
    }),
    defineAgentTool(ctx, 'compliance', {
      name: 'explain_invoice',
      kind: 'read',
      description: 'Explain an invoice line by line, with taxes and their sources (with totalsOnly, without the lines).',
      schema: z.object({ invoice: invoiceRef, totalsOnly: z.boolean().optional() }).strict(),
      run: ({ invoice, totalsOnly }) => {
        const x = explainTenantInvoice(ctx.store, tenant, invoice, ctx.today);
        return totalsOnly ? { ...x, lines: [], lineCount: x.lines.length } : x;
      },
    }),
  ];
}

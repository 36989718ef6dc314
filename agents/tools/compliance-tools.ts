import { z } from 'zod';
import { checkInvoiceCompliance, explainInvoice } from '../../app/invoices/index.ts';
import type { AgentContext } from '../context.ts';
import type { AgentTool } from './define-agent-tool.ts';
import { operationTool } from './operation-tool.ts';
import { invoiceRef } from './tool-args.types.ts';

/** The compliance checker's tools: read-only, by design. */
export function complianceTools(ctx: AgentContext): AgentTool[] {
  return [
    operationTool(ctx, 'compliance', checkInvoiceCompliance, {
      name: 'check_invoice_compliance',
      kind: 'analysis',
      description:
        "Check an invoice against its jurisdiction's rule pack (tax rates and amounts, reverse charge and exemption notes, required fields, government charges kept apart, EN 16931 business rules); each finding with its code, severity and source.",
      schema: z.object({ invoice: invoiceRef }).strict(),
    }),
    operationTool(ctx, 'compliance', explainInvoice, {
      name: 'explain_invoice',
      kind: 'read',
      description: 'Explain an invoice line by line, with taxes and their sources (with totalsOnly, without the lines).',
      schema: z.object({ invoice: invoiceRef, totalsOnly: z.boolean().optional() }).strict(),
      toInput: ({ invoice, totalsOnly }) => ({ number: invoice, totalsOnly }),
    }),
  ];
}

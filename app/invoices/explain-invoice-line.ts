import { z } from 'zod';
import { lineExplanationSchema } from '../../tools/audit/audit.types.ts';
import { explainInvoiceLine as explainLine } from '../../tools/audit/index.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** One invoice line in full: every usage event it charges (rated and charged amounts, allowance cover) and the tariff rows. */
export const explainInvoiceLine = defineOperation({
  name: 'invoices.explain-line',
  summary: 'Explain an invoice line',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z.object({ invoice: invoiceNumberSchema.describe('invoice number (INV-000123) or held invoice id'), lineId: z.string().min(1).max(200).describe('invoice line id') }).strict(),
  output: lineExplanationSchema,
  handler: (ctx, { invoice, lineId }) => explainLine(ctx.scope.invoice(invoice).document, lineId),
});

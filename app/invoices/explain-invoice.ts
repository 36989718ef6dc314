import { z } from 'zod';
import { explainTenantInvoice } from '../../db/index.ts';
import { invoiceExplanationSchema } from '../../tools/audit/audit.types.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/**
 * An invoice explained line by line (calculation, catalog items, tariff rows, top usage events),
 * its taxes with their sources, the arithmetic check and where it stands today; `totalsOnly`
 * leaves the lines out (a large invoice's total and VAT).
 */
export const explainInvoice = defineOperation({
  name: 'invoices.explain',
  summary: 'Explain an invoice',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z
    .object({
      number: invoiceNumberSchema.describe('invoice number (INV-000123) or the id of a held invoice'),
      totalsOnly: z.boolean().optional().describe('leave the lines out'),
    })
    .strict(),
  output: invoiceExplanationSchema.extend({ lineCount: z.number().int().optional() }),
  handler: (ctx, { number, totalsOnly }) => {
    // Through the scope first: a customer's other accounts and other tenants are NOT_FOUND.
    ctx.scope.invoice(number);
    const x = explainTenantInvoice(ctx.store, ctx.tenant, number, ctx.clock.today());
    return totalsOnly ? { ...x, lines: [], lineCount: x.lines.length } : x;
  },
});

import { z } from 'zod';
import { complianceReportSchema } from '../../tools/compliance/compliance.types.ts';
import { checkInvoiceCompliance as checkCompliance } from '../../tools/compliance/index.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { taxPacksInForce } from '../../db/tax-pack-store.ts';
import { defineOperation } from '../operation.ts';

/** An invoice checked against its jurisdiction's rule pack: each finding with its code, severity and source. */
export const checkInvoiceCompliance = defineOperation({
  name: 'invoices.check-compliance',
  summary: 'Check an invoice against its rule pack',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ invoice: invoiceNumberSchema.describe('invoice number (INV-000123) or held invoice id') }).strict(),
  output: z.object({ invoice: z.union([z.string(), z.number().int()]), accountId: z.string() }).extend(complianceReportSchema.shape),
  handler: (ctx, { invoice }) => {
    const inv = ctx.scope.invoice(invoice);
    return { invoice: inv.number ?? inv.id, accountId: inv.accountId, ...checkCompliance(inv.document, { packs: taxPacksInForce(ctx.store) }) };
  },
});

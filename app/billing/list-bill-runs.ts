import { z } from 'zod';
import { tenantBillRuns } from '../../db/index.ts';
import { invoiceStatusSchema } from '../../tools/invoice/invoice.types.ts';
import { defineOperation } from '../operation.ts';

/** The tenant's bill runs by period, as their invoices tell them (runs are idempotent and not stored as such). */
export const listBillRuns = defineOperation({
  name: 'bill-runs.list',
  summary: 'List bill runs',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({}).strict(),
  output: z.object({
    runs: z.array(
      z.object({
        period: z.string(),
        invoices: z.number().int(),
        byStatus: z.partialRecord(invoiceStatusSchema, z.number().int()),
        currencies: z.array(z.string()),
      }),
    ),
  }),
  handler: (ctx) => ({ runs: tenantBillRuns(ctx.scope) }),
});

import { z } from 'zod';
import { invoiceKindSchema, invoiceStatusSchema } from '../../tools/invoice/invoice.types.ts';
import { accountIdSchema, billingMonthSchema, decimalStringSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** A row of an invoice listing. */
export const invoiceRowSchema = z.object({
  id: z.number().int(),
  number: z.string().nullable(),
  kind: invoiceKindSchema,
  accountId: z.string(),
  period: z.string(),
  status: invoiceStatusSchema,
  total: decimalStringSchema,
  currency: z.string(),
});

/** The tenant's invoices and notes, newest first (a customer's own only). */
export const listInvoices = defineOperation({
  name: 'invoices.list',
  summary: 'List invoices',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z
    .object({
      accountId: accountIdSchema.optional().describe('one account'),
      period: billingMonthSchema.optional().describe('one billing month'),
      status: invoiceStatusSchema.optional(),
      kind: invoiceKindSchema.optional(),
      minTotal: decimalStringSchema.optional().describe('total at least this (inclusive, exact decimal)'),
      maxTotal: decimalStringSchema.optional().describe('total at most this (inclusive, exact decimal)'),
      limit: z.number().int().min(1).max(500).default(50),
    })
    .strict(),
  output: z.object({ invoices: z.array(invoiceRowSchema) }),
  handler: (ctx, filter) => ({ invoices: ctx.scope.invoices(filter) }),
});

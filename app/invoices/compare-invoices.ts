import { z } from 'zod';
import { accountPeriodInvoice, invoicesBefore } from '../../db/index.ts';
import { invoiceComparisonSchema } from '../../tools/audit/audit.types.ts';
import { compareInvoices as compare } from '../../tools/audit/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { accountIdSchema, billingMonthSchema, invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

const ref = z.object({ number: z.string().nullable(), period: z.string() });

/**
 * An account's invoices of two billing months compared (the second defaults to the month before),
 * or two invoices of one account: totals, sections, lines, usage, causes ranked by size.
 */
export const compareInvoices = defineOperation({
  name: 'invoices.compare',
  summary: 'Compare two invoices of an account',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      accountId: accountIdSchema.optional().describe('account id'),
      period: billingMonthSchema.optional().describe('billing month YYYY-MM'),
      otherPeriod: billingMonthSchema.optional().describe('billing month YYYY-MM'),
      invoice: invoiceNumberSchema.optional().describe('invoice number (INV-000123) or held invoice id'),
      otherInvoice: invoiceNumberSchema.optional().describe('invoice number (INV-000123) or held invoice id'),
    })
    .strict()
    .refine(
      (x) => (x.invoice !== undefined ? x.accountId === undefined && x.period === undefined : x.accountId !== undefined && x.period !== undefined && x.otherInvoice === undefined),
      'name the account and a month, or an invoice (and optionally the other invoice)',
    ),
  output: z.object({
    accountId: z.string(),
    period: z.string().optional(),
    before: ref.optional(),
    after: ref.optional(),
    comparison: invoiceComparisonSchema.nullable(),
    note: z.string().optional(),
  }),
  handler: (ctx, { accountId: named, period, otherPeriod, invoice, otherInvoice }) => {
    if (named !== undefined) ctx.scope.account(named);
    const after = invoice ? ctx.scope.invoice(invoice) : accountPeriodInvoice(ctx.store, ctx.tenant, named!, period);
    const a = after.accountId;
    const other = otherInvoice ? ctx.scope.invoice(otherInvoice) : undefined;
    if (other && other.accountId !== a)
      throw new BillingError('INVALID_INPUT', `${invoice} and ${otherInvoice} belong to different accounts (${a}, ${other.accountId}): compare invoices of one account`);
    const before = other ?? (otherPeriod ? accountPeriodInvoice(ctx.store, ctx.tenant, a, otherPeriod) : invoicesBefore(ctx.store, ctx.tenant, a, after.period, 1)[0]);
    if (!before) return { accountId: a, period: after.period, comparison: null, note: `account ${a} has no invoice before ${after.period} to compare with` };
    const [older, newer] = before.period <= after.period ? [before, after] : [after, before];
    return { accountId: a, before: { number: older.number, period: older.period }, after: { number: newer.number, period: newer.period }, comparison: compare(older.document, newer.document) };
  },
});

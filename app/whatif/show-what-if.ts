import { z } from 'zod';
import { accountPeriodInvoice } from '../../db/index.ts';
import { accountIdSchema, billingMonthSchema, invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { whatIfAccount } from './what-if-account.ts';

/** What a what-if asks: an account (or one of its invoices), a month (default: its latest invoice's), optionally one plan. */
export const whatIfRequestSchema = z
  .object({
    accountId: accountIdSchema.optional(),
    invoice: invoiceNumberSchema.optional().describe('an invoice of the account; its month when none is named'),
    period: billingMonthSchema.optional().describe("the billing month (default: the account's latest invoice's)"),
    planId: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a plan id')
      .optional()
      .describe('only this plan'),
  })
  .strict();

// A scenario carries the comparison the charging tools made (amounts, saving, plan names): kept whole.
const scenarioSchema = z.looseObject({ subscriptionId: z.string(), msisdn: z.string(), planId: z.string(), note: z.string().nullable() });

/** `whatif.plans`: what each line of an account would have paid in a month on other plans (exact, before tax). */
export const showWhatIf = defineOperation({
  name: 'whatif.plans',
  summary: 'Compare plans for an account',
  effect: 'read',
  // A customer compares plans for their own account only: the scope narrows both the account and the invoice.
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: whatIfRequestSchema.refine((x) => (x.accountId === undefined) !== (x.invoice === undefined), 'name the account or one of its invoices, not both'),
  output: z.object({
    account: z.string(),
    period: billingMonthSchema,
    currency: z.string(),
    scenarios: z.array(scenarioSchema),
    recommended: z.array(z.looseObject({ subscriptionId: z.string(), msisdn: z.string().nullable() })),
    lines: z.array(z.object({ subscriptionId: z.string(), msisdn: z.string() })),
  }),
  handler: (ctx, { accountId, invoice, period, planId }) => {
    // The account and month come from an invoice when one is named; the month defaults to the account's latest invoice.
    const inv = invoice !== undefined ? ctx.scope.invoice(invoice) : undefined;
    const { account } = ctx.scope.account(accountId ?? inv!.accountId);
    return whatIfAccount(ctx.store, account.id, period ?? inv?.period ?? accountPeriodInvoice(ctx.store, ctx.tenant, account.id).period, planId);
  },
});

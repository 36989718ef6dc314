import { z } from 'zod';
import { allocationsOf, creditsOfPayment, listPayments } from '../../db/payment-ledger-store.ts';
import { accountCreditBalance } from '../../db/payment-store.ts';
import { BillingError } from '../../tools/errors.ts';
import { createDecimalSum } from '../../tools/money/index.ts';
import { accountCollections } from '../proposals/index.ts';
import { defineOperation } from '../operation.ts';

const paymentSchema = z.object({
  id: z.number().int(),
  bookingDate: z.string(),
  amount: z.string(),
  currency: z.string(),
  state: z.enum(['matched', 'partly_matched']),
  /** Sent back by the bank later (a return): what it settled was reopened. */
  returned: z.boolean(),
  /** What it settled: per invoice, the sum of its allocations (a return's negative ones are the return entry's). */
  settled: z.array(z.object({ invoiceNumber: z.string(), amount: z.string() })),
  /** What of it became account credit (an overpayment). */
  credit: z.string(),
});

/**
 * `portal.payments`: the signed-in customer's payments that reached their account (newest first,
 * with the invoices each settled and what became credit), their open balance from the ageing and
 * their account credit. The account is the customer's own, from the context, never from input.
 */
export const showMyPayments = defineOperation({
  name: 'portal.payments',
  summary: 'Show my payments and balance',
  effect: 'read',
  roles: ['customer'],
  input: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50).describe('at most this many payments') }).strict(),
  output: z.object({
    accountId: z.string(),
    payments: z.array(paymentSchema),
    balance: z.object({
      currency: z.string().nullable(),
      openBalance: z.string(),
      overdueBalance: z.string(),
      /** Open balance less unapplied credit notes: what the account owes (negative when in credit). */
      balance: z.string(),
      summary: z.string(),
    }),
    /** Money paid in and not yet set against an invoice (the payments credit ledger). */
    accountCredit: z.string(),
  }),
  handler: (ctx, { limit }) => {
    const accountId = ctx.actor.accountId;
    if (accountId === undefined) throw new BillingError('FORBIDDEN', 'only a customer signed in to their account sees its payments');
    ctx.scope.account(accountId);
    const rows = listPayments(ctx.store, ctx.tenant, { accountId, limit: 5000 }).filter(
      (p): p is typeof p & { state: 'matched' | 'partly_matched' } => p.kind === 'payment' && (p.state === 'matched' || p.state === 'partly_matched'),
    );
    const payments = rows.slice(0, limit).map((p) => {
      const byInvoice = new Map<number, ReturnType<typeof createDecimalSum>>();
      for (const a of allocationsOf(ctx.store, { paymentId: p.id })) {
        const sum = byInvoice.get(a.invoiceId) ?? createDecimalSum();
        sum.add(a.amount);
        byInvoice.set(a.invoiceId, sum);
      }
      const credit = createDecimalSum();
      for (const c of creditsOfPayment(ctx.store, p.id)) credit.add(c.amount);
      return {
        id: p.id,
        bookingDate: p.bookingDate,
        amount: p.amount,
        currency: p.currency,
        state: p.state,
        returned: p.returnedBy !== null,
        settled: [...byInvoice].map(([invoiceId, sum]) => ({ invoiceNumber: ctx.scope.invoice(String(invoiceId)).number ?? String(invoiceId), amount: sum.value().toString() })),
        credit: credit.value().toString(),
      };
    });
    const { standing } = accountCollections(ctx.store, ctx.tenant, accountId, ctx.clock.today());
    return {
      accountId,
      payments,
      balance: { currency: standing.currency, openBalance: standing.openBalance, overdueBalance: standing.overdueBalance, balance: standing.balance, summary: standing.summary },
      accountCredit: accountCreditBalance(ctx.store, ctx.tenant, accountId),
    };
  },
});

import { z } from 'zod';
import type { Store } from '../../db/open-database.ts';
import { tenantPayment } from '../../db/payment-ledger-store.ts';
import { tenantAccount, tenantInvoice } from '../../db/tenant-scope.ts';
import { BillingError } from '../../tools/errors.ts';
import { accountIdSchema, invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { paymentView, paymentViewSchema } from './payment-view.ts';
import { loadMatchingBook, recordSettlement } from './settle-entries.ts';

/** Checks an entry can be matched by hand: money in, still unmatched, not sent back. */
export function checkMatchable(store: Store, tenant: string, paymentId: number) {
  const p = tenantPayment(store, tenant, paymentId);
  if (p.kind !== 'payment') throw new BillingError('CONFLICT', `payment ${p.id} is a ${p.kind}, not money in: only a payment is matched to invoices`);
  if (p.state !== 'unmatched') throw new BillingError('CONFLICT', `payment ${p.id} is ${p.state}${p.accountId ? ` (to ${p.accountId})` : ''}; only an unmatched payment is matched by hand`);
  if (p.returnedBy !== null) throw new BillingError('CONFLICT', `payment ${p.id} was sent back by entry ${p.returnedBy}`);
  return p;
}

/** The invoices of an account named by number (each must be the account's), as ids in the order given. */
export function accountInvoiceIds(store: Store, tenant: string, accountId: string, numbers: readonly string[]): number[] {
  return numbers.map((n) => {
    const inv = tenantInvoice(store, tenant, n);
    if (inv.accountId !== accountId) throw new BillingError('INVALID_INPUT', `invoice ${n} is not ${accountId}'s`);
    return inv.id;
  });
}

/**
 * Matches an unmatched payment to an account (and optionally invoices, settled first; the rest of
 * the account's open invoices follow oldest first, any excess becomes credit), recording who did
 * it. In one transaction that re-checks the state, so two people matching at once allocate once.
 */
export function matchPaymentByHand(store: Store, tenant: string, req: { paymentId: number; accountId: string; invoices: readonly string[]; by: string; today: string }) {
  tenantAccount(store, tenant, req.accountId);
  return store.sqlite
    .transaction(() => {
      const p = checkMatchable(store, tenant, req.paymentId);
      const invoiceIds = accountInvoiceIds(store, tenant, req.accountId, req.invoices);
      const book = loadMatchingBook(store, tenant);
      const r = recordSettlement(store, book, p, { accountId: req.accountId, method: 'manual', invoiceIds, by: req.by }, req.today);
      return { payment: paymentView(r.row), allocations: r.plan.allocations, credit: r.plan.excess };
    })
    .immediate();
}

/** `payments.match`: a person matches an unmatched payment to an account and, optionally, invoices of it. */
export const matchPayment = defineOperation({
  name: 'payments.match',
  summary: 'Match a payment by hand',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: z
    .object({
      id: z.coerce.number().int().positive().describe('payment id'),
      accountId: accountIdSchema.describe('the account the money is for'),
      invoices: z.array(invoiceNumberSchema).max(50).default([]).describe('invoices to settle first (INV-000123), of that account'),
    })
    .strict(),
  output: z.object({
    payment: paymentViewSchema,
    allocations: z.array(z.object({ invoiceId: z.number().int(), amount: z.string(), settles: z.boolean() })),
    credit: z.string(),
  }),
  handler: (ctx, { id, accountId, invoices }) => {
    if (ctx.actor.kind === 'agent') throw new BillingError('FORBIDDEN', 'an agent proposes a match (match_payment); a person matches');
    ctx.scope.account(accountId);
    return matchPaymentByHand(ctx.store, ctx.tenant, { paymentId: id, accountId, invoices, by: ctx.actor.id, today: ctx.clock.today() });
  },
});

import { z } from 'zod';
import { notesFor } from '../../db/invoice-store.ts';
import type { Store } from '../../db/open-database.ts';
import { paidByInvoice } from '../../db/payment-store.ts';
import { createProposal, type Requester, type StoredProposal } from '../../db/proposal-store.ts';
import { tenantAccount, tenantInvoice } from '../../db/tenant-scope.ts';
import { BillingError } from '../../tools/errors.ts';
import { dec, minorUnits } from '../../tools/money/index.ts';
import { openAmount } from '../../tools/payments/index.ts';
import { accountIdSchema, invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { proposalCreatedSchema, reasonSchema, requesterOf } from '../proposals/requester.ts';
import { accountInvoiceIds, checkMatchable } from './match-by-hand.ts';

/** What is still open on an invoice: total less payments (net of returns) and credit notes. */
export function invoiceOpenAmount(store: Store, invoiceId: number, total: string): string {
  const credited = notesFor(store, invoiceId)
    .filter((n) => n.kind === 'credit_note' && n.status !== 'void')
    .map((n) => n.total);
  return openAmount(total, paidByInvoice(store, [invoiceId]).get(invoiceId) ?? '0', credited);
}

/** Proposes matching an unmatched payment to an account (and invoices of it) for a person to approve: what an agent does instead of matching. */
export function proposePaymentMatch(
  store: Store,
  who: Requester,
  req: { paymentId: number; accountId: string; invoices: readonly string[]; reason: string },
): { proposal: StoredProposal<'match_payment'>; existing: boolean } {
  const { account } = tenantAccount(store, who.tenant, req.accountId);
  const p = checkMatchable(store, who.tenant, req.paymentId);
  const invoiceIds = accountInvoiceIds(store, who.tenant, account.id, req.invoices);
  return createProposal(store, who, {
    kind: 'match_payment',
    accountId: account.id,
    invoiceId: invoiceIds[0] ?? null,
    currency: p.currency,
    amount: p.amount,
    summary: `Match payment ${p.id} (${p.amount} ${p.currency} on ${p.bookingDate}${p.payerName ? ` from ${p.payerName}` : ''}) to ${account.id}${req.invoices.length ? `, settling ${req.invoices.join(', ')} first` : ''}`,
    payload: { paymentId: p.id, invoiceIds, invoiceNumbers: [...req.invoices], bookingDate: p.bookingDate, payerName: p.payerName },
    reason: req.reason,
    targetKey: `match_payment:${p.id}`,
  });
}

/** Proposes writing off what is still open on an issued or overdue invoice. */
export function proposeWriteOff(store: Store, who: Requester, req: { invoice: string; reason: string }): { proposal: StoredProposal<'write_off'>; existing: boolean } {
  const inv = tenantInvoice(store, who.tenant, req.invoice);
  if (inv.kind === 'credit_note' || (inv.status !== 'issued' && inv.status !== 'overdue'))
    throw new BillingError('CONFLICT', `${inv.number ?? inv.id} is ${inv.kind === 'credit_note' ? 'a credit note' : inv.status}: only an open invoice is written off`);
  const open = dec(invoiceOpenAmount(store, inv.id, inv.total));
  if (open.lte(0)) throw new BillingError('CONFLICT', `${inv.number} has nothing open to write off`);
  const amount = open.toFixed(minorUnits(inv.currency));
  return createProposal(store, who, {
    kind: 'write_off',
    accountId: inv.accountId,
    invoiceId: inv.id,
    currency: inv.currency,
    amount,
    summary: `Write off ${amount} ${inv.currency} still open on ${inv.number} (${inv.accountId})`,
    payload: { invoiceId: inv.id, invoiceNumber: inv.number, open: amount },
    reason: req.reason,
    targetKey: `write_off:${inv.id}`,
  });
}

/** `payments.propose-match`: proposes a match of an unmatched payment (a person approves; the agent's way to match). */
export const proposePaymentMatchOp = defineOperation({
  name: 'payments.propose-match',
  summary: 'Propose matching a payment',
  effect: 'propose',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      paymentId: z.number().int().positive().describe('the unmatched payment'),
      accountId: accountIdSchema.describe('the account the money is for'),
      invoices: z.array(invoiceNumberSchema).max(50).default([]).describe('invoices of that account to settle first'),
      reason: reasonSchema,
    })
    .strict(),
  output: proposalCreatedSchema,
  handler: (ctx, req) => {
    ctx.scope.account(req.accountId);
    return proposePaymentMatch(ctx.store, requesterOf(ctx), req);
  },
});

/** `payments.propose-write-off`: proposes writing off the rest of an open invoice (four eyes). */
export const proposeWriteOffOp = defineOperation({
  name: 'payments.propose-write-off',
  summary: 'Propose a write-off',
  effect: 'propose',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ invoice: invoiceNumberSchema.describe('invoice number (INV-000123)'), reason: reasonSchema }).strict(),
  output: proposalCreatedSchema,
  handler: (ctx, { invoice, reason }) => {
    ctx.scope.invoice(invoice);
    return proposeWriteOff(ctx.store, requesterOf(ctx), { invoice, reason });
  },
});

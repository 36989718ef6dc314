import { getInvoice } from '../../db/invoice-store.ts';
import type { Store } from '../../db/open-database.ts';
import { allocationsOf, insertAllocations, tenantPayment } from '../../db/payment-ledger-store.ts';
import type { StoredProposal } from '../../db/proposal-store.ts';
import { BillingError } from '../../tools/errors.ts';
import { dec, minorUnits } from '../../tools/money/index.ts';
import { invoiceOpenAmount } from './propose-payment-actions.ts';
import { loadMatchingBook, recordSettlement, syncInvoiceStatuses } from './settle-entries.ts';

/** The person whose approval made a proposal take effect (the last to approve). */
function approverOf(p: StoredProposal): string {
  return [...p.decisions].reverse().find((d) => d.decision === 'approve')?.decidedBy ?? p.requestedBy;
}

/**
 * Posts an approved payment match: allocates the payment as a person's match would, recording the
 * approver. Posting again finds the payment already matched to the account and does nothing.
 */
export function postPaymentMatch(store: Store, p: StoredProposal<'match_payment'>, today: string): string {
  const payment = tenantPayment(store, p.tenant, p.payload.paymentId);
  if (payment.state !== 'unmatched') {
    if (payment.accountId === p.accountId && payment.matchMethod === 'manual') return `payment ${payment.id} ${payment.state} to ${p.accountId}`;
    throw new BillingError('CONFLICT', `payment ${payment.id} is ${payment.state}${payment.accountId ? ` to ${payment.accountId}` : ''} since the proposal was made`);
  }
  if (payment.returnedBy !== null) throw new BillingError('CONFLICT', `payment ${payment.id} was sent back by entry ${payment.returnedBy}`);
  const book = loadMatchingBook(store, p.tenant);
  const r = recordSettlement(store, book, payment, { accountId: p.accountId, method: 'manual', invoiceIds: p.payload.invoiceIds, by: approverOf(p) }, today);
  return `payment ${payment.id} ${r.state} to ${p.accountId}`;
}

/**
 * Posts an approved write-off: an allocation of kind write_off of what is open now (at most what
 * was proposed), keyed by the proposal so posting twice writes off once; the invoice is then settled.
 */
export function postWriteOff(store: Store, p: StoredProposal<'write_off'>, today: string): string {
  const inv = getInvoice(store, String(p.payload.invoiceId));
  const label = inv.number ?? String(inv.id);
  const done = allocationsOf(store, { proposalId: p.id });
  if (done.length) return `${done[0]!.amount} written off ${label}`;
  const open = dec(invoiceOpenAmount(store, inv.id, inv.total));
  if (open.lte(0)) return `${label}: nothing open to write off`;
  const amount = (open.lt(dec(p.amount)) ? open : dec(p.amount)).toFixed(minorUnits(inv.currency));
  insertAllocations(store, [
    {
      tenant: p.tenant,
      kind: 'write_off',
      paymentId: null,
      invoiceId: inv.id,
      accountId: inv.accountId,
      amount,
      currency: inv.currency,
      date: today,
      proposalId: p.id,
      createdAt: new Date().toISOString(),
    },
  ]);
  syncInvoiceStatuses(store, [inv.id], today);
  return `${amount} written off ${label}`;
}

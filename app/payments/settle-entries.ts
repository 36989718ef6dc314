import { getAccountBundle } from '../../db/account-store.ts';
import { getBillingSettings } from '../../db/billing-settings-store.ts';
import { catalogInEffect } from '../../db/catalog-store.ts';
import { changeInvoiceStatus, getInvoice, saveInvoice } from '../../db/invoice-store.ts';
import type { Store } from '../../db/open-database.ts';
import { accountHolderNames, allocationsOf, creditsOfPayment, insertAllocations, insertCredit, knownPayers, matchableInvoices, type PaymentRow, updatePayment } from '../../db/payment-ledger-store.ts';
import { paidByInvoice } from '../../db/payment-store.ts';
import { notesFor } from '../../db/invoice-store.ts';
import { buildFeeNote } from '../../tools/invoice/build-fee-note.ts';
import { dec } from '../../tools/money/index.ts';
import {
  createMatchingBook,
  openAmount,
  planReturn,
  rememberPayer,
  settledStatus,
  settlePayment,
  type MatchingBook,
  type MatchMethod,
  type PaymentAllocationPlan,
} from '../../tools/payments/index.ts';

/** The matching book of a tenant: every numbered invoice with what is open on it, and the payers each account has been seen with. */
export function loadMatchingBook(store: Store, tenant: string): MatchingBook {
  const invoices = matchableInvoices(store, tenant);
  const open = invoices.map((i) => ({ id: i.id, number: i.number, accountId: i.accountId, currency: i.currency, issueDate: i.issueDate, outstanding: openAmount(i.total, i.paid, i.credited) }));
  const names = new Map<string, string>();
  for (const h of accountHolderNames(store, tenant)) names.set(`${h.accountId}:${h.name}`, h.accountId);
  for (const i of invoices) if (i.buyerName) names.set(`${i.accountId}:${i.buyerName}`, i.accountId);
  const payers = [...knownPayers(store, tenant), ...[...names].map(([k, accountId]) => ({ accountId, payerName: k.slice(accountId.length + 1), payerIban: null }))];
  return createMatchingBook(open, payers);
}

/** Moves each invoice's status to what its allocations now say: paid when settled, reopened when a payment came back. */
export function syncInvoiceStatuses(store: Store, invoiceIds: Iterable<number>, today: string): string[] {
  const changed: string[] = [];
  const ids = [...new Set(invoiceIds)];
  const paid = paidByInvoice(store, ids);
  for (const id of ids) {
    const inv = getInvoice(store, String(id));
    const credited = notesFor(store, id)
      .filter((n) => n.kind === 'credit_note' && n.status !== 'void')
      .map((n) => n.total);
    const to = settledStatus(inv.status, openAmount(inv.total, paid.get(id) ?? '0', credited), inv.document.dueDate, today);
    if (to) {
      changeInvoiceStatus(store, id, to);
      changed.push(`${inv.number ?? id} ${to}`);
    }
  }
  return changed;
}

/**
 * Records what a matched payment settles: its allocations (kind payment), its excess as account
 * credit (reason overpayment), the entry's state and match, and the invoices it paid in full
 * marked paid (which records the payment_received notification). The book is updated by the plan.
 */
export function recordSettlement(
  store: Store,
  book: MatchingBook,
  payment: PaymentRow,
  match: { accountId: string; method: MatchMethod; invoiceIds: number[]; by?: string | null },
  today: string,
): { plan: PaymentAllocationPlan; state: 'matched' | 'partly_matched'; row: PaymentRow } {
  const { plan, state } = settlePayment(book, match, payment.amount, payment.currency);
  const now = new Date().toISOString();
  insertAllocations(
    store,
    plan.allocations.map((a) => ({
      tenant: payment.tenant,
      kind: 'payment' as const,
      paymentId: payment.id,
      invoiceId: a.invoiceId,
      accountId: match.accountId,
      amount: a.amount,
      currency: payment.currency,
      date: payment.bookingDate,
      createdAt: now,
    })),
  );
  if (dec(plan.excess).gt(0)) {
    insertCredit(store, {
      tenant: payment.tenant,
      accountId: match.accountId,
      currency: payment.currency,
      reason: 'overpayment',
      amount: plan.excess,
      paymentId: payment.id,
      date: payment.bookingDate,
      createdAt: now,
    });
  }
  rememberPayer(book, match.accountId, payment);
  const row = updatePayment(store, payment.id, {
    state,
    accountId: match.accountId,
    matchMethod: match.method,
    matchedBy: match.by ?? null,
    matchedAt: now,
    unallocated: plan.excess,
  });
  syncInvoiceStatuses(
    store,
    plan.allocations.map((a) => a.invoiceId),
    today,
  );
  return { plan, state, row };
}

/**
 * Records a return, reversal or chargeback of a payment: negative allocations (kind return) and a
 * negative credit movement take back what the payment gave, the invoices it paid are reopened, the
 * payment records `returnedBy`, and a return or chargeback adds the catalog's returned-payment fee
 * as a debit note on the newest invoice it reopened (keyed by the return, so never twice).
 */
export function recordReturn(store: Store, book: MatchingBook | null, entry: PaymentRow, original: PaymentRow, today: string): { reopened: string[]; feeNote: string | null } {
  const now = new Date().toISOString();
  const given = allocationsOf(store, { paymentId: original.id }).filter((a) => a.kind === 'payment');
  const credit = creditsOfPayment(store, original.id).reduce((s, c) => s.plus(dec(c.amount)), dec(0));
  const plan = planReturn(entry.amount, entry.currency, { credit: credit.toString(), allocations: given });
  const accountId = original.accountId;
  if (accountId) {
    insertAllocations(
      store,
      plan.allocations.map((a) => ({
        tenant: entry.tenant,
        kind: 'return' as const,
        paymentId: entry.id,
        invoiceId: a.invoiceId,
        accountId,
        amount: a.amount,
        currency: entry.currency,
        date: entry.bookingDate,
        createdAt: now,
      })),
    );
    if (dec(plan.credit).lt(0))
      insertCredit(store, { tenant: entry.tenant, accountId, currency: entry.currency, reason: 'return', amount: plan.credit, paymentId: entry.id, date: entry.bookingDate, createdAt: now });
  }
  if (book) {
    for (const a of plan.allocations) {
      const inv = book.invoices.get(a.invoiceId);
      if (inv) inv.outstanding = dec(inv.outstanding).minus(dec(a.amount)).toString();
    }
  }
  updatePayment(store, original.id, { returnedBy: entry.id });
  updatePayment(store, entry.id, { state: 'returned', returnOf: original.id, accountId, unallocated: plan.beyond });
  const reopened = syncInvoiceStatuses(
    store,
    plan.allocations.map((a) => a.invoiceId),
    today,
  );
  const target = plan.allocations[0]?.invoiceId;
  const feeNote = entry.kind !== 'reversal' && target !== undefined ? chargeReturnFee(store, entry, target) : null;
  return { reopened, feeNote };
}

/** Issues the returned-payment fee of the catalog in effect as a debit note after an invoice, once per return entry; null when the catalog has none. */
function chargeReturnFee(store: Store, entry: PaymentRow, invoiceId: number): string | null {
  const { catalog } = catalogInEffect(store, entry.bookingDate);
  const charge = catalog.oneTimeCharges.find((c) => c.id === catalog.returnedPaymentChargeId);
  if (!charge) return null;
  const original = getInvoice(store, String(invoiceId));
  const bundle = getAccountBundle(store, original.accountId);
  const doc = buildFeeNote({
    original: original.document,
    charge,
    customer: bundle.customer,
    account: bundle.account,
    settings: getBillingSettings(store),
    date: entry.bookingDate,
    reason: `payment ${entry.returnOf ?? ''} returned${entry.returnReason ? ` (${entry.returnReason})` : ''}`.replace('  ', ' '),
    ref: `payment:${entry.id}`,
  });
  const saved = saveInvoice(store, {
    accountId: original.accountId,
    doc,
    issueDate: entry.bookingDate,
    paymentTermsDays: bundle.account.paymentTermsDays,
    ledger: [],
    carries: [],
    correctsInvoiceId: original.id,
    correctionKey: `return-fee:${entry.tenant}:${entry.entryKey}`,
  });
  return saved?.number ?? null;
}

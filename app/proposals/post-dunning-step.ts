import { BillingError } from '../../tools/errors.ts';
import { buildLateFeeNote, lateFeeAmount } from '../../tools/invoice/build-late-fee-note.ts';
import { getAccountBundle } from '../../db/account-store.ts';
import { getBillingSettings } from '../../db/billing-settings-store.ts';
import { catalogInEffect } from '../../db/catalog-store.ts';
import { getInvoice, saveInvoice } from '../../db/invoice-store.ts';
import type { Store } from '../../db/open-database.ts';
import { noteByCorrectionKey, saveDunningAction } from '../../db/posting-store.ts';
import { restrictAccount } from '../../db/promise-store.ts';
import { effectiveAmount, type StoredProposal } from '../../db/proposal-store.ts';

/**
 * Posts an approved dunning step, inside the posting transaction: a late fee issues its debit note
 * (correction key `proposal:<id>`, so it is made once), a restriction or a bar is put on the
 * account's lines (once per proposal); then the step is recorded with its notification to the
 * customer (unique per invoice and step).
 */
export function postDunningStep(store: Store, p: StoredProposal<'dunning_step'>, today: string): string {
  const { invoiceId, step, action, channels } = p.payload;
  // A step that only talks to the customer (a reminder) needs no more of the invoice than its number;
  // rows recorded before invoices were kept with their steps may name one that is gone.
  const invoice = action === 'late_fee' ? getInvoice(store, String(invoiceId)) : invoiceOrNull(store, invoiceId);
  let ref = `${step} on invoice ${invoice?.number ?? invoiceId}`;
  let fee: { lateFee: string; noteNumber: string | null } | null = null;
  if (action === 'late_fee') {
    fee = postLateFee(store, p, today);
    ref = `late fee ${fee.lateFee} ${p.currency}: debit note ${fee.noteNumber} on ${invoice?.number}`;
  } else if (action === 'restriction' || action === 'barring') {
    const lines = getAccountBundle(store, p.accountId)
      .subscriptions.filter((s) => !s.endDate || s.endDate > today)
      .map((s) => s.msisdn);
    ref = restrictAccount(store, { tenant: p.tenant, accountId: p.accountId, level: action === 'restriction' ? 'outgoing' : 'barred', proposalId: p.id, lines, at: new Date(`${today}T00:00:00Z`) });
  }
  saveDunningAction(store, {
    accountId: p.accountId,
    invoiceId,
    step,
    proposalId: p.id,
    detail: { ...p.payload, ref },
    notice: {
      ...(action ? { action } : {}),
      ...(channels ? { channels } : {}),
      number: invoice?.number ?? null,
      currency: p.currency,
      ...(p.payload.daysPastDue !== undefined ? { daysPastDue: p.payload.daysPastDue } : {}),
      ...(fee ? fee : {}),
    },
  });
  return ref;
}

function postLateFee(store: Store, p: StoredProposal<'dunning_step'>, today: string): { lateFee: string; noteNumber: string | null } {
  const key = `proposal:${p.id}`;
  const amount = effectiveAmount(p);
  const done = noteByCorrectionKey(store, key);
  if (done) return { lateFee: amount, noteNumber: done.number };
  const original = getInvoice(store, String(p.payload.invoiceId));
  const bundle = getAccountBundle(store, original.accountId);
  let catalog = null;
  try {
    catalog = catalogInEffect(store, today).catalog;
  } catch (e) {
    if (!(e instanceof BillingError && e.code === 'NOT_FOUND')) throw e;
  }
  const definition = lateFeeAmount(catalog, '0', original.currency);
  const doc = buildLateFeeNote({
    original: original.document,
    fee: { name: definition.name, taxClass: definition.taxClass, amount },
    customer: bundle.customer,
    account: bundle.account,
    settings: getBillingSettings(store),
    reason: `late fee approved (proposal ${p.id}): ${p.reason}`,
    ref: String(p.id),
    issueDate: today,
  });
  const saved = saveInvoice(store, {
    accountId: original.accountId,
    doc,
    issueDate: today,
    paymentTermsDays: bundle.account.paymentTermsDays,
    ledger: [],
    carries: [],
    correctsInvoiceId: original.id,
    correctionKey: key,
  });
  if (!saved) throw new BillingError('INTERNAL', `late fee debit note of proposal ${p.id} was not stored`);
  return { lateFee: amount, noteNumber: saved.number };
}

function invoiceOrNull(store: Store, id: number) {
  try {
    return getInvoice(store, String(id));
  } catch (err) {
    if (err instanceof BillingError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

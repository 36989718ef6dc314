import type { ProposalKind } from '../../tools/approval/index.ts';
import { BillingError, type BillingErrorCode } from '../../tools/errors.ts';
import { buildAdjustmentNote } from '../../tools/invoice/build-adjustment-note.ts';
import { getAccountBundle } from '../../db/account-store.ts';
import { appendAudit } from '../../db/audit-store.ts';
import { getBillingSettings } from '../../db/billing-settings-store.ts';
import { noteByCorrectionKey, savePaymentPlan } from '../../db/posting-store.ts';
import { postDunningStep } from './post-dunning-step.ts';
import { changeInvoiceStatus, getInvoice, issueHeldInvoice, notesFor, saveInvoice } from '../../db/invoice-store.ts';
import { taxPacksInForce } from '../../db/tax-pack-store.ts';
import type { Store } from '../../db/open-database.ts';
import { checkQuorum, effectiveAmount, getProposal, markProposalPosted, type StoredProposal } from '../../db/proposal-store.ts';
import { rerateAccount } from '../rerate/rerate-account.ts';
import { setEventCategory } from '../../db/usage-store.ts';
import { barLine } from '../../db/line-bar-store.ts';
import { postPaymentMatch, postWriteOff } from '../payments/post-payment-proposal.ts';
import { postRefund } from '../../db/payment-fraud-store.ts';
import { countedDecisions } from '../../db/proposal-store.ts';
import { adoptApprovedTaxPack } from '../tax/adopt-tax-pack.ts';

/** What posting an approved proposal did. */
export interface PostingResult {
  proposalId: number;
  kind: ProposalKind;
  /** What posting produced: a credit note number, an invoice number, a plan id, a re-rate run. */
  ref: string;
  /** True when it had been posted before: nothing was done again. */
  alreadyPosted: boolean;
}

/**
 * Carries out an approved proposal exactly once: every kind is keyed by the proposal id (a credit
 * note's correction key, a plan's unique proposal id...), so a repeated call, or a resume after a
 * crash between posting and recording it, finds the earlier result instead of posting twice.
 */
export function postProposal(store: Store, tenant: string, id: number, options: { today?: string } = {}): PostingResult {
  const p = getProposal(store, tenant, id);
  if (p.status === 'posted') return { proposalId: id, kind: p.kind, ref: p.postingRef ?? '', alreadyPosted: true };
  if (p.status !== 'approved') throw new BillingError('CONFLICT', `proposal ${id} is ${p.status}; only an approved proposal is posted`);
  checkQuorum(p);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  // Re-rating writes in groups of its own; it is idempotent by nature, so it runs outside the posting transaction.
  const ref = p.kind === 'rerate' || p.kind === 'recategorise' ? postRerate(store, p, today) : store.sqlite.transaction(() => postInTransaction(store, p, today)).immediate();
  store.sqlite
    .transaction(() => {
      markProposalPosted(store, id, ref);
      appendAudit(store, {
        tenant,
        actor: 'switchboard',
        actorKind: 'system',
        threadId: p.threadId,
        event: 'posting',
        subject: `proposal:${id}`,
        detail: { kind: p.kind, ref, amount: effectiveAmount(p), currency: p.currency },
      });
    })
    .immediate();
  return { proposalId: id, kind: p.kind, ref, alreadyPosted: false };
}

function postInTransaction(store: Store, p: StoredProposal, today: string): string {
  // The payload is typed by kind (read through the discriminated union in proposal-store).
  switch (p.kind) {
    case 'fee_waiver':
    case 'credit': {
      const key = `proposal:${p.id}`;
      const done = noteByCorrectionKey(store, key);
      if (done) return done.number ?? key;
      const original = getInvoice(store, String(p.payload.invoiceId));
      const bundle = getAccountBundle(store, original.accountId);
      const notes = notesFor(store, original.id).map((n) => n.document);
      const doc = buildAdjustmentNote({
        original: original.document,
        credits: [{ lineId: p.payload.lineId, amount: effectiveAmount(p) }],
        customer: bundle.customer,
        account: bundle.account,
        settings: getBillingSettings(store),
        reason: `${p.kind === 'fee_waiver' ? 'fee waiver' : 'credit'} approved (proposal ${p.id}): ${p.reason}`,
        earlierNotes: notes,
        ref: String(p.id),
        taxPacks: taxPacksInForce(store),
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
      if (!saved) throw new BillingError('INTERNAL', `credit note of proposal ${p.id} was not stored`);
      return saved.number ?? key;
    }
    case 'release_hold': {
      const inv = getInvoice(store, String(p.payload.invoiceId));
      if (inv.status !== 'held') throw new BillingError('CONFLICT', `invoice ${inv.number ?? inv.id} is ${inv.status}, no longer held`);
      return issueHeldInvoice(store, inv.id, today, getAccountBundle(store, inv.accountId).account.paymentTermsDays).number!;
    }
    case 'void_invoice': {
      const inv = getInvoice(store, String(p.payload.invoiceId));
      if (inv.status === 'void') return `${inv.number ?? inv.id} void`;
      changeInvoiceStatus(store, inv.id, 'void');
      return `${inv.number ?? inv.id} void`;
    }
    case 'payment_plan': {
      const id = savePaymentPlan(store, { proposalId: p.id, accountId: p.accountId, currency: p.currency, total: p.amount, instalments: p.payload.instalments });
      return `PP-${id}`;
    }
    case 'dunning_step':
      return postDunningStep(store, p, today);
    case 'customer_dispute':
    case 'callback_request':
      // A customer's case moves nothing: approving it records that the billing team handled it; a
      // remedy (a credit, a waiver) is a proposal of its own with its own approvals.
      return `case ${p.id} handled; no money moved`;
    case 'refund': {
      // Keyed by the proposal (the refund payment's entry key): a second posting finds it and pays nothing again.
      const approvedBy = [...countedDecisions(p)].reverse().find((d) => d.decision === 'approve')?.decidedBy ?? null;
      const amount = effectiveAmount(p);
      const { paymentId } = postRefund(store, {
        tenant: p.tenant,
        proposalId: p.id,
        accountId: p.accountId,
        amount,
        currency: p.currency,
        iban: p.payload.iban,
        holderName: p.payload.holderName,
        approvedBy,
        today,
      });
      return `refund payment ${paymentId}: ${amount} ${p.currency} to ${p.payload.iban}`;
    }
    case 'adopt_tax_pack':
      return adoptApprovedTaxPack(store, p, today);
    case 'bar_line':
      return barLine(store, p.tenant, { subscriber: p.payload.subscriber, alertId: p.payload.alertId, proposalId: p.id, at: new Date() });
    case 'match_payment':
      return postPaymentMatch(store, p, today);
    case 'write_off':
      return postWriteOff(store, p, today);
    default:
      throw new BillingError('INTERNAL', `no posting for ${p.kind}`);
  }
}

function postRerate(store: Store, p: StoredProposal<'rerate' | 'recategorise'>, today: string): string {
  const payload = p.payload;
  // The event keeps its record; only its category changes, and the reason says who decided it.
  if (p.kind === 'recategorise') setEventCategory(store, p.tenant, p.payload.eventId, p.payload.category, `recategorised by approved proposal ${p.id}`);
  const r = rerateAccount(store, p.accountId, payload.period, today);
  if (r.failed.length) throw new BillingError(r.failed[0]!.code as BillingErrorCode, `re-rating ${p.accountId} for ${payload.period} failed: ${r.failed[0]!.message}`);
  return `rerate ${r.runId}${r.notes.length ? `: ${r.notes.map((n) => n.number).join(', ')}` : ''}`;
}

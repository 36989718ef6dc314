import {
  ageReceivables,
  channelsForRisk,
  DEFAULT_DUNNING_LADDER,
  followUpPromise,
  ladderForRisk,
  planDunning,
  scorePaymentRisk,
  type DunningPlan,
  type PaymentRisk,
} from '../../tools/collections/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { lateFeeAmount } from '../../tools/invoice/build-late-fee-note.ts';
import { catalogInEffect } from '../../db/catalog-store.ts';
import { accountPaymentHistory, accountPaymentsSince, accountReceivables, accountsWithOpenInvoices, disputedInvoiceIds, latestProposalStatus, takenDunningSteps } from '../../db/collections-store.ts';
import { recordNotification } from '../../db/notification-store.ts';
import type { Store } from '../../db/open-database.ts';
import { saveDunningRow } from '../../db/posting-store.ts';
import { closePromise, listPromises } from '../../db/promise-store.ts';
import { createProposal, type Requester } from '../../db/proposal-store.ts';
import { tenantAccount } from '../../db/tenant-scope.ts';

/** One account's collections picture on a date: risk, the ladder it is on, and why it moves or waits. */
export interface AccountCollectionsView {
  accountId: string;
  risk: PaymentRisk;
  channels: ('email' | 'sms')[];
  /** The oldest overdue invoice the ladder is keyed by (disputed invoices left out), or null. */
  invoiceId: number | null;
  taken: string[];
  plan: DunningPlan;
  /** Why the ladder is not moving: an open promise, or null. */
  paused: string | null;
  disputed: number[];
}

/** What one collections run did: every account looked at ends in one of these counts. */
export interface CollectionsRunReport {
  asOf: string;
  accounts: number;
  remindersSent: number;
  proposed: { accountId: string; proposalId: number; step: string; existing: boolean }[];
  /** Accounts whose ladder waits on an open promise. */
  paused: string[];
  promisesKept: number[];
  promisesBroken: number[];
  /** Accounts with nothing due today. */
  idle: number;
}

/** An account's risk, ladder and plan today, with the stop rules applied (disputed invoices out, open promise pauses). */
export function accountCollectionsView(store: Store, tenant: string, accountId: string, asOf: string): AccountCollectionsView {
  const disputed = disputedInvoiceIds(store, tenant, accountId);
  const all = accountReceivables(store, tenant, accountId);
  // A disputed invoice leaves the ladder with the notes that correct it.
  const disputedNumbers = new Set(all.filter((d) => disputed.has(Number(d.id)) && d.number).map((d) => d.number!));
  const docs = all.filter((d) => !disputed.has(Number(d.id)) && !(d.corrects && disputedNumbers.has(d.corrects)));
  const standing = ageReceivables(docs, asOf);
  const risk = scorePaymentRisk(accountPaymentHistory(store, tenant, accountId, asOf));
  const oldest = standing.rows.find((r) => r.daysPastDue === standing.daysPastDue && r.daysPastDue > 0);
  const invoiceId = oldest ? Number(oldest.id) : null;
  const taken = invoiceId === null ? [] : takenDunningSteps(store, accountId, invoiceId);
  // The late fee is the catalog's (docs/collections.md); the ladder's own figure is the fallback.
  const fee = catalogOrNull(store, asOf)?.lateFee;
  const ladder = fee
    ? { steps: DEFAULT_DUNNING_LADDER.steps.map((s) => (s.action === 'late_fee' ? { ...s, lateFee: { fixed: fee.fixed, percentOfOverdue: fee.percentOfOverdue } } : s)) }
    : DEFAULT_DUNNING_LADDER;
  const plan = planDunning(standing, ladderForRisk(ladder, risk.band), taken);
  const open = listPromises(store, tenant, { accountId, status: 'open', limit: 1 })[0];
  return {
    accountId,
    risk,
    channels: channelsForRisk(risk.band),
    invoiceId,
    taken,
    plan,
    paused: open ? `promise ${open.id} to pay ${open.amount} ${open.currency} by ${open.promisedFor} is open` : null,
    disputed: [...disputed].sort((a, b) => a - b),
  };
}

/**
 * Follows up an account's open promises on a date: kept ones close (the customer is thanked),
 * broken ones close and are reported (the ladder resumes). Each transition happens once: a
 * promise is closed only while open, and its notification is keyed by the promise and outcome.
 */
export function followUpPromises(store: Store, tenant: string, accountId: string, asOf: string): { kept: number[]; broken: number[] } {
  const kept: number[] = [];
  const broken: number[] = [];
  for (const p of listPromises(store, tenant, { accountId, status: 'open' })) {
    const result = followUpPromise(p, accountPaymentsSince(store, tenant, accountId, p.recordedOn), asOf);
    if (result.status === 'open') continue;
    const status = result.status;
    store.sqlite.transaction(() => {
      if (!closePromise(store, tenant, p.id, status, asOf)) return;
      (status === 'kept' ? kept : broken).push(p.id);
      recordNotification(store, {
        key: `promise:${p.id}:${status}`,
        accountId,
        tenant,
        payload: { kind: 'payment_promise', promiseId: p.id, status, amount: p.amount, currency: p.currency, promisedFor: p.promisedFor },
      });
    })();
  }
  return { kept, broken };
}

/**
 * The collections run for a tenant on a date (the daily job, `switchboard collections run`):
 * follows up promises, then walks each account with something open up its ladder. A step that
 * only talks to the customer (a reminder) is taken now: its dunning_actions row and its
 * notification in one transaction, unique per invoice and step. The first money or state step
 * due (late fee, restriction, barring) becomes a dunning_step proposal for four eyes, keyed by
 * invoice and step, and is never proposed again once rejected. Running it twice sends and proposes
 * nothing twice.
 */
export function runCollections(store: Store, who: Requester, asOf: string, options: { accounts?: readonly string[] } = {}): CollectionsRunReport {
  const tenant = who.tenant;
  const report: CollectionsRunReport = { asOf, accounts: 0, remindersSent: 0, proposed: [], paused: [], promisesKept: [], promisesBroken: [], idle: 0 };
  const catalog = catalogOrNull(store, asOf);
  const withPromises = new Set(listPromises(store, tenant, { status: 'open', limit: 100_000 }).map((p) => p.accountId));
  const only = options.accounts ? new Set(options.accounts) : null;
  const ids = [...new Set([...accountsWithOpenInvoices(store, tenant), ...withPromises])].filter((id) => !only || only.has(id)).sort();
  for (const accountId of ids) {
    report.accounts += 1;
    const followed = followUpPromises(store, tenant, accountId, asOf);
    report.promisesKept.push(...followed.kept);
    report.promisesBroken.push(...followed.broken);
    const view = accountCollectionsView(store, tenant, accountId, asOf);
    if (view.paused) {
      report.paused.push(accountId);
      continue;
    }
    const moved = takeSteps(store, who, view, asOf, catalog);
    report.remindersSent += moved.sent;
    report.proposed.push(...moved.proposed);
    if (moved.sent === 0 && moved.proposed.length === 0) report.idle += 1;
  }
  return report;
}

function catalogOrNull(store: Store, asOf: string) {
  try {
    return catalogInEffect(store, asOf).catalog;
  } catch (e) {
    // No catalog in effect: the late fee falls back (docs/collections.md).
    if (e instanceof BillingError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
}

function takeSteps(store: Store, who: Requester, view: AccountCollectionsView, asOf: string, catalog: ReturnType<typeof catalogOrNull>): { sent: number; proposed: CollectionsRunReport['proposed'] } {
  const proposed: CollectionsRunReport['proposed'] = [];
  let sent = 0;
  const invoiceId = view.invoiceId;
  if (invoiceId === null) return { sent, proposed };
  const { account } = tenantAccount(store, who.tenant, view.accountId);
  const number = accountReceivables(store, who.tenant, view.accountId).find((d) => Number(d.id) === invoiceId)?.number ?? null;
  const facts = { number, overdue: view.plan.overdueBalance, currency: account.currency, daysPastDue: view.plan.daysPastDue, channels: view.channels };
  for (const step of view.plan.steps) {
    if (!step.requiresApproval) {
      store.sqlite.transaction(() => {
        if (
          !saveDunningRow(store, {
            accountId: view.accountId,
            invoiceId,
            step: step.stepId,
            proposalId: null,
            detail: { ...facts, risk: view.risk.score, band: view.risk.band, by: 'collections run' },
          })
        )
          return;
        recordNotification(store, {
          key: `dunning:${invoiceId}:${step.stepId}`,
          accountId: view.accountId,
          tenant: who.tenant,
          payload: { kind: 'dunning_step', invoiceId, step: step.stepId, proposalId: null, action: step.action, ...facts },
        });
        sent += 1;
      })();
      continue;
    }
    // One money or state step at a time: the next waits until this one is posted (planDunning holds it).
    const targetKey = `dunning:${invoiceId}:${step.stepId}`;
    const earlier = latestProposalStatus(store, who.tenant, targetKey);
    if (earlier?.status === 'rejected') break;
    const fee = step.action === 'late_fee' ? lateFeeAmount(catalog, view.plan.overdueBalance, account.currency) : null;
    const { proposal, existing } = createProposal(store, who, {
      kind: 'dunning_step',
      accountId: view.accountId,
      invoiceId,
      currency: account.currency,
      amount: fee?.amount ?? '0',
      summary: `Dunning for ${view.accountId}: ${step.description} (${view.plan.daysPastDue} days past due, ${view.plan.overdueBalance} ${account.currency} overdue${number ? ` on ${number}` : ''})${fee ? `, late fee ${fee.amount} ${account.currency}${fee.fromCatalog ? '' : ' (fallback: the catalog defines no late fee)'}` : ''}`,
      payload: { invoiceId, step: step.stepId, action: step.action, lateFee: fee?.amount ?? null, daysPastDue: view.plan.daysPastDue, channels: view.channels },
      reason: `collections run ${asOf}: ${step.reason}; payment risk ${view.risk.band} (${view.risk.score})`,
      targetKey,
    });
    proposed.push({ accountId: view.accountId, proposalId: proposal.id, step: step.stepId, existing });
    break;
  }
  return { sent, proposed };
}

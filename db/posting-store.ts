import { eq } from 'drizzle-orm';
import { dunningActions, paymentPlans } from './agent-schema.ts';
import { invoices } from './billing-schema.ts';
import type { NotificationPayload } from '../tools/notifications/index.ts';
import { recordNotification } from './notification-store.ts';

type DunningNotice = Extract<NotificationPayload, { kind: 'dunning_step' }>;
import type { Store } from './open-database.ts';

/** The number of the note stored under a correction key (a posted proposal's), or undefined. */
export function noteByCorrectionKey(store: Store, key: string): { number: string | null } | undefined {
  return store.db.select({ number: invoices.number }).from(invoices).where(eq(invoices.correctionKey, key)).get();
}

/** Stores an approved payment plan once per proposal; returns its id (the earlier one when already stored). */
export function savePaymentPlan(store: Store, plan: { proposalId: number; accountId: string; currency: string; total: string; instalments: unknown[] }): number {
  const row = store.db
    .insert(paymentPlans)
    .values({
      proposalId: plan.proposalId,
      accountId: plan.accountId,
      currency: plan.currency,
      total: plan.total,
      instalmentsJson: JSON.stringify(plan.instalments),
      createdAt: new Date().toISOString(),
    })
    .onConflictDoNothing()
    .returning({ id: paymentPlans.id })
    .get();
  return row?.id ?? store.db.select({ id: paymentPlans.id }).from(paymentPlans).where(eq(paymentPlans.proposalId, plan.proposalId)).get()!.id;
}

/** Records a dunning step taken, once per proposal, and its notification to the customer in the same transaction. */
export function saveDunningAction(
  store: Store,
  action: { accountId: string; invoiceId: number; step: string; proposalId: number; detail: object; notice?: Omit<DunningNotice, 'kind' | 'invoiceId' | 'step' | 'proposalId'> },
): void {
  store.sqlite.transaction(() => {
    saveDunningRow(store, action);
    recordNotification(store, {
      key: `dunning:${action.invoiceId}:${action.step}`,
      accountId: action.accountId,
      payload: { kind: 'dunning_step', invoiceId: action.invoiceId, step: action.step, proposalId: action.proposalId, ...action.notice },
    });
  })();
}

/** Records a dunning step taken on an invoice (once: unique per invoice and step); true when it is new. */
export function saveDunningRow(store: Store, action: { accountId: string; invoiceId: number; step: string; proposalId: number | null; detail: object }): boolean {
  const r = store.db
    .insert(dunningActions)
    .values({
      accountId: action.accountId,
      invoiceId: action.invoiceId,
      step: action.step,
      proposalId: action.proposalId,
      detailJson: JSON.stringify(action.detail),
      createdAt: new Date().toISOString(),
    })
    .onConflictDoNothing()
    .run();
  return r.changes > 0;
}

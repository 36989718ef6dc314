import { z } from 'zod';
import { ageReceivables, buildPaymentPlan, planDunning } from '../../tools/collections/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { dec } from '../../tools/money/index.ts';
import { addDays } from '../../tools/time/index.ts';
import { accountReceivables, takenDunningSteps } from '../../db/collections-store.ts';
import type { Store } from '../../db/open-database.ts';
import { createProposal, type Requester, type StoredProposal } from '../../db/proposal-store.ts';
import { tenantAccount } from '../../db/tenant-scope.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { proposalCreatedSchema, reasonSchema, requesterOf } from './requester.ts';

/** An account's standing and its dunning plan on a date: what collections reads before proposing. */
export function accountCollections(store: Store, tenant: string, accountId: string, asOf: string) {
  const standing = ageReceivables(accountReceivables(store, tenant, accountId), asOf);
  const oldest = standing.rows.find((r) => r.daysPastDue === standing.daysPastDue && r.daysPastDue > 0);
  const taken = oldest ? takenDunningSteps(store, accountId, Number(oldest.id)) : [];
  return { standing, dunning: planDunning(standing, undefined, taken), oldestOverdueInvoiceId: oldest ? Number(oldest.id) : null };
}

/** Proposes spreading an account's open balance over instalments that add up to it exactly. */
export function proposePaymentPlan(
  store: Store,
  who: Requester,
  req: { accountId: string; instalments: number; asOf: string; reason: string },
): { proposal: StoredProposal<'payment_plan'>; existing: boolean } {
  const { account } = tenantAccount(store, who.tenant, req.accountId);
  const { standing } = accountCollections(store, who.tenant, account.id, req.asOf);
  if (!standing.currency || !dec(standing.openBalance).greaterThan(0)) {
    throw new BillingError('CONFLICT', `account ${account.id} has nothing open to spread over a payment plan`);
  }
  const plan = buildPaymentPlan({ balance: standing.openBalance, currency: standing.currency, instalments: req.instalments, firstDueDate: addDays(req.asOf, 14), interval: 'month' });
  return createProposal(store, who, {
    kind: 'payment_plan',
    accountId: account.id,
    currency: plan.currency,
    amount: plan.balance,
    summary: `Payment plan for ${account.id}: ${plan.balance} ${plan.currency} in ${plan.instalments.length} monthly instalments (${plan.instalments.map((i) => `${i.amount} on ${i.dueDate}`).join(', ')})`,
    payload: { instalments: plan.instalments, plan, invoices: standing.rows.map((r) => r.number) },
    reason: req.reason,
    targetKey: `payment_plan:${account.id}:${standing.rows.map((r) => r.id).join(',')}`,
  });
}

/** Proposes the next due dunning step of an account (every step is a proposal: each reaches the customer). */
export function proposeDunningStep(store: Store, who: Requester, req: { accountId: string; asOf: string; reason: string }): { proposal: StoredProposal<'dunning_step'>; existing: boolean } {
  const { account } = tenantAccount(store, who.tenant, req.accountId);
  const { dunning, oldestOverdueInvoiceId } = accountCollections(store, who.tenant, account.id, req.asOf);
  const step = dunning.steps[0];
  if (!step || oldestOverdueInvoiceId === null) throw new BillingError('CONFLICT', `no dunning step is due for ${account.id}: ${dunning.summary}`);
  return createProposal(store, who, {
    kind: 'dunning_step',
    accountId: account.id,
    invoiceId: oldestOverdueInvoiceId,
    currency: account.currency,
    amount: step.lateFee ?? '0',
    summary: `Dunning for ${account.id}: ${step.description} (${dunning.daysPastDue} days past due, ${dunning.overdueBalance} ${account.currency} overdue)${step.lateFee ? `, late fee ${step.lateFee}` : ''}`,
    payload: { invoiceId: oldestOverdueInvoiceId, step: step.stepId, action: step.action, lateFee: step.lateFee, daysPastDue: dunning.daysPastDue },
    reason: req.reason,
    targetKey: `dunning:${oldestOverdueInvoiceId}:${step.stepId}`,
  });
}

/** `collections.propose-payment-plan`: spreads the account's open balance (as of today) over 2 to 24 monthly instalments. */
export const proposeAccountPaymentPlan = defineOperation({
  name: 'collections.propose-payment-plan',
  summary: 'Propose a payment plan',
  effect: 'propose',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ accountId: accountIdSchema, instalments: z.number().int().min(2).max(24), reason: reasonSchema }).strict(),
  output: proposalCreatedSchema,
  handler: (ctx, { accountId, instalments, reason }) => {
    ctx.scope.account(accountId);
    return proposePaymentPlan(ctx.store, requesterOf(ctx), { accountId, instalments, asOf: ctx.clock.today(), reason });
  },
});

/** `collections.propose-dunning-step`: the account's next dunning step due today, for approval. */
export const proposeAccountDunningStep = defineOperation({
  name: 'collections.propose-dunning-step',
  summary: 'Propose the next dunning step',
  effect: 'propose',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ accountId: accountIdSchema, reason: reasonSchema }).strict(),
  output: proposalCreatedSchema,
  handler: (ctx, { accountId, reason }) => {
    ctx.scope.account(accountId);
    return proposeDunningStep(ctx.store, requesterOf(ctx), { accountId, asOf: ctx.clock.today(), reason });
  },
});

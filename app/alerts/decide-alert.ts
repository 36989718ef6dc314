import { z } from 'zod';
import { appendAudit, createProposal, decideFraudAlert, inTransaction, barLineAccountOf, tenantFraudAlert, type Store } from '../../db/index.ts';
import { storedProposalSchema } from '../../tools/approval/index.ts';
import { BillingError } from '../../tools/errors.ts';
import type { OperationContext } from '../context.ts';
import { defineOperation } from '../operation.ts';
import { reasonSchema, requesterOf } from '../proposals/requester.ts';
import { alertDetail, alertDetailSchema, canProposeBar } from './alert-view.ts';

const STAFF = ['analyst', 'approver', 'admin'] as const;

/**
 * Confirms or dismisses an open alert, recording who and why (audited). Confirming a critical
 * alert about a line may propose barring it: a proposal through the four-eyes mechanism, which
 * another person approves; nothing is barred here.
 */
export function decideAlert(store: Store, ctx: OperationContext, req: { id: number; status: 'confirmed' | 'dismissed'; reason: string; proposeBar?: boolean }) {
  const alert = tenantFraudAlert(store, ctx.tenant, req.id);
  if (req.proposeBar && !canProposeBar(alert))
    throw new BillingError('INVALID_INPUT', `alert ${req.id} is ${alert.severity} about a ${alert.subjectKind.replace('_', ' ')}: only a critical alert about a line can propose barring it`);
  return inTransaction(store, () => {
    let proposal: z.infer<typeof storedProposalSchema> | null = null;
    if (req.status === 'confirmed' && req.proposeBar) {
      const owner = barLineAccountOf(store, ctx.tenant, alert.subject);
      proposal = createProposal(store, requesterOf(ctx), {
        kind: 'bar_line',
        accountId: owner.accountId,
        currency: owner.currency,
        amount: '0',
        summary: `Bar line ${alert.subject}: confirmed ${alert.detector} alert ${alert.id} (${alert.severity})`,
        payload: { alertId: alert.id, subscriber: alert.subject, detector: alert.detector, severity: alert.severity, alertSummary: alert.summary },
        reason: req.reason,
        targetKey: `bar_line:${alert.subject}`,
      }).proposal;
    }
    const decided = decideFraudAlert(store, ctx.tenant, req.id, { status: req.status, by: ctx.actor.id, reason: req.reason, at: ctx.clock.now(), proposalId: proposal?.id ?? null });
    appendAudit(store, {
      tenant: ctx.tenant,
      actor: ctx.actor.id,
      actorKind: ctx.actor.kind === 'agent' ? 'agent' : 'analyst',
      threadId: ctx.actor.agent?.threadId ?? null,
      event: 'decision',
      subject: `alert:${req.id}`,
      detail: { kind: 'fraud_alert', status: req.status, reason: req.reason, detector: alert.detector, severity: alert.severity, proposalId: proposal?.id ?? null },
    });
    return { alert: alertDetail(decided), proposal };
  });
}

const decidedSchema = z.object({ alert: alertDetailSchema, proposal: storedProposalSchema.nullable() });

/** `alerts.confirm`: the alert is fraud; for a critical alert about a line, optionally propose barring it. */
export const confirmAlert = defineOperation({
  name: 'alerts.confirm',
  summary: 'Confirm a fraud alert',
  effect: 'decide',
  roles: [...STAFF],
  input: z
    .object({
      id: z.coerce.number().int().positive().describe('alert id'),
      reason: reasonSchema,
      proposeBar: z.boolean().default(false).describe('propose barring the line (critical alerts about a line; another person approves)'),
    })
    .strict(),
  output: decidedSchema,
  handler: (ctx, { id, reason, proposeBar }) => decideAlert(ctx.store, ctx, { id, status: 'confirmed', reason, proposeBar }),
});

/** `alerts.dismiss`: the alert is not fraud (a false alert), with why. */
export const dismissAlert = defineOperation({
  name: 'alerts.dismiss',
  summary: 'Dismiss a fraud alert',
  effect: 'decide',
  roles: [...STAFF],
  input: z.object({ id: z.coerce.number().int().positive().describe('alert id'), reason: reasonSchema }).strict(),
  output: decidedSchema,
  handler: (ctx, { id, reason }) => decideAlert(ctx.store, ctx, { id, status: 'dismissed', reason }),
});

import { z } from 'zod';
import type { Requester } from '../../db/index.ts';
import { storedProposalSchema, type Actor as ApprovalActor } from '../../tools/approval/index.ts';
import type { OperationContext } from '../context.ts';

/** Why a change is asked for or decided, in the person's words (kept in the audit log). */
export const reasonSchema = z.string().trim().min(3).max(500).describe('why, in a few words');

/** What a proposing operation answers: the proposal, and whether it was already open for the same target. */
export const proposalCreatedSchema = z.object({ proposal: storedProposalSchema, existing: z.boolean() });

/**
 * Who asks, from the context only: a person signed in, an agent for the person it acts for (with
 * its name and thread), or a scheduled cycle.
 */
export function requesterOf(ctx: OperationContext): Requester {
  const { actor } = ctx;
  const kind = actor.kind === 'cycle' ? 'cycle' : actor.kind === 'agent' ? 'agent' : 'analyst';
  return { tenant: ctx.tenant, userId: actor.id, kind, ...(actor.agent ? { agent: actor.agent.name, threadId: actor.agent.threadId } : {}) };
}

/** The person deciding, as the four-eyes rules see them: the context's actor, never an input. */
export function approverOf(ctx: OperationContext): ApprovalActor {
  const { actor } = ctx;
  return { id: actor.id, tenant: ctx.tenant, roles: [...actor.roles], ...(actor.accountId ? { accountId: actor.accountId } : {}) };
}

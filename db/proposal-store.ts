import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import {
  evaluateDecision,
  requiredApprovalsFor,
  type Actor,
  type ApprovalResponse,
  proposalPayloadSchema,
  type KindAndPayload,
  type ProposalKind,
  type ProposalStatus,
  type RequesterKind,
  type StoredProposal,
} from '../tools/approval/index.ts';
import { describeIssues } from '../tools/schemas/index.ts';
import { BillingError } from '../tools/errors.ts';
import { approvalDecisions, proposals } from './agent-schema.ts';
import { appendAudit } from './audit-store.ts';
import { backedDecisionIds } from './decision-backing.ts';
import type { Store } from './open-database.ts';
import { getApprovalPolicy } from './approval-policy-store.ts';

export { getApprovalPolicy, setApprovalPolicy } from './approval-policy-store.ts';

/** A proposal as stored, with its decisions (typed by kind: tools/approval/stored-proposal.ts). */
export type { StoredProposal };

/** The decisions that count: those backed by their audit entry. */
export function countedDecisions(p: StoredProposal): StoredProposal['decisions'] {
  return p.decisions.filter((d) => d.verified);
}

/** What a tool asks to be proposed: everything computed, nothing decided; the payload is typed by kind. */
export type NewProposal<K extends ProposalKind = ProposalKind> = KindAndPayload<K> & {
  accountId: string;
  invoiceId?: number | null;
  currency: string;
  amount: string;
  summary: string;
  reason: string;
  /** What the proposal changes, so the same change is not queued twice while one is open. */
  targetKey: string;
};

/** Who is asking: identity and tenant from the authenticated run, never from a model. */
export interface Requester {
  tenant: string;
  userId: string;
  kind: RequesterKind;
  agent?: string | null;
  threadId?: string | null;
}

/**
 * A stored kind and payload, read through the discriminated union: a row whose payload does not
 * fit its kind is a defect (INTERNAL), never money read as whatever it happens to hold.
 */
function readPayload(r: typeof proposals.$inferSelect): KindAndPayload {
  let raw: unknown;
  try {
    raw = JSON.parse(r.payloadJson);
  } catch (err) {
    throw new BillingError('INTERNAL', `proposal ${r.id} has a payload that is not JSON`, undefined, { cause: err });
  }
  const parsed = proposalPayloadSchema.safeParse({ kind: r.kind, payload: raw });
  if (!parsed.success)
    throw new BillingError('INTERNAL', `proposal ${r.id} has a ${r.kind} payload that does not fit its kind: ${describeIssues(parsed.error.issues)}`, undefined, { cause: parsed.error });
  return parsed.data as KindAndPayload;
}

function toStored(store: Store, r: typeof proposals.$inferSelect): StoredProposal {
  const decisions = store.db.select().from(approvalDecisions).where(eq(approvalDecisions.proposalId, r.id)).orderBy(asc(approvalDecisions.id)).all();
  const backed = backedDecisionIds(store, r.tenant, r.id, decisions);
  const { kind, payload } = readPayload(r);
  // Built field by field in the order the proposal is shown; kind and payload were read together above.
  return {
    id: r.id,
    tenant: r.tenant,
    kind,
    status: r.status,
    accountId: r.accountId,
    invoiceId: r.invoiceId,
    currency: r.currency,
    amount: r.amount,
    summary: r.summary,
    payload,
    requestedBy: r.requestedBy,
    requesterKind: r.requesterKind,
    agent: r.agent,
    threadId: r.threadId,
    reason: r.reason,
    requiredApprovals: r.requiredApprovals,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    postedAt: r.postedAt,
    postingRef: r.postingRef,
    decisions: decisions.map((d) => ({
      id: d.id,
      decidedBy: d.decidedBy,
      decision: d.decision,
      editedAmount: d.editedAmount,
      reason: d.reason,
      decidedAt: d.decidedAt,
      verified: backed.has(d.id),
    })),
  } as StoredProposal;
}

/** The open (pending, approved or posted) proposal for a target, if there is one. */
export function openProposalFor(store: Store, tenant: string, targetKey: string): StoredProposal | null {
  const open = store.db
    .select()
    .from(proposals)
    .where(and(eq(proposals.targetKey, targetKey), eq(proposals.tenant, tenant), inArray(proposals.status, ['pending', 'approved', 'posted'])))
    .get();
  return open ? toStored(store, open) : null;
}

/**
 * Records a pending proposal (audited), or returns the open one for the same target: asking twice
 * for the same waiver never queues two credits.
 */
export function createProposal<K extends ProposalKind>(store: Store, who: Requester, p: NewProposal<K>): { proposal: StoredProposal<K>; existing: boolean } {
  return store.sqlite
    .transaction(() => {
      // Targets name tenant-owned ids (an invoice, an event, an account), so a key never spans tenants.
      const open = openProposalFor(store, who.tenant, p.targetKey);
      // Target keys start with their kind, so the open proposal of a target is of the kind asked for.
      if (open) return { proposal: open as StoredProposal<K>, existing: true };
      const required = requiredApprovalsFor(p.amount, getApprovalPolicy(store));
      const row = store.db
        .insert(proposals)
        .values({
          tenant: who.tenant,
          kind: p.kind,
          status: 'pending',
          accountId: p.accountId,
          invoiceId: p.invoiceId ?? null,
          currency: p.currency,
          amount: p.amount,
          summary: p.summary,
          payloadJson: JSON.stringify(p.payload),
          requestedBy: who.userId,
          requesterKind: who.kind,
          agent: who.agent ?? null,
          threadId: who.threadId ?? null,
          reason: p.reason,
          requiredApprovals: required,
          targetKey: p.targetKey,
          createdAt: new Date().toISOString(),
        })
        .returning()
        .get();
      appendAudit(store, {
        tenant: who.tenant,
        actor: who.userId,
        actorKind: who.kind,
        threadId: who.threadId,
        event: 'proposal',
        subject: `proposal:${row.id}`,
        detail: { kind: p.kind, amount: p.amount, currency: p.currency, summary: p.summary, agent: who.agent ?? null, requiredApprovals: required },
      });
      return { proposal: toStored(store, row) as StoredProposal<K>, existing: false };
      // IMMEDIATE: the open-target check and the audit chain's head are read under the write lock.
    })
    .immediate();
}

/** One proposal of the tenant; NOT_FOUND for another tenant's, so ids reveal nothing across tenants. */
export function getProposal(store: Store, tenant: string, id: number): StoredProposal {
  const r = store.db
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, id), eq(proposals.tenant, tenant)))
    .get();
  if (!r) throw new BillingError('NOT_FOUND', `no proposal ${id}`);
  return toStored(store, r);
}

/** The tenant's proposals, newest first, optionally of some statuses, one kind, one account or one invoice. */
export function listProposals(store: Store, tenant: string, filter: { status?: ProposalStatus[]; kind?: ProposalKind; accountId?: string; invoiceId?: number; limit?: number } = {}): StoredProposal[] {
  const where: SQL[] = [eq(proposals.tenant, tenant)];
  if (filter.kind !== undefined) where.push(eq(proposals.kind, filter.kind));
  if (filter.invoiceId !== undefined) where.push(eq(proposals.invoiceId, filter.invoiceId));
  if (filter.status?.length) where.push(inArray(proposals.status, filter.status));
  if (filter.accountId) where.push(eq(proposals.accountId, filter.accountId));
  return store.db
    .select()
    .from(proposals)
    .where(and(...where))
    .orderBy(desc(proposals.id))
    .limit(filter.limit ?? 100)
    .all()
    .map((r) => toStored(store, r));
}

/**
 * Applies one person's decision under the four-eyes rules in one write transaction; a refusal
 * (wrong role, the requester, twice, a raised amount) is audited and thrown, recording nothing else.
 */
export function recordDecision(store: Store, actor: Actor, id: number, response: ApprovalResponse, threadId?: string | null): StoredProposal {
  const run = store.sqlite.transaction(() => {
    const p = getProposal(store, actor.tenant, id);
    if (p.status === 'pending' && p.decisions.some((d) => !d.verified && d.decidedBy === actor.id)) {
      throw new BillingError(
        'CONFLICT',
        `a decision by ${actor.id} on proposal ${id} is recorded but has no audit entry (not made through Switchboard); it does not count, and \`switchboard audit verify\` reports it`,
      );
    }
    const outcome = evaluateDecision(p, countedDecisions(p), actor, response);
    const now = new Date().toISOString();
    const decision = store.db
      .insert(approvalDecisions)
      .values({ proposalId: id, decidedBy: actor.id, decision: response.decision, reason: response.reason, editedAmount: outcome.editedAmount, decidedAt: now })
      .returning({ id: approvalDecisions.id })
      .get();
    store.db
      .update(proposals)
      .set({ status: outcome.status, decidedAt: outcome.status === 'pending' ? null : now })
      .where(eq(proposals.id, id))
      .run();
    // decisionId and editedAmount bind the decision row to this hashed entry (see decision-backing.ts).
    appendAudit(store, {
      tenant: actor.tenant,
      actor: actor.id,
      actorKind: 'approver',
      threadId,
      event: 'decision',
      subject: `proposal:${id}`,
      detail: { ...response, decisionId: decision.id, editedAmount: outcome.editedAmount, status: outcome.status, amount: outcome.amount, approvals: outcome.approvals },
    });
    return getProposal(store, actor.tenant, id);
  });
  try {
    return run.immediate();
  } catch (err) {
    if (err instanceof BillingError && (err.code === 'FORBIDDEN' || err.code === 'CONFLICT' || err.code === 'INVALID_INPUT')) {
      appendAudit(store, {
        tenant: actor.tenant,
        actor: actor.id,
        actorKind: 'approver',
        threadId,
        event: 'refusal',
        subject: `proposal:${id}`,
        detail: { code: err.code, message: err.message, decision: response.decision },
      });
    }
    throw err;
  }
}

/** The amount posting applies: the last (counted) approver's lower amount, else the proposed one. */
export function effectiveAmount(p: StoredProposal): string {
  return [...countedDecisions(p)].reverse().find((d) => d.editedAmount !== null)?.editedAmount ?? p.amount;
}

/**
 * Throws CONFLICT unless the proposal's counted decisions (those in the audit log) approve it:
 * posting never trusts the status column alone, which a hand-made UPDATE could have set.
 */
export function checkQuorum(p: StoredProposal): void {
  const counted = countedDecisions(p);
  const approvals = counted.filter((d) => d.decision === 'approve').length;
  if (counted.some((d) => d.decision === 'reject') || approvals < p.requiredApprovals) {
    throw new BillingError(
      'CONFLICT',
      `proposal ${p.id} is marked ${p.status} but ${approvals} of the ${p.requiredApprovals} approvals it needs are in the audit log (and none may reject); it is not posted. Run \`switchboard audit verify\``,
    );
  }
}

/** Marks an approved proposal posted with what posting produced (inside the posting transaction). */
export function markProposalPosted(store: Store, id: number, ref: string): void {
  store.db.update(proposals).set({ status: 'posted', postedAt: new Date().toISOString(), postingRef: ref }).where(eq(proposals.id, id)).run();
}

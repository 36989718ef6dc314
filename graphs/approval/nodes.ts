import { END, interrupt } from '@langchain/langgraph';
import { postProposal } from '../../app/proposals/post-proposal.ts';
import { countedDecisions, getProposal, recordDecision, type Store } from '../../db/index.ts';
import type { Actor } from '../../tools/approval/index.ts';
import { BillingError, toBillingError } from '../../tools/errors.ts';
import { approvalResumeSchema, type ApprovalStateType } from './state.ts';

/** What the approval nodes need: the database and who is running this step (from the authenticated context). */
export interface ApprovalDeps {
  store: Store;
  tenant: string;
  /** The person resuming the thread; absent when the thread is only being opened. */
  actor?: Actor;
  today?: string;
}

/**
 * Waits for a person's decision. It re-runs from the top on every resume, so it only reads before
 * interrupt(); the decision is recorded after, under the four-eyes rules, and a refusal leaves the
 * proposal untouched and waits again.
 */
export function awaitDecision(deps: ApprovalDeps) {
  return (state: ApprovalStateType): Partial<ApprovalStateType> => {
    const p = getProposal(deps.store, deps.tenant, state.proposalId);
    if (p.status !== 'pending') return { status: p.status };
    const raw = interrupt({
      proposalId: p.id,
      kind: p.kind,
      summary: p.summary,
      accountId: p.accountId,
      amount: p.amount,
      currency: p.currency,
      requestedBy: p.requestedBy,
      requiredApprovals: p.requiredApprovals,
      approvals: countedDecisions(p)
        .filter((d) => d.decision === 'approve')
        .map((d) => d.decidedBy),
    });
    const parsed = approvalResumeSchema.safeParse(raw);
    if (!parsed.success) {
      const requestId = typeof (raw as { requestId?: unknown })?.requestId === 'string' ? (raw as { requestId: string }).requestId : 'unknown';
      return { refusal: { requestId, code: 'INVALID_INPUT', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }, lastRequestId: requestId };
    }
    const { requestId, response } = parsed.data;
    try {
      if (!deps.actor) throw new BillingError('UNAUTHORIZED', 'a decision needs an authenticated approver');
      const after = recordDecision(deps.store, deps.actor, p.id, response, `approval-${p.id}`);
      return { status: after.status, refusal: null, lastRequestId: requestId };
    } catch (err) {
      const e = toBillingError(err);
      if (e.code === 'INTERNAL') throw err;
      return { refusal: { requestId, code: e.code, message: e.message }, lastRequestId: requestId };
    }
  };
}

/** Posts an approved proposal; idempotent by proposal id, so re-running after a crash posts nothing twice. */
export function postApproved(deps: ApprovalDeps) {
  return (state: ApprovalStateType): Partial<ApprovalStateType> => {
    const r = postProposal(deps.store, deps.tenant, state.proposalId, { today: deps.today });
    return { status: 'posted', postingRef: r.ref };
  };
}

/** After a decision: wait again while pending, post once approved, stop when rejected or done. */
export function routeAfterDecision(state: ApprovalStateType): 'await_decision' | 'post' | typeof END {
  if (state.status === 'pending') return 'await_decision';
  if (state.status === 'approved') return 'post';
  return END;
}

import { BillingError } from '../errors.ts';
import { dec, minorUnits } from '../money/index.ts';
import { EDITABLE_KINDS, type Actor, type ApprovalPolicy, type ApprovalResponse, type ProposalForDecision, type RecordedDecision } from './approval.types.ts';

/** What recording a decision does to a proposal. */
export interface DecisionOutcome {
  status: 'pending' | 'approved' | 'rejected';
  /** The amount posting will use: the last approver's lower amount, else the proposed one. */
  amount: string;
  approvals: number;
  editedAmount: string | null;
}

/** How many distinct approvers a proposal of this amount needs under the policy. */
export function requiredApprovalsFor(amount: string, policy: ApprovalPolicy): number {
  return dec(amount).greaterThan(dec(policy.secondApproverAbove)) ? 2 : 1;
}

/**
 * The four-eyes rules, applied before anything is recorded: only an approver of the proposal's
 * tenant may decide, never the person who asked, each person once, and an edit may only lower an
 * editable amount. Throws FORBIDDEN or CONFLICT with the rule broken; returns the new state otherwise.
 */
export function evaluateDecision(proposal: ProposalForDecision, decisions: RecordedDecision[], actor: Actor, response: ApprovalResponse): DecisionOutcome {
  if (actor.tenant !== proposal.tenant) throw new BillingError('NOT_FOUND', `no proposal ${proposal.id}`);
  if (proposal.status !== 'pending') throw new BillingError('CONFLICT', `proposal ${proposal.id} is ${proposal.status}; only a pending proposal can be decided`);
  if (!actor.roles.includes('approver')) throw new BillingError('FORBIDDEN', `${actor.id} does not hold the approver role`);
  if (actor.id === proposal.requestedBy) throw new BillingError('FORBIDDEN', `four eyes: ${actor.id} asked for proposal ${proposal.id} and cannot approve or reject it`);
  if (decisions.some((d) => d.decidedBy === actor.id)) throw new BillingError('CONFLICT', `${actor.id} already decided on proposal ${proposal.id}; a second approval must come from another person`);
  const current = [...decisions].reverse().find((d) => d.editedAmount !== null)?.editedAmount ?? proposal.amount;
  let editedAmount: string | null = null;
  if (response.amount !== undefined && !dec(response.amount).equals(dec(current))) {
    if (response.decision !== 'approve') throw new BillingError('INVALID_INPUT', 'an amount can only be given with an approval');
    if (!EDITABLE_KINDS.has(proposal.kind)) throw new BillingError('INVALID_INPUT', `the amount of a ${proposal.kind} proposal cannot be edited; reject it instead`);
    const edited = dec(response.amount);
    if (edited.decimalPlaces() > minorUnits(proposal.currency)) throw new BillingError('INVALID_INPUT', `${response.amount} is not an amount in ${proposal.currency}`);
    if (edited.lessThanOrEqualTo(0) || edited.greaterThan(dec(current))) {
      throw new BillingError('INVALID_INPUT', `an approver may only lower the amount: between 0 and ${current} ${proposal.currency}, not ${response.amount}`);
    }
    editedAmount = edited.toFixed(minorUnits(proposal.currency));
  }
  if (response.decision === 'reject') return { status: 'rejected', amount: current, approvals: decisions.length, editedAmount: null };
  const approvals = decisions.filter((d) => d.decision === 'approve').length + 1;
  return { status: approvals >= proposal.requiredApprovals ? 'approved' : 'pending', amount: editedAmount ?? current, approvals, editedAmount };
}

import { z } from 'zod';

const decimalString = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal number such as "12.50"');

/**
 * Roles a user can hold: analysts ask, approvers decide, admins manage users, tariffs, catalog and
 * settings; a customer sees their own account only (the portal) and holds no other role.
 */
export const roleSchema = z.enum(['analyst', 'approver', 'admin', 'customer']);
export type Role = z.infer<typeof roleSchema>;

/**
 * The kinds of change an agent or analyst may propose; none takes effect before approval. The two
 * customer cases (a dispute, a callback request) are raised by a customer in the portal chat: they
 * move no money (amount 0) and approving one records that the billing team handled it. Barring a
 * line (`bar_line`) is proposed when a person confirms a critical fraud alert (docs/fraud.md).
 * Matching an unmatched payment (`match_payment`, what the collections agent proposes) and writing
 * off the rest of an invoice (`write_off`) allocate money (docs/payments.md). A `refund` pays an
 * account's credit balance (or part of it) out to an IBAN (docs/payment-fraud.md).
 */
export const PROPOSAL_KINDS = [
  'fee_waiver',
  'credit',
  'release_hold',
  'void_invoice',
  'rerate',
  'recategorise',
  'payment_plan',
  'dunning_step',
  'customer_dispute',
  'callback_request',
  'bar_line',
  'match_payment',
  'write_off',
  'refund',
  'adopt_tax_pack',
] as const;

/** Kinds a customer raises for analysts to handle: no money effect of their own. */
export const CUSTOMER_CASE_KINDS: ReadonlySet<ProposalKind> = new Set(['customer_dispute', 'callback_request']);
export const proposalKindSchema = z.enum(PROPOSAL_KINDS);
export type ProposalKind = z.infer<typeof proposalKindSchema>;

export const PROPOSAL_STATUSES = ['pending', 'approved', 'rejected', 'posted'] as const;
export const proposalStatusSchema = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

/** Who asked for a proposal: a person, an agent for a person, or a scheduled cycle. */
export const REQUESTER_KINDS = ['analyst', 'agent', 'cycle'] as const;
export const requesterKindSchema = z.enum(REQUESTER_KINDS);
export type RequesterKind = z.infer<typeof requesterKindSchema>;

/** What a person decides on a proposal. */
export const DECISIONS = ['approve', 'reject'] as const;
export const decisionSchema = z.enum(DECISIONS);

/** Kinds whose amount an approver may lower (a partial waiver, credit or refund); others are all or nothing. */
export const EDITABLE_KINDS: ReadonlySet<ProposalKind> = new Set(['fee_waiver', 'credit', 'refund']);

/** The operator's four-eyes policy (operator setting `approvals`). */
export const approvalPolicySchema = z
  .object({
    /** Above this amount (in the proposal's currency) a second, different approver is needed. */
    secondApproverAbove: decimalString.default('100.00'),
  })
  .strict();
export type ApprovalPolicy = z.infer<typeof approvalPolicySchema>;

/**
 * What a person answers at an approval interrupt. Identity is not part of it: the approver is the
 * authenticated user of the run that resumes the approval, never a field someone can type.
 */
export const approvalResponseSchema = z
  .object({
    decision: decisionSchema,
    reason: z.string().trim().min(3, 'say why, in a few words').max(500),
    /** A lower amount than proposed (approve only, editable kinds only). */
    amount: decimalString.optional(),
  })
  .strict();
export type ApprovalResponse = z.infer<typeof approvalResponseSchema>;

/** A user as the approval rules see it. */
export interface Actor {
  id: string;
  tenant: string;
  roles: Role[];
  /** A customer user's own account; absent for operator staff. */
  accountId?: string;
}

/** A proposal as the approval rules see it. */
export interface ProposalForDecision {
  id: number;
  tenant: string;
  kind: ProposalKind;
  status: ProposalStatus;
  requestedBy: string;
  currency: string;
  amount: string;
  requiredApprovals: number;
}

/** A decision already recorded on a proposal. */
export interface RecordedDecision {
  decidedBy: string;
  decision: 'approve' | 'reject';
  editedAmount: string | null;
}

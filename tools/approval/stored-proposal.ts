import { z } from 'zod';
import { decimalStringSchema } from '../schemas/index.ts';
import { decisionSchema, proposalKindSchema, proposalStatusSchema, requesterKindSchema, type ProposalKind, type ProposalStatus, type RequesterKind } from './approval.types.ts';
import { proposalPayloadSchemas, type KindAndPayload } from './proposal-payload.ts';

/** One person's decision on a proposal as read back; `verified` is false for a row without its audit entry. */
export const storedDecisionSchema = z.object({
  id: z.number().int(),
  decidedBy: z.string(),
  decision: decisionSchema,
  editedAmount: decimalStringSchema.nullable(),
  reason: z.string(),
  decidedAt: z.string(),
  verified: z.boolean(),
});
export type StoredDecision = z.infer<typeof storedDecisionSchema>;

/** The fields every proposal has, in the order they are shown; kind and payload are narrowed per kind below. */
const baseShape = {
  id: z.number().int(),
  tenant: z.string(),
  kind: proposalKindSchema,
  status: proposalStatusSchema,
  accountId: z.string(),
  invoiceId: z.number().int().nullable(),
  currency: z.string(),
  amount: decimalStringSchema,
  summary: z.string(),
  payload: z.unknown(),
  requestedBy: z.string(),
  requesterKind: requesterKindSchema,
  agent: z.string().nullable(),
  threadId: z.string().nullable(),
  reason: z.string(),
  requiredApprovals: z.number().int(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  postedAt: z.string().nullable(),
  postingRef: z.string().nullable(),
  decisions: z.array(storedDecisionSchema),
};

// Overriding kind and payload in place keeps their position in the shape (and so in the output).
const storedVariant = <K extends ProposalKind>(kind: K) => z.object({ ...baseShape, kind: z.literal(kind), payload: proposalPayloadSchemas[kind] });

/** A proposal as read back, with its decisions: discriminated by kind, so its payload is typed. */
export const storedProposalSchema = z.discriminatedUnion('kind', [
  storedVariant('fee_waiver'),
  storedVariant('credit'),
  storedVariant('release_hold'),
  storedVariant('void_invoice'),
  storedVariant('rerate'),
  storedVariant('recategorise'),
  storedVariant('payment_plan'),
  storedVariant('dunning_step'),
  storedVariant('customer_dispute'),
  storedVariant('callback_request'),
  storedVariant('bar_line'),
  storedVariant('match_payment'),
  storedVariant('write_off'),
  storedVariant('refund'),
  storedVariant('adopt_tax_pack'),
]);

/** The fields of a stored proposal other than its kind and payload. */
export interface StoredProposalBase {
  id: number;
  tenant: string;
  status: ProposalStatus;
  accountId: string;
  invoiceId: number | null;
  currency: string;
  amount: string;
  summary: string;
  requestedBy: string;
  requesterKind: RequesterKind;
  agent: string | null;
  threadId: string | null;
  reason: string;
  requiredApprovals: number;
  createdAt: string;
  decidedAt: string | null;
  postedAt: string | null;
  postingRef: string | null;
  /**
   * Every decision row, in order. `verified` is false for a row without its audit entry (inserted
   * by hand): it is shown but never counted.
   */
  decisions: StoredDecision[];
}

/** A proposal as stored (of one kind, or any), with its decisions. */
export type StoredProposal<K extends ProposalKind = ProposalKind> = StoredProposalBase & KindAndPayload<K>;

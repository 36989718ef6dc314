import type { StoredProposal, Store, UserRecord } from '../db/index.ts';
import type { ApprovalResponse } from '../tools/approval/index.ts';

/** The agents a supervisor can hand work to. */
export const AGENT_NAMES = ['categoriser', 'rater', 'auditor', 'compliance', 'collections'] as const;
export type AgentName = (typeof AGENT_NAMES)[number];

/**
 * Who is acting and where, fixed by the authenticated caller before a run starts. Tools read
 * identity and tenant only from here: no tool schema has a user, role or tenant field, so
 * nothing a model writes can change who it acts as.
 */
export interface AgentContext {
  store: Store;
  user: UserRecord;
  threadId: string;
  /** Today in the operator's calendar (ageing, dunning, issue dates). */
  today: string;
  /** The analyst's own words this turn: a decision taken in chat must be stated there, not inferred. */
  utterance: string;
  /** Who started the run: an analyst in chat, a scheduled cycle or an eval. */
  requesterKind: 'analyst' | 'cycle';
  /** Called after a proposal is created (opens its approval thread). */
  onProposal?: (proposalId: number) => Promise<void>;
  /** Resumes a proposal's approval with this user's decision (the approval graph); absent where decisions are not taken. */
  decide?: (proposalId: number, response: ApprovalResponse) => Promise<StoredProposal>;
}

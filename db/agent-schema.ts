import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DECISIONS, PROPOSAL_KINDS, PROPOSAL_STATUSES, REQUESTER_KINDS } from '../tools/approval/approval.types.ts';

/** People who use Switchboard: each belongs to one tenant and holds roles (analyst, approver, admin, customer). */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  tenant: text('tenant').notNull(),
  name: text('name').notNull(),
  /** Comma-separated roles, from the closed set in tools/approval. */
  roles: text('roles').notNull(),
  /** For a customer user (the portal): the one account they may see; null for operator staff. */
  accountId: text('account_id'),
  createdAt: text('created_at').notNull(),
});

/**
 * What an agent or an analyst asked to change: amounts are what the tools computed (payload), never
 * text from a model. A proposal never moves money by itself; posting it is a separate, idempotent
 * step keyed by its id, taken only once enough people approved.
 */
export const proposals = sqliteTable(
  'proposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenant: text('tenant').notNull(),
    kind: text('kind', { enum: PROPOSAL_KINDS }).notNull(),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull(),
    accountId: text('account_id').notNull(),
    invoiceId: integer('invoice_id'),
    currency: text('currency').notNull(),
    /** The money the proposal moves as the tools computed it (absolute, decimal string); "0" for state-only changes. */
    amount: text('amount').notNull(),
    summary: text('summary').notNull(),
    /** What the tools computed and what posting will apply, JSON (shape by kind). */
    payloadJson: text('payload_json').notNull(),
    requestedBy: text('requested_by').notNull(),
    requesterKind: text('requester_kind', { enum: REQUESTER_KINDS }).notNull(),
    agent: text('agent'),
    threadId: text('thread_id'),
    reason: text('reason').notNull(),
    requiredApprovals: integer('required_approvals').notNull(),
    /** One open proposal per target (e.g. waive:invoice:line) so asking twice does not queue two credits. */
    targetKey: text('target_key').notNull(),
    createdAt: text('created_at').notNull(),
    decidedAt: text('decided_at'),
    postedAt: text('posted_at'),
    /** What posting produced (a credit note number, a payment plan id...). */
    postingRef: text('posting_ref'),
  },
  (t) => [index('proposals_status').on(t.tenant, t.status), uniqueIndex('proposals_open_target').on(t.targetKey).where(sql`${t.status} in ('pending', 'approved', 'posted')`)],
);

/** Each person's decision on a proposal: one per person, so nobody counts twice. */
export const approvalDecisions = sqliteTable(
  'approval_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    proposalId: integer('proposal_id').notNull(),
    decidedBy: text('decided_by').notNull(),
    decision: text('decision', { enum: DECISIONS }).notNull(),
    reason: text('reason').notNull(),
    /** An approver may lower the amount within the policy's limits; null when unchanged. */
    editedAmount: text('edited_amount'),
    decidedAt: text('decided_at').notNull(),
  },
  (t) => [uniqueIndex('approval_decisions_one_per_person').on(t.proposalId, t.decidedBy)],
);

/**
 * Append-only record of every tool call, proposal, decision and posting (triggers refuse UPDATE,
 * DELETE and any INSERT that would replace a row). Each tenant's rows form a hash chain: `hash` is
 * SHA-256 over the row's content and `prev_hash`, the hash of the tenant's previous row.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    tenant: text('tenant').notNull(),
    actor: text('actor').notNull(),
    actorKind: text('actor_kind').notNull(), // analyst | agent | cycle | approver
    threadId: text('thread_id'),
    event: text('event').notNull(), // tool_call | tool_error | proposal | decision | posting | refusal
    subject: text('subject').notNull(),
    detailJson: text('detail_json').notNull(),
    /** The hash of the tenant's previous row; null for the first row of a tenant's chain. */
    prevHash: text('prev_hash'),
    /** SHA-256 (hex) of the canonical content and prev_hash; 'legacy' for rows written before the chain. */
    hash: text('hash'),
  },
  (t) => [index('audit_log_thread').on(t.threadId), index('audit_log_subject').on(t.subject), index('audit_log_tenant_chain').on(t.tenant, t.id)],
);

/** Payment plans agreed through an approved proposal (one per proposal). */
export const paymentPlans = sqliteTable(
  'payment_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    proposalId: integer('proposal_id').notNull(),
    accountId: text('account_id').notNull(),
    currency: text('currency').notNull(),
    total: text('total').notNull(),
    instalmentsJson: text('instalments_json').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('payment_plans_proposal').on(t.proposalId)],
);

/** Dunning steps taken on an account (reminders directly; state-changing steps through a proposal). */
export const dunningActions = sqliteTable(
  'dunning_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: text('account_id').notNull(),
    /** The oldest overdue invoice the step is about: a new delinquency starts the ladder again. */
    invoiceId: integer('invoice_id').notNull(),
    step: text('step').notNull(),
    proposalId: integer('proposal_id'),
    detailJson: text('detail_json').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('dunning_actions_step').on(t.invoiceId, t.step)],
);

/** Who a conversation belongs to: a thread is continued only by its own tenant. */
export const chatThreads = sqliteTable('chat_threads', {
  id: text('id').primaryKey(),
  tenant: text('tenant').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  lastUsedAt: text('last_used_at').notNull(),
  /** The first message, cut to a line, to tell threads apart in listings (people's words: escaped where shown). */
  title: text('title'),
});

import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Where a promise to pay stands (tools/collections followUpPromise). */
export const PROMISE_STATUSES = ['open', 'kept', 'broken'] as const;

/**
 * Promises to pay (docs/collections.md): who promised what by when, who recorded it. While one is
 * open the account's dunning ladder pauses; the daily collections run closes it as kept (paid in
 * full by its date) or broken (the ladder resumes and the broken promise is reported).
 */
export const paymentPromises = sqliteTable(
  'payment_promises',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenant: text('tenant').notNull(),
    accountId: text('account_id').notNull(),
    amount: text('amount').notNull(),
    currency: text('currency').notNull(),
    /** The day the customer promised to have paid by (YYYY-MM-DD). */
    promisedFor: text('promised_for').notNull(),
    /** The day it was recorded: payments from this day on count toward it. */
    recordedOn: text('recorded_on').notNull(),
    /** The user who recorded it (from the context, never from input). */
    recordedBy: text('recorded_by').notNull(),
    note: text('note'),
    status: text('status', { enum: PROMISE_STATUSES }).notNull(),
    /** The day the follow-up found it kept or broken. */
    closedOn: text('closed_on'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('payment_promises_account').on(t.tenant, t.accountId, t.status)],
);

/** What a restriction does to an account's lines: outgoing calls only, or everything (barred). */
export const RESTRICTION_LEVELS = ['outgoing', 'barred'] as const;

/** Dunning restrictions and bars put on an account by an approved proposal, once per proposal. */
export const accountRestrictions = sqliteTable(
  'account_restrictions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenant: text('tenant').notNull(),
    accountId: text('account_id').notNull(),
    level: text('level', { enum: RESTRICTION_LEVELS }).notNull(),
    proposalId: integer('proposal_id').notNull(),
    /** The lines (MSISDNs) it applies to, as JSON array of strings. */
    linesJson: text('lines_json').notNull(),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('account_restrictions_proposal').on(t.proposalId), index('account_restrictions_account').on(t.tenant, t.accountId)],
);

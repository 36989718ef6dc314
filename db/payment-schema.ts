import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ALLOCATION_KINDS, CREDIT_REASONS, MATCH_METHODS, PAYMENT_KINDS, PAYMENT_SOURCES, PAYMENT_STATES } from '../tools/payments/payment.types.ts';

/**
 * Payments in (docs/payments.md). One `payments` row per entry read (a camt.053/054 transaction,
 * a CSV row, a person's record), whatever became of it: a duplicate is stored too, pointing at
 * the entry it repeats, so every input's fate can be shown and the counts reconcile.
 */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenant: text('tenant').notNull(),
    source: text('source', { enum: PAYMENT_SOURCES }).notNull(),
    /** The import (statement file) it was read from; null for a person's record. */
    importId: integer('import_id'),
    /** Which entry of the import (1-based), for "line 7 of statement X". */
    entryNo: integer('entry_no'),
    /** The entry's identity at its bank or processor (AcctSvcrRef / end-to-end id / processor id): what makes a duplicate. */
    entryKey: text('entry_key').notNull(),
    kind: text('kind', { enum: PAYMENT_KINDS }).notNull(),
    state: text('state', { enum: PAYMENT_STATES }).notNull(),
    /** Booking date (YYYY-MM-DD): the date the money moved, from which days late are counted. */
    bookingDate: text('booking_date').notNull(),
    valueDate: text('value_date'),
    /** Always positive; `kind` says which way it moved. */
    amount: text('amount').notNull(),
    currency: text('currency').notNull(),
    payerName: text('payer_name'),
    payerIban: text('payer_iban'),
    /** Card fingerprint or processor customer token (CSV), for payment-fraud checks. */
    payerToken: text('payer_token'),
    /** Structured creditor reference (ISO 11649 RF...) as received. */
    creditorReference: text('creditor_reference'),
    /** Unstructured remittance text as received: data, never instructions. */
    remittance: text('remittance'),
    endToEndId: text('end_to_end_id'),
    /** The account it was matched to (null while unmatched). */
    accountId: text('account_id'),
    matchMethod: text('match_method', { enum: MATCH_METHODS }),
    /** Who matched it by hand (a user id), or null when matching did. */
    matchedBy: text('matched_by'),
    matchedAt: text('matched_at'),
    /** What of the amount is not allocated to any invoice (on a matched payment it became account credit). */
    unallocated: text('unallocated').notNull(),
    /** A return/reversal/chargeback: the payment it sends back, and the bank's reason code (AC04, MD06...). */
    returnOf: integer('return_of'),
    returnReason: text('return_reason'),
    /** A payment sent back by a later entry. */
    returnedBy: integer('returned_by'),
    /** A duplicate: the entry it repeats. */
    duplicateOf: integer('duplicate_of'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('payments_entry_key').on(t.tenant, t.entryKey).where(sql`${t.state} <> 'duplicate'`),
    index('payments_state').on(t.tenant, t.state),
    index('payments_account').on(t.tenant, t.accountId),
    index('payments_import').on(t.importId),
  ],
);

/**
 * What settles each invoice, append-only: the sum of an invoice's allocations is what has been
 * paid on it (a return adds a negative allocation, so nothing is ever edited away).
 */
export const paymentAllocations = sqliteTable(
  'payment_allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenant: text('tenant').notNull(),
    kind: text('kind', { enum: ALLOCATION_KINDS }).notNull(),
    /** The payment (or return entry) behind it; null for credit applied and write-offs. */
    paymentId: integer('payment_id'),
    invoiceId: integer('invoice_id').notNull(),
    accountId: text('account_id').notNull(),
    /** Positive settles, negative reopens (a return). */
    amount: text('amount').notNull(),
    currency: text('currency').notNull(),
    /** The economic date (the payment's booking date), YYYY-MM-DD. */
    date: text('date').notNull(),
    /** The approved proposal behind a write-off. */
    proposalId: integer('proposal_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('payment_allocations_invoice').on(t.invoiceId), index('payment_allocations_payment').on(t.paymentId), index('payment_allocations_account').on(t.tenant, t.accountId)],
);

/** An account's credit balance as a ledger (signed amounts; the balance is their sum), append-only. */
export const accountCredits = sqliteTable(
  'account_credits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenant: text('tenant').notNull(),
    accountId: text('account_id').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason', { enum: CREDIT_REASONS }).notNull(),
    amount: text('amount').notNull(),
    paymentId: integer('payment_id'),
    invoiceId: integer('invoice_id'),
    proposalId: integer('proposal_id'),
    date: text('date').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('account_credits_account').on(t.tenant, t.accountId)],
);

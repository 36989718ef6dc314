import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { INVOICE_KINDS, INVOICE_STATUSES } from '../tools/invoice/invoice.types.ts';

// Billing tables: catalog, customers, accounts, subscriptions, invoices and the allowance ledger.
// Money is TEXT (decimal strings); documents are JSON text; dates are ISO strings. Portable types only.

/** Every imported catalog version; identical content is recognised by hash. */
export const catalogVersions = sqliteTable(
  'catalog_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    contentHash: text('content_hash').notNull(),
    catalogJson: text('catalog_json').notNull(),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [uniqueIndex('catalog_versions_name_version').on(t.name, t.version), uniqueIndex('catalog_versions_name_hash').on(t.name, t.contentHash)],
);

export const customers = sqliteTable('customers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  segment: text('segment').notNull(),
  customerJson: text('customer_json').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    /** The operator (tenant) the account belongs to: agent tools see only their user's tenant. */
    tenant: text('tenant').notNull().default('switchboard.local'),
    customerId: text('customer_id').notNull(),
    billingCycleDay: integer('billing_cycle_day').notNull(),
    currency: text('currency').notNull(),
    accountJson: text('account_json').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('accounts_customer').on(t.customerId)],
);

export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    msisdn: text('msisdn').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    subscriptionJson: text('subscription_json').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('subscriptions_account').on(t.accountId), index('subscriptions_msisdn').on(t.msisdn)],
);

/**
 * Invoices, credit and debit notes. One invoice per account and period (a partial unique index),
 * numbers unique per series and assigned only on issue, so numbering stays gapless.
 */
export const invoices = sqliteTable(
  'invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: text('account_id').notNull(),
    period: text('period').notNull(),
    kind: text('kind', { enum: INVOICE_KINDS }).notNull(),
    series: text('series').notNull(),
    number: text('number'),
    status: text('status', { enum: INVOICE_STATUSES }).notNull(),
    currency: text('currency').notNull(),
    total: text('total').notNull(),
    documentJson: text('document_json').notNull(),
    correctsInvoiceId: integer('corrects_invoice_id'),
    /** What produced a note: the re-rate run's key, so the same correction is never issued twice. */
    correctionKey: text('correction_key'),
    createdAt: text('created_at').notNull(),
    issuedAt: text('issued_at'),
  },
  (t) => [
    uniqueIndex('invoices_one_per_period').on(t.accountId, t.period).where(sql`${t.kind} = 'invoice'`),
    uniqueIndex('invoices_series_number').on(t.series, t.number),
    // Invoices are looked up by number alone (pages, agents, the audit): without this, a full scan of every document.
    index('invoices_number').on(t.number),
    uniqueIndex('invoices_correction_key').on(t.correctionKey),
    index('invoices_status').on(t.status),
  ],
);

/** The next number of each invoice series, advanced in the transaction that issues an invoice. */
export const invoiceSeries = sqliteTable('invoice_series', {
  series: text('series').primaryKey(),
  nextNumber: integer('next_number').notNull(),
});

/** What each allowance of each line did in each billed period, and the units it carries on. */
export const allowanceLedger = sqliteTable(
  'allowance_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id').notNull(),
    subscriptionId: text('subscription_id').notNull(),
    period: text('period').notNull(),
    allowanceId: text('allowance_id').notNull(),
    service: text('service').notNull(),
    granted: integer('granted').notNull(),
    carriedIn: integer('carried_in').notNull(),
    used: integer('used').notNull(),
    carriedOut: integer('carried_out').notNull(),
    /** The carries this period hands on, JSON [{units, validThrough}]. */
    carriesJson: text('carries_json').notNull(),
  },
  (t) => [uniqueIndex('allowance_ledger_line_period').on(t.subscriptionId, t.period, t.allowanceId)],
);

/** Every change re-rating made to an event's price: the per-event difference behind a correction note. */
export const rerateLog = sqliteTable(
  'rerate_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: text('run_id').notNull(),
    eventId: integer('event_id').notNull(),
    accountId: text('account_id').notNull(),
    period: text('period').notNull(),
    oldStatus: text('old_status').notNull(),
    newStatus: text('new_status').notNull(),
    oldCost: text('old_cost'),
    newCost: text('new_cost'),
    oldTariffVersionId: integer('old_tariff_version_id'),
    newTariffVersionId: integer('new_tariff_version_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('rerate_log_event').on(t.eventId), index('rerate_log_run').on(t.runId)],
);

/**
 * Notes analysts write on an account (what was agreed on a call, why a bill was held). Append-only:
 * a note is never edited or deleted (the migration's triggers refuse it), a correction is a new note.
 * The author is the signed-in user, never a form field.
 */
export const accountNotes = sqliteTable(
  'account_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenant: text('tenant').notNull(),
    accountId: text('account_id').notNull(),
    /** The user id of who wrote it. */
    author: text('author').notNull(),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('account_notes_account').on(t.tenant, t.accountId, t.id)],
);

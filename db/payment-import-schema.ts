import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { PAYMENT_SOURCES } from '../tools/payments/payment.types.ts';

/** The statements a file held (camt Stmt/Ntfctn ids), with how many entries each gave and how many were pending. */
export type ImportedStatement = { id: string; account: string | null; entries: number; pending: number };

/**
 * One payments file imported (migration 0018): what it was, who imported it and what became of
 * its entries. Every import is kept, a repeated file too (its entries are then all duplicates), so
 * the counts of each import reconcile: read = matched + partly_matched + unmatched + duplicate + returned.
 */
export const paymentImports = sqliteTable(
  'payment_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenant: text('tenant').notNull(),
    format: text('format', { enum: PAYMENT_SOURCES }).notNull(),
    /** SHA-256 of the file's text: the same file imported again is recognised by it. */
    contentHash: text('content_hash').notNull(),
    fileName: text('file_name'),
    statements: text('statements', { mode: 'json' }).$type<ImportedStatement[]>().notNull(),
    /** The import this file repeats byte for byte, if any. */
    repeatOf: integer('repeat_of'),
    read: integer('read').notNull(),
    matched: integer('matched').notNull(),
    partlyMatched: integer('partly_matched').notNull(),
    unmatched: integer('unmatched').notNull(),
    duplicate: integer('duplicate').notNull(),
    returned: integer('returned').notNull(),
    importedBy: text('imported_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('payment_imports_hash').on(t.tenant, t.contentHash)],
);

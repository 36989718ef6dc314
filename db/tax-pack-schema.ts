import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Where an imported pack version stands: imported (waiting; a rejected adoption leaves it so), adopted (bills use it), or superseded by a later adoption. */
export const TAX_PACK_VERSION_STATUSES = ['imported', 'adopted', 'superseded'] as const;
export type TaxPackVersionStatus = (typeof TAX_PACK_VERSION_STATUSES)[number];

/**
 * Imported versions of the tax and regulatory packs (docs/taxes.md, "Rule updates"), operator-wide
 * like the billing settings. A pack with no adopted version bills with its built-in file; adopting a
 * version (an approved `adopt_tax_pack` proposal) makes it the one bills use, and the one it
 * replaces `superseded`. Rows are never edited but for their status.
 */
export const taxPackVersions = sqliteTable(
  'tax_pack_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    packId: text('pack_id').notNull(),
    version: text('version').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    status: text('status', { enum: TAX_PACK_VERSION_STATUSES }).notNull(),
    summary: text('summary').notNull(),
    /** The whole update file as imported (taxPackUpdateSchema), JSON. */
    updateJson: text('update_json').notNull(),
    contentHash: text('content_hash').notNull(),
    importedBy: text('imported_by').notNull(),
    importedAt: text('imported_at').notNull(),
    proposalId: integer('proposal_id'),
    adoptedAt: text('adopted_at'),
  },
  (t) => [
    uniqueIndex('tax_pack_versions_version').on(t.packId, t.version),
    // One version in force per pack, held by the database, not only by adoptTaxPackVersion.
    uniqueIndex('tax_pack_versions_adopted').on(t.packId).where(sql`${t.status} = 'adopted'`),
    index('tax_pack_versions_status').on(t.packId, t.status),
  ],
);

import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { catalogSchema, type Catalog } from '../tools/catalog/index.ts';
import { BillingError } from '../tools/errors.ts';
import { catalogVersions } from './billing-schema.ts';
import type { Store } from './open-database.ts';

/** What a catalog import did: a new version, or the existing one with identical content. */
export interface SavedCatalog {
  id: number;
  name: string;
  version: number;
  created: boolean;
}

/** Stores a catalog as a new version of its name; identical content is recognised and not stored again. */
export function saveCatalogVersion(store: Store, catalog: Catalog): SavedCatalog {
  const json = JSON.stringify(catalog);
  const hash = createHash('sha256').update(json).digest('hex');
  return store.sqlite.transaction(() => {
    const same = store.db
      .select()
      .from(catalogVersions)
      .where(and(eq(catalogVersions.name, catalog.id), eq(catalogVersions.contentHash, hash)))
      .get();
    if (same) return { id: same.id, name: catalog.id, version: same.version, created: false };
    const latest = store.db.select({ version: catalogVersions.version }).from(catalogVersions).where(eq(catalogVersions.name, catalog.id)).orderBy(desc(catalogVersions.version)).get();
    const version = (latest?.version ?? 0) + 1;
    const row = store.db
      .insert(catalogVersions)
      .values({ name: catalog.id, version, effectiveFrom: catalog.effectiveFrom, contentHash: hash, catalogJson: json, importedAt: new Date().toISOString() })
      .returning({ id: catalogVersions.id })
      .get();
    return { id: row.id, name: catalog.id, version, created: true };
  })();
}

/** Every stored catalog version, oldest first. */
export function listCatalogVersions(store: Store): Array<{ id: number; name: string; version: number; effectiveFrom: string; importedAt: string }> {
  return store.db
    .select({ id: catalogVersions.id, name: catalogVersions.name, version: catalogVersions.version, effectiveFrom: catalogVersions.effectiveFrom, importedAt: catalogVersions.importedAt })
    .from(catalogVersions)
    .orderBy(catalogVersions.effectiveFrom, catalogVersions.id)
    .all();
}

/**
 * The catalog in effect on a date: the version with the latest effectiveFrom not after it (the
 * latest import wins among versions of the same date). A bill run passes a cache, since every
 * account of a period reads the same version.
 */
export function catalogInEffect(store: Store, date: string, cache?: Map<string, { id: number; catalog: Catalog }>): { id: number; catalog: Catalog } {
  const hit = cache?.get(date);
  if (hit) return hit;
  const rows = store.db.select().from(catalogVersions).orderBy(catalogVersions.effectiveFrom, catalogVersions.id).all();
  if (rows.length === 0) throw new BillingError('NOT_FOUND', 'no catalog imported yet: run `switchboard catalog import <file>` first');
  const chosen = rows.filter((r) => r.effectiveFrom <= date).pop();
  if (!chosen) throw new BillingError('NOT_FOUND', `no catalog is in effect on ${date} (the first takes effect ${rows[0]!.effectiveFrom})`);
  const found = { id: chosen.id, catalog: catalogSchema.parse(JSON.parse(chosen.catalogJson)) };
  cache?.set(date, found);
  return found;
}

/** The dynamic-pricing tables of the newest catalog (each table carries its own dates); none without a catalog. */
export function currentRateMultipliers(store: Store): Catalog['rateMultipliers'] {
  const any = store.db.select({ id: catalogVersions.id }).from(catalogVersions).limit(1).get();
  return any ? catalogInEffect(store, '9999-12-31').catalog.rateMultipliers : [];
}

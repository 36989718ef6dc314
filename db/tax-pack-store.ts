import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { BillingError } from '../tools/errors.ts';
import { builtInTaxPacks, parseTaxPackUpdate, type TaxPack, type TaxPackUpdate } from '../tools/tax/index.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Store } from './open-database.ts';
import { taxPackVersions, type TaxPackVersionStatus } from './tax-pack-schema.ts';

/** A stored pack version with its update file read back (validated, never cast). */
export interface StoredTaxPackVersion {
  id: number;
  packId: string;
  version: string;
  effectiveFrom: string;
  status: TaxPackVersionStatus;
  summary: string;
  update: TaxPackUpdate;
  importedBy: string;
  importedAt: string;
  proposalId: number | null;
  adoptedAt: string | null;
}

function toStored(r: typeof taxPackVersions.$inferSelect): StoredTaxPackVersion {
  const { updateJson, contentHash: _hash, ...rest } = r;
  return { ...rest, update: parseTaxPackUpdate(JSON.parse(updateJson), `stored ${r.packId} version ${r.version}`) };
}

/** Stores an imported pack version; importing the same file again changes nothing, another file under a taken version label is refused. */
export function saveTaxPackVersion(store: Store, input: { update: TaxPackUpdate; importedBy: string; at: Date }): { version: StoredTaxPackVersion; created: boolean } {
  const { update } = input;
  const hash = createHash('sha256').update(canonicalJson(update)).digest('hex');
  return store.sqlite.transaction(() => {
    const existing = store.db
      .select()
      .from(taxPackVersions)
      .where(and(eq(taxPackVersions.packId, update.packId), eq(taxPackVersions.version, update.version)))
      .get();
    if (existing) {
      if (existing.contentHash !== hash)
        throw new BillingError('CONFLICT', `${update.packId} version ${update.version} is already imported with other content; give the new file another version label`);
      return { version: toStored(existing), created: false };
    }
    const row = store.db
      .insert(taxPackVersions)
      .values({
        packId: update.packId,
        version: update.version,
        effectiveFrom: update.effectiveFrom,
        status: 'imported',
        summary: update.summary,
        updateJson: JSON.stringify(update),
        contentHash: hash,
        importedBy: input.importedBy,
        importedAt: input.at.toISOString(),
      })
      .returning()
      .get();
    return { version: toStored(row), created: true };
  })();
}

/** Every imported version (of one pack, or all), oldest import first. */
export function listTaxPackVersions(store: Store, packId?: string): StoredTaxPackVersion[] {
  const q = store.db.select().from(taxPackVersions);
  return (packId ? q.where(eq(taxPackVersions.packId, packId)) : q).orderBy(asc(taxPackVersions.id)).all().map(toStored);
}

/** One imported version, or NOT_FOUND naming the versions there are. */
export function getTaxPackVersion(store: Store, packId: string, version: string): StoredTaxPackVersion {
  const row = store.db
    .select()
    .from(taxPackVersions)
    .where(and(eq(taxPackVersions.packId, packId), eq(taxPackVersions.version, version)))
    .get();
  if (!row) {
    const known = listTaxPackVersions(store, packId).map((v) => v.version);
    throw new BillingError('NOT_FOUND', `no ${packId} version ${version} imported${known.length ? `; imported: ${known.join(', ')}` : ''}`);
  }
  return toStored(row);
}

/** The pack bills use for an id: its adopted version, else the built-in file; null when neither exists. */
export function taxPackInForce(store: Store, packId: string): { pack: TaxPack; version: string } | null {
  const adopted = store.db
    .select()
    .from(taxPackVersions)
    .where(and(eq(taxPackVersions.packId, packId), eq(taxPackVersions.status, 'adopted')))
    .get();
  if (adopted) return { pack: toStored(adopted).update.pack, version: adopted.version };
  const builtIn = builtInTaxPacks().find((p) => p.id === packId);
  return builtIn ? { pack: builtIn, version: 'built-in' } : null;
}

/** The packs bills use: each built-in pack or its adopted version, plus adopted packs the build does not ship. */
export function taxPacksInForce(store: Store): readonly TaxPack[] {
  const adopted = store.db.select().from(taxPackVersions).where(eq(taxPackVersions.status, 'adopted')).orderBy(asc(taxPackVersions.packId)).all();
  if (!adopted.length) return builtInTaxPacks();
  const byId = new Map(builtInTaxPacks().map((p) => [p.id, p]));
  for (const row of adopted) byId.set(row.packId, toStored(row).update.pack);
  return [...byId.values()];
}

/** Makes a version the one bills use (the one it replaces is superseded); adopting it again changes nothing. */
export function adoptTaxPackVersion(store: Store, input: { packId: string; version: string; proposalId: number; at: Date }): StoredTaxPackVersion {
  return store.sqlite.transaction(() => {
    const target = getTaxPackVersion(store, input.packId, input.version);
    if (target.status === 'adopted') return target;
    if (target.status !== 'imported') throw new BillingError('CONFLICT', `${input.packId} version ${input.version} is ${target.status}; only an imported version is adopted`);
    store.db
      .update(taxPackVersions)
      .set({ status: 'superseded' })
      .where(and(eq(taxPackVersions.packId, input.packId), eq(taxPackVersions.status, 'adopted')))
      .run();
    store.db.update(taxPackVersions).set({ status: 'adopted', proposalId: input.proposalId, adoptedAt: input.at.toISOString() }).where(eq(taxPackVersions.id, target.id)).run();
    return getTaxPackVersion(store, input.packId, input.version);
  })();
}

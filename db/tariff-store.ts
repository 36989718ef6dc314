import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { BillingError } from '../tools/errors.ts';
import type { TariffVersion } from '../tools/rating/tariff-book.ts';
import { tariffPlanSchema, type TariffPlan } from '../tools/rating/tariff.types.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Store } from './open-database.ts';
import { tariffVersions } from './schema.ts';

/** What an import did: a new version, or the one already holding identical content. */
export interface SavedTariff {
  id: number;
  name: string;
  version: number;
  created: boolean;
}

/** Stores a tariff plan as a new version of its name; importing identical content again changes nothing. */
export function saveTariffVersion(store: Store, input: { plan: TariffPlan; effectiveFrom: number | null; sourceFormat: string; sourcePath: string | null }): SavedTariff {
  const { plan } = input;
  const effectiveFrom = input.effectiveFrom ?? 0;
  const hash = createHash('sha256').update(canonicalJson({ plan, effectiveFrom })).digest('hex');
  return store.sqlite.transaction(() => {
    const existing = store.db
      .select({ id: tariffVersions.id, version: tariffVersions.version })
      .from(tariffVersions)
      .where(and(eq(tariffVersions.name, plan.id), eq(tariffVersions.contentHash, hash)))
      .get();
    if (existing) return { id: existing.id, name: plan.id, version: existing.version, created: false };
    const latest = store.db.select({ version: tariffVersions.version }).from(tariffVersions).where(eq(tariffVersions.name, plan.id)).orderBy(desc(tariffVersions.version)).get();
    const version = (latest?.version ?? 0) + 1;
    const row = store.db
      .insert(tariffVersions)
      .values({
        name: plan.id,
        version,
        effectiveFrom,
        sourceFormat: input.sourceFormat,
        sourcePath: input.sourcePath,
        contentHash: hash,
        planJson: JSON.stringify(plan),
        importedAt: new Date().toISOString(),
      })
      .returning({ id: tariffVersions.id })
      .get();
    return { id: row.id, name: plan.id, version, created: true };
  })();
}

/** Lists stored tariff versions (newest first), without their content. */
export function listTariffVersions(store: Store): Array<{ id: number; name: string; version: number; effectiveFrom: string; sourceFormat: string; importedAt: string }> {
  return store.db
    .select()
    .from(tariffVersions)
    .orderBy(desc(tariffVersions.id))
    .all()
    .map((r) => ({ id: r.id, name: r.name, version: r.version, effectiveFrom: new Date(r.effectiveFrom).toISOString(), sourceFormat: r.sourceFormat, importedAt: r.importedAt }));
}

/** Every version of a tariff plan (by default the most recently imported plan name), validated. */
export function loadTariffVersions(store: Store, name?: string): TariffVersion[] {
  const planName = name ?? store.db.select({ name: tariffVersions.name }).from(tariffVersions).orderBy(desc(tariffVersions.id)).get()?.name;
  if (!planName) throw new BillingError('NOT_FOUND', 'no tariff imported yet: run `switchboard tariffs import <dir>` first');
  const rows = store.db.select().from(tariffVersions).where(eq(tariffVersions.name, planName)).all();
  if (rows.length === 0) throw new BillingError('NOT_FOUND', `no tariff named "${planName}"`);
  return rows.map((r) => ({ id: r.id, name: r.name, version: r.version, effectiveFrom: r.effectiveFrom, plan: tariffPlanSchema.parse(JSON.parse(r.planJson)) }));
}

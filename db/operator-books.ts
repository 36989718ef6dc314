import { and, asc, desc, eq } from 'drizzle-orm';
import { catalogSchema, type Catalog } from '../tools/catalog/index.ts';
import { BillingError } from '../tools/errors.ts';
import { tariffPlanSchema, type TariffPlan } from '../tools/rating/tariff.types.ts';
import { catalogVersions } from './billing-schema.ts';
import { catalogInEffect } from './catalog-store.ts';
import type { TenantScope } from './scope.ts';
import { tariffVersions } from './schema.ts';
import { getOperatorSettings } from './settings-store.ts';

/**
 * Tariffs and catalogs carry no tenant of their own: they are the books of the operator whose
 * database this is, so only that operator's users see them (another tenant finds none, as for
 * quarantine).
 */
function operatorsOwn(scope: TenantScope): boolean {
  return scope.accountId === undefined && getOperatorSettings(scope.store).tenant === scope.tenant;
}

/** A stored tariff version without its plan. */
export interface TariffVersionRow {
  id: number;
  name: string;
  version: number;
  effectiveFrom: string;
  sourceFormat: string;
  importedAt: string;
}

function tariffRow(r: typeof tariffVersions.$inferSelect): TariffVersionRow {
  return { id: r.id, name: r.name, version: r.version, effectiveFrom: new Date(r.effectiveFrom).toISOString(), sourceFormat: r.sourceFormat, importedAt: r.importedAt };
}

/** The operator's tariff versions, newest import first, optionally of one plan name. */
export function scopedTariffVersions(scope: TenantScope, name?: string): TariffVersionRow[] {
  if (!operatorsOwn(scope)) return [];
  return scope.store.db
    .select()
    .from(tariffVersions)
    .where(name ? eq(tariffVersions.name, name) : undefined)
    .orderBy(desc(tariffVersions.id))
    .all()
    .map(tariffRow);
}

/** One version of a tariff plan with its plan (the latest version when none is named); NOT_FOUND otherwise. */
export function scopedTariffVersion(scope: TenantScope, name: string, version?: number): TariffVersionRow & { plan: TariffPlan } {
  const missing = () => new BillingError('NOT_FOUND', version === undefined ? `no tariff named "${name}"` : `no version ${version} of tariff "${name}"`);
  if (!operatorsOwn(scope)) throw missing();
  const where = version === undefined ? eq(tariffVersions.name, name) : and(eq(tariffVersions.name, name), eq(tariffVersions.version, version));
  const r = scope.store.db.select().from(tariffVersions).where(where).orderBy(desc(tariffVersions.version)).get();
  if (!r) throw missing();
  return { ...tariffRow(r), plan: tariffPlanSchema.parse(JSON.parse(r.planJson)) };
}

/** A stored catalog version without its content. */
export interface CatalogVersionRow {
  id: number;
  name: string;
  version: number;
  effectiveFrom: string;
  importedAt: string;
}

const CATALOG_ROW = { id: catalogVersions.id, name: catalogVersions.name, version: catalogVersions.version, effectiveFrom: catalogVersions.effectiveFrom, importedAt: catalogVersions.importedAt };

/** The operator's catalog versions in effective order (oldest first, as `catalog list` shows them). */
export function scopedCatalogVersions(scope: TenantScope): CatalogVersionRow[] {
  if (!operatorsOwn(scope)) return [];
  return scope.store.db.select(CATALOG_ROW).from(catalogVersions).orderBy(asc(catalogVersions.effectiveFrom), asc(catalogVersions.id)).all();
}

/** One catalog version by id with its content, or (no id) the one in effect on `date`; NOT_FOUND otherwise. */
export function scopedCatalogVersion(scope: TenantScope, ref: { id: number } | { date: string }): CatalogVersionRow & { catalog: Catalog } {
  const what = 'id' in ref ? `no catalog version ${ref.id}` : 'no catalog imported yet';
  if (!operatorsOwn(scope)) throw new BillingError('NOT_FOUND', what);
  const id = 'id' in ref ? ref.id : catalogInEffect(scope.store, ref.date).id;
  const r = scope.store.db.select().from(catalogVersions).where(eq(catalogVersions.id, id)).get();
  if (!r) throw new BillingError('NOT_FOUND', what);
  return { id: r.id, name: r.name, version: r.version, effectiveFrom: r.effectiveFrom, importedAt: r.importedAt, catalog: catalogSchema.parse(JSON.parse(r.catalogJson)) };
}

/** True when the actor's tenant is the operator's: only they change the operator's books. */
export function isOperatorTenant(scope: TenantScope): boolean {
  return operatorsOwn(scope);
}

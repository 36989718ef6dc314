import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { BillingError } from '../tools/errors.ts';
import {
  alertEvidenceSchema,
  fraudThresholdsSchema,
  type AlertCandidate,
  type AlertSource,
  type AlertEvidence,
  type AlertSeverity,
  type AlertStatus,
  type FraudDetector,
  type FraudStateLoader,
  type FraudStateUpdate,
  type FraudThresholds,
  type FraudThresholdsInput,
} from '../tools/fraud/index.ts';
import { accounts, subscriptions } from './billing-schema.ts';
import { tariffVersions } from './schema.ts';
import { fraudAlerts, fraudSettings, fraudState } from './fraud-schema.ts';
import { inTransaction, type Store } from './open-database.ts';
import { prepared } from './prepared.ts';

type AlertRow = typeof fraudAlerts.$inferSelect;

/** An alert as read back: its row with the evidence parsed. */
export interface StoredAlert extends Omit<AlertRow, 'evidenceJson'> {
  evidence: AlertEvidence;
}

function toStored(r: AlertRow): StoredAlert {
  const { evidenceJson, ...rest } = r;
  return { ...rest, evidence: alertEvidenceSchema.parse(JSON.parse(evidenceJson)) };
}

/** Reads the state earlier runs kept, one prepared lookup per key (the stage asks once per key it touches). */
export function fraudStateLoader(store: Store, tenant: string): FraudStateLoader {
  const get = prepared(store, 'fraud-state-get', () =>
    store.db
      .select({ json: fraudState.stateJson })
      .from(fraudState)
      .where(and(eq(fraudState.tenant, sql.placeholder('tenant')), eq(fraudState.scope, sql.placeholder('scope')), eq(fraudState.key, sql.placeholder('key'))))
      .prepare(),
  );
  // Rows fetched in batches ahead of the reads (a read per key costs a round trip through drizzle each).
  const fetched = new Map<string, string | null>();
  const loader: FraudStateLoader = (scope, key) => {
    const k = `${scope}\u0000${key}`;
    const json = fetched.has(k) ? fetched.get(k) : (get.get({ tenant, scope, key })?.json ?? null);
    return json ? JSON.parse(json) : null;
  };
  loader.prefetch = (scope, keys) => {
    for (let i = 0; i < keys.length; i += 500) {
      const batch = keys.slice(i, i + 500);
      for (const k of batch) fetched.set(`${scope}\u0000${k}`, null);
      const rows = store.db
        .select({ key: fraudState.key, json: fraudState.stateJson })
        .from(fraudState)
        .where(and(eq(fraudState.tenant, tenant), eq(fraudState.scope, scope), inArray(fraudState.key, batch)))
        .all();
      for (const r of rows) fetched.set(`${scope}\u0000${r.key}`, r.json);
    }
  };
  return loader;
}

/**
 * Stores one detection run in one transaction: the detectors' state for the next run, and the
 * alerts, each once (an alert whose key the tenant already has is left as it is). Returns the ids
 * of the alerts that are new.
 */
export function saveFraudDetection(
  store: Store,
  tenant: string,
  run: { alerts: readonly AlertCandidate[]; states: readonly FraudStateUpdate[]; source: AlertSource; batchId?: number | null; at?: Date },
): number[] {
  const at = (run.at ?? new Date()).toISOString();
  // Prepared once per store: an ingest keeps a state per line it saw, and building the SQL each time would cost more than the write.
  const put = prepared(store, 'fraud-state-put', () =>
    store.db
      .insert(fraudState)
      .values({ tenant: sql.placeholder('tenant'), scope: sql.placeholder('scope'), key: sql.placeholder('key'), stateJson: sql.placeholder('json'), updatedAt: sql.placeholder('at') })
      .onConflictDoUpdate({ target: [fraudState.tenant, fraudState.scope, fraudState.key], set: { stateJson: sql`excluded.state_json`, updatedAt: sql`excluded.updated_at` } })
      .prepare(),
  );
  // The hundred-row form of the same upsert, its SQL derived from the one above (no second spelling of the table).
  const putMany = prepared(store, 'fraud-state-put-100', () => {
    const one = store.db
      .insert(fraudState)
      .values({ tenant: '', scope: 'subscriber', key: '', stateJson: '', updatedAt: '' })
      .onConflictDoUpdate({ target: [fraudState.tenant, fraudState.scope, fraudState.key], set: { stateJson: sql`excluded.state_json`, updatedAt: sql`excluded.updated_at` } })
      .toSQL().sql;
    const row = one.slice(one.indexOf('values ') + 7, one.indexOf(')', one.indexOf('values ')) + 1);
    return store.sqlite.prepare(one.replace(row, Array.from({ length: 100 }, () => row).join(', ')));
  });
  return inTransaction(store, () => {
    // 100 rows a statement: one round trip through SQLite's parser per hundred lines, not per line.
    for (let i = 0; i + 100 <= run.states.length; i += 100) putMany.run(run.states.slice(i, i + 100).flatMap((s) => [tenant, s.scope, s.key, JSON.stringify(s.state), at]));
    for (const s of run.states.slice(run.states.length - (run.states.length % 100))) put.run({ tenant, scope: s.scope, key: s.key, json: JSON.stringify(s.state), at });
    const created: number[] = [];
    for (const a of run.alerts) {
      const row = store.db
        .insert(fraudAlerts)
        .values({
          tenant,
          key: a.key,
          detector: a.detector,
          severity: a.severity,
          status: 'open',
          subjectKind: a.subjectKind,
          subject: a.subject,
          firstAt: new Date(a.firstAt).toISOString(),
          lastAt: new Date(a.lastAt).toISOString(),
          summary: a.summary,
          evidenceJson: JSON.stringify(alertEvidenceSchema.parse(a.evidence)),
          source: run.source,
          batchId: run.batchId ?? null,
          createdAt: at,
        })
        .onConflictDoNothing()
        .returning({ id: fraudAlerts.id })
        .get();
      if (row) created.push(row.id);
    }
    return created;
  });
}

/** The tenant's alerts, newest first, filtered by status, detector, severity or subject; `before` pages by id. */
export function listFraudAlerts(
  store: Store,
  tenant: string,
  filter: { status?: AlertStatus; detector?: FraudDetector; severity?: AlertSeverity; subject?: string; before?: number; limit?: number } = {},
): StoredAlert[] {
  const where: SQL[] = [eq(fraudAlerts.tenant, tenant)];
  if (filter.status) where.push(eq(fraudAlerts.status, filter.status));
  if (filter.detector) where.push(eq(fraudAlerts.detector, filter.detector));
  if (filter.severity) where.push(eq(fraudAlerts.severity, filter.severity));
  if (filter.subject) where.push(eq(fraudAlerts.subject, filter.subject));
  if (filter.before) where.push(lt(fraudAlerts.id, filter.before));
  return store.db
    .select()
    .from(fraudAlerts)
    .where(and(...where))
    .orderBy(desc(fraudAlerts.id))
    .limit(filter.limit ?? 100)
    .all()
    .map(toStored);
}

/** How many of the tenant's alerts are in each status. */
export function countFraudAlerts(store: Store, tenant: string): Record<AlertStatus, number> {
  const counts: Record<AlertStatus, number> = { open: 0, confirmed: 0, dismissed: 0 };
  const rows = store.db.select({ status: fraudAlerts.status, n: sql<number>`count(*)` }).from(fraudAlerts).where(eq(fraudAlerts.tenant, tenant)).groupBy(fraudAlerts.status).all();
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** One of the tenant's alerts; NOT_FOUND for another tenant's, exactly as for a missing one. */
export function tenantFraudAlert(store: Store, tenant: string, id: number): StoredAlert {
  const row = store.db
    .select()
    .from(fraudAlerts)
    .where(and(eq(fraudAlerts.tenant, tenant), eq(fraudAlerts.id, id)))
    .get();
  if (!row) throw new BillingError('NOT_FOUND', `no alert ${id}`);
  return toStored(row);
}

/**
 * Confirms or dismisses an open alert, with who and why; CONFLICT when it was already decided
 * (the update only matches an open row, so two deciders cannot both win).
 */
export function decideFraudAlert(store: Store, tenant: string, id: number, d: { status: 'confirmed' | 'dismissed'; by: string; reason: string; at?: Date; proposalId?: number | null }): StoredAlert {
  const current = tenantFraudAlert(store, tenant, id);
  if (current.status !== 'open') throw new BillingError('CONFLICT', `alert ${id} is already ${current.status} (by ${current.decidedBy ?? 'unknown'})`);
  const changed = store.db
    .update(fraudAlerts)
    .set({ status: d.status, decidedBy: d.by, decidedAt: (d.at ?? new Date()).toISOString(), decisionReason: d.reason, proposalId: d.proposalId ?? null })
    .where(and(eq(fraudAlerts.tenant, tenant), eq(fraudAlerts.id, id), eq(fraudAlerts.status, 'open')))
    .run();
  if (changed.changes === 0) throw new BillingError('CONFLICT', `alert ${id} was decided meanwhile`);
  return tenantFraudAlert(store, tenant, id);
}

/** The tenant's fraud thresholds: what it set, every other one at its default. */
export function tenantFraudThresholds(store: Store, tenant: string): FraudThresholds {
  const row = store.db.select().from(fraudSettings).where(eq(fraudSettings.tenant, tenant)).get();
  return fraudThresholdsSchema.parse(row ? JSON.parse(row.thresholdsJson) : {});
}

/** Sets the tenant's thresholds (what is given; the rest stay at their defaults); returns them as they now are. */
export function setTenantFraudThresholds(store: Store, tenant: string, thresholds: FraudThresholdsInput, by: string | null, at = new Date()): FraudThresholds {
  const parsed = fraudThresholdsSchema.parse(thresholds);
  const json = JSON.stringify(thresholds);
  store.db
    .insert(fraudSettings)
    .values({ tenant, thresholdsJson: json, updatedAt: at.toISOString(), updatedBy: by })
    .onConflictDoUpdate({ target: fraudSettings.tenant, set: { thresholdsJson: json, updatedAt: at.toISOString(), updatedBy: by } })
    .run();
  return parsed;
}

/**
 * Who a bar-line proposal is filed under: the tenant's account whose subscription has this number
 * (the newest), in its currency; a line nobody is billed for (a SIM box's new SIM) under
 * `unassigned`, in the currency of the tenant's accounts or else of the newest tariff (the amount is 0).
 */
export function barLineAccountOf(store: Store, tenant: string, msisdn: string): { accountId: string; currency: string } {
  const own = store.db
    .select({ accountId: subscriptions.accountId, currency: accounts.currency })
    .from(subscriptions)
    .innerJoin(accounts, eq(accounts.id, subscriptions.accountId))
    // Switches write the number with or without '+'; subscriptions hold the digits.
    .where(and(inArray(subscriptions.msisdn, [msisdn, msisdn.replace(/^\+/, '')]), eq(accounts.tenant, tenant)))
    .orderBy(desc(subscriptions.startDate))
    .limit(1)
    .get();
  if (own) return own;
  const any = store.db.select({ currency: accounts.currency }).from(accounts).where(eq(accounts.tenant, tenant)).limit(1).get();
  const tariff = any ? null : store.db.select({ planJson: tariffVersions.planJson }).from(tariffVersions).orderBy(desc(tariffVersions.id)).limit(1).get();
  const currency = any?.currency ?? (tariff ? (JSON.parse(tariff.planJson) as { currency?: string }).currency : undefined) ?? 'EUR';
  return { accountId: 'unassigned', currency };
}

import { and, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import {
  notificationPayloadSchema,
  notificationSettingsSchema,
  type NotificationChannel,
  type NotificationPayload,
  type NotificationSettings,
  type NotificationStatus,
} from '../tools/notifications/index.ts';
import { accounts } from './billing-schema.ts';
import { notificationAttempts, notifications, notificationSettings, webhookEndpoints } from './notification-schema.ts';
import type { Store } from './open-database.ts';
import { prepared } from './prepared.ts';

type NotificationRow = typeof notifications.$inferSelect;

/** A notification as read back: its row with the payload parsed. */
export interface StoredNotification extends Omit<NotificationRow, 'payloadJson'> {
  payload: NotificationPayload;
}

function toStored(r: NotificationRow): StoredNotification {
  const { payloadJson, ...rest } = r;
  return { ...rest, payload: notificationPayloadSchema.parse(JSON.parse(payloadJson)) };
}

/**
 * Records a notification in the outbox, in the caller's transaction (call it inside the one that
 * writes its cause). The same tenant and key again is a no-op: returns the new row's id, or null
 * when the event was already recorded. The tenant is the account's when not given.
 */
export function recordNotification(store: Store, n: { key: string; accountId: string; payload: NotificationPayload; tenant?: string; at?: Date }): number | null {
  const tenant =
    n.tenant ??
    prepared(store, 'notification-account-tenant', () =>
      store.db
        .select({ tenant: accounts.tenant })
        .from(accounts)
        .where(eq(accounts.id, sql.placeholder('a')))
        .prepare(),
    ).get({ a: n.accountId })?.tenant;
  if (tenant === undefined) return null; // an account we do not know has nobody to tell
  const payload = notificationPayloadSchema.parse(n.payload);
  const at = (n.at ?? new Date()).toISOString();
  // Prepared once per store: the bill run records one per invoice, and building the SQL each time would cost more than the insert.
  const insert = prepared(store, 'record-notification', () =>
    store.db
      .insert(notifications)
      .values({
        tenant: sql.placeholder('tenant'),
        key: sql.placeholder('key'),
        kind: sql.placeholder('kind'),
        accountId: sql.placeholder('accountId'),
        invoiceId: sql.placeholder('invoiceId'),
        subscriptionId: sql.placeholder('subscriptionId'),
        payloadJson: sql.placeholder('payloadJson'),
        status: 'queued',
        nextAttemptAt: sql.placeholder('at'),
        createdAt: sql.placeholder('at'),
        retryFrom: sql.placeholder('at'),
      })
      .onConflictDoNothing()
      .returning({ id: notifications.id })
      .prepare(),
  );
  const row = insert.get({
    tenant,
    key: n.key,
    kind: payload.kind,
    accountId: n.accountId,
    invoiceId: 'invoiceId' in payload ? payload.invoiceId : null,
    subscriptionId: 'subscriptionId' in payload ? payload.subscriptionId : null,
    payloadJson: JSON.stringify(payload),
    at,
  });
  return row?.id ?? null;
}

/**
 * Claims up to `limit` due notifications for one deliverer: queued or failed ones whose next
 * attempt is due, and sending ones whose claim is older than the lease (their worker died). Each
 * row is taken by an UPDATE guarded by the status it was read with, inside one IMMEDIATE
 * transaction, so two deliverers never claim the same row.
 */
export function claimDueNotifications(store: Store, now: Date, opts: { limit: number; leaseMs: number; tenant?: string }): StoredNotification[] {
  const nowIso = now.toISOString();
  const staleIso = new Date(now.getTime() - opts.leaseMs).toISOString();
  const due = and(
    or(and(inArray(notifications.status, ['queued', 'failed']), lte(notifications.nextAttemptAt, nowIso)), and(eq(notifications.status, 'sending'), lte(notifications.claimedAt, staleIso))),
    opts.tenant === undefined ? undefined : eq(notifications.tenant, opts.tenant),
  );
  return store.sqlite
    .transaction(() => {
      const ids = store.db
        .select({ id: notifications.id, status: notifications.status, claimedAt: notifications.claimedAt })
        .from(notifications)
        .where(due)
        .orderBy(notifications.id)
        .limit(opts.limit)
        .all();
      const claimed: StoredNotification[] = [];
      for (const r of ids) {
        const guard = r.status === 'sending' ? and(eq(notifications.status, 'sending'), eq(notifications.claimedAt, r.claimedAt!)) : eq(notifications.status, r.status);
        const row = store.db
          .update(notifications)
          .set({ status: 'sending', claimedAt: nowIso })
          .where(and(eq(notifications.id, r.id), guard))
          .returning()
          .get();
        if (row) claimed.push(toStored(row));
      }
      return claimed;
    })
    .immediate();
}

/** Logs one delivery attempt on one channel. */
export function recordNotificationAttempt(
  store: Store,
  a: { notificationId: number; channel: NotificationChannel; outcome: 'delivered' | 'failed' | 'skipped'; statusCode?: number | null; error?: string | null; durationMs: number; at: Date },
): void {
  store.db
    .insert(notificationAttempts)
    .values({ ...a, statusCode: a.statusCode ?? null, error: a.error ?? null, durationMs: Math.max(0, Math.trunc(a.durationMs)), at: a.at.toISOString() })
    .run();
}

/** The channels a notification is done with since its retry window began (delivered or skipped): a retry sends only the others. */
export function finishedChannels(store: Store, n: { id: number; retryFrom: string }): Map<NotificationChannel, 'delivered' | 'skipped'> {
  const rows = store.db
    .select({ channel: notificationAttempts.channel, outcome: notificationAttempts.outcome })
    .from(notificationAttempts)
    .where(and(eq(notificationAttempts.notificationId, n.id), inArray(notificationAttempts.outcome, ['delivered', 'skipped']), gte(notificationAttempts.at, n.retryFrom)))
    .all();
  return new Map(rows.map((r) => [r.channel, r.outcome as 'delivered' | 'skipped']));
}

/** Ends a claimed delivery pass: delivered, skipped, failed (with the next attempt) or dead. Only the claim holder's row changes. */
export function settleNotification(
  store: Store,
  id: number,
  claimedAt: Date,
  s: { status: Exclude<NotificationStatus, 'queued' | 'sending'>; at: Date; nextAttemptAt?: Date; error?: string },
): boolean {
  const r = store.db
    .update(notifications)
    .set({
      status: s.status,
      attempts: sql`${notifications.attempts} + 1`,
      nextAttemptAt: (s.nextAttemptAt ?? s.at).toISOString(),
      claimedAt: null,
      lastError: s.error ?? null,
      ...(s.status === 'delivered' ? { deliveredAt: s.at.toISOString() } : {}),
    })
    .where(and(eq(notifications.id, id), eq(notifications.status, 'sending'), eq(notifications.claimedAt, claimedAt.toISOString())))
    .run();
  return r.changes === 1;
}

/** The tenant's notifications, newest first, optionally of one status or account. */
export function listNotifications(store: Store, tenant: string, f: { status?: NotificationStatus; accountId?: string; limit?: number } = {}): StoredNotification[] {
  const where = [eq(notifications.tenant, tenant)];
  if (f.status) where.push(eq(notifications.status, f.status));
  if (f.accountId) where.push(eq(notifications.accountId, f.accountId));
  return store.db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.id))
    .limit(f.limit ?? 100)
    .all()
    .map(toStored);
}

/** One of the tenant's notifications with its attempts, oldest first; undefined for another tenant's. */
export function getNotification(store: Store, tenant: string, id: number): (StoredNotification & { attemptLog: (typeof notificationAttempts.$inferSelect)[] }) | undefined {
  const r = store.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.tenant, tenant), eq(notifications.id, id)))
    .get();
  if (!r) return undefined;
  const attemptLog = store.db.select().from(notificationAttempts).where(eq(notificationAttempts.notificationId, id)).orderBy(notificationAttempts.id).all();
  return { ...toStored(r), attemptLog };
}

/** Queues a notification again now, with a fresh 24-hour window (a manual resend); not one being sent right now. */
export function requeueNotification(store: Store, tenant: string, id: number, now: Date): boolean {
  const at = now.toISOString();
  const r = store.db
    .update(notifications)
    .set({ status: 'queued', nextAttemptAt: at, retryFrom: at, attempts: 0, deliveredAt: null })
    .where(and(eq(notifications.tenant, tenant), eq(notifications.id, id), sql`${notifications.status} <> 'sending'`))
    .run();
  return r.changes === 1;
}

/** An account's notification settings, the defaults when none were set. */
export function getNotificationSettings(store: Store, tenant: string, accountId: string): NotificationSettings {
  const r = store.db
    .select({ json: notificationSettings.settingsJson })
    .from(notificationSettings)
    .where(and(eq(notificationSettings.tenant, tenant), eq(notificationSettings.accountId, accountId)))
    .get();
  return notificationSettingsSchema.parse(r ? JSON.parse(r.json) : {});
}

/** Replaces an account's notification settings. */
export function setNotificationSettings(store: Store, tenant: string, accountId: string, settings: NotificationSettings, now: Date): void {
  const json = JSON.stringify(notificationSettingsSchema.parse(settings));
  store.db
    .insert(notificationSettings)
    .values({ tenant, accountId, settingsJson: json, updatedAt: now.toISOString() })
    .onConflictDoUpdate({ target: [notificationSettings.tenant, notificationSettings.accountId], set: { settingsJson: json, updatedAt: now.toISOString() } })
    .run();
}

/** The tenant's webhook endpoint, if it has one. */
export function getWebhookEndpoint(store: Store, tenant: string): { url: string; secret: string; updatedAt: string } | undefined {
  return store.db.select({ url: webhookEndpoints.url, secret: webhookEndpoints.secret, updatedAt: webhookEndpoints.updatedAt }).from(webhookEndpoints).where(eq(webhookEndpoints.tenant, tenant)).get();
}

/** Removes the tenant's webhook endpoint; true when there was one. Webhook notifications then fail until one is set. */
export function removeWebhookEndpoint(store: Store, tenant: string): boolean {
  return store.db.delete(webhookEndpoints).where(eq(webhookEndpoints.tenant, tenant)).run().changes > 0;
}

/** Sets (replaces) the tenant's webhook endpoint. */
export function setWebhookEndpoint(store: Store, tenant: string, e: { url: string; secret: string }, now: Date): void {
  store.db
    .insert(webhookEndpoints)
    .values({ tenant, ...e, updatedAt: now.toISOString() })
    .onConflictDoUpdate({ target: webhookEndpoints.tenant, set: { ...e, updatedAt: now.toISOString() } })
    .run();
}

/** Deletes delivered and skipped notifications (and their attempts) settled before `before`; returns how many (the worker's retention job). */
export function purgeSettledNotifications(store: Store, before: Date): number {
  return store.sqlite
    .transaction(() => {
      const old = and(inArray(notifications.status, ['delivered', 'skipped']), lte(notifications.nextAttemptAt, before.toISOString()));
      const ids = store.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(old)
        .all()
        .map((r) => r.id);
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        store.db.delete(notificationAttempts).where(inArray(notificationAttempts.notificationId, chunk)).run();
        store.db.delete(notifications).where(inArray(notifications.id, chunk)).run();
      }
      return ids.length;
    })
    .immediate();
}

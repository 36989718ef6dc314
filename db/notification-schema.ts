import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from '../tools/notifications/notification.types.ts';

/**
 * The outbox: one row per event worth telling a customer, written in the same transaction as the
 * event (an issued invoice, a payment, a dunning step), so none is lost and none is made twice
 * (the key is unique per tenant). Delivery claims due rows, sends them on the account's channels
 * and records every attempt.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenant: text('tenant').notNull(),
    /** What the event is, e.g. `invoice:42:issued`: the same event always makes the same key. */
    key: text('key').notNull(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    accountId: text('account_id').notNull(),
    /** The invoice the notification is about, when it is about one. */
    invoiceId: integer('invoice_id'),
    /** The subscription (line) it is about, when it is about one. */
    subscriptionId: text('subscription_id'),
    /** notificationPayloadSchema as JSON. */
    payloadJson: text('payload_json').notNull(),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    /** When a deliverer claimed it (a claim older than the lease is taken over: its worker died). */
    claimedAt: text('claimed_at'),
    createdAt: text('created_at').notNull(),
    /** Where the 24-hour retry window starts: creation, or the last manual resend (whose attempts alone count). */
    retryFrom: text('retry_from').notNull(),
    deliveredAt: text('delivered_at'),
    /** The last failed attempt's error (what a dead letter died of). */
    lastError: text('last_error'),
  },
  (t) => [uniqueIndex('notifications_key').on(t.tenant, t.key), index('notifications_due').on(t.status, t.nextAttemptAt), index('notifications_account').on(t.tenant, t.accountId)],
);

/** Every delivery attempt on every channel: when, how it ended, the HTTP status or error, how long it took. */
export const notificationAttempts = sqliteTable(
  'notification_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    notificationId: integer('notification_id').notNull(),
    channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull(),
    outcome: text('outcome', { enum: ['delivered', 'failed', 'skipped'] }).notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('notification_attempts_notification').on(t.notificationId, t.channel)],
);

/** An account's notification settings (notificationSettingsSchema as JSON); no row means the defaults. */
export const notificationSettings = sqliteTable(
  'notification_settings',
  {
    tenant: text('tenant').notNull(),
    accountId: text('account_id').notNull(),
    settingsJson: text('settings_json').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenant, t.accountId] })],
);

/** The tenant's webhook endpoint: every webhook notification is POSTed there, signed with `secret`. */
export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  tenant: text('tenant').primaryKey(),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  updatedAt: text('updated_at').notNull(),
});

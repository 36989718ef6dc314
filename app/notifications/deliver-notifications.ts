import {
  claimDueNotifications,
  finishedChannels,
  getAccountBundle,
  getInvoice,
  getNotificationSettings,
  getWebhookEndpoint,
  recordNotificationAttempt,
  settleNotification,
  type Store,
  type StoredNotification,
} from '../../db/index.ts';
import { audienceOf, nextAttemptAt, renderNotificationEmail, type NotificationChannel, type NotificationSettings } from '../../tools/notifications/index.ts';
import type { EmailTransport } from './send-email.ts';
import { invoicePdfOptions } from '../invoices/invoice-pdf-options.ts';
import { postWebhook, type SendOutcome } from './send-webhook.ts';

/** What delivery sends with: an email transport and From address (none: emails fail and are retried), the webhook timeout. */
export interface NotificationTransports {
  email?: { transport: EmailTransport; from: string };
  webhookTimeoutMs?: number;
}

/** What one delivery pass did, by the status each claimed notification ended in. */
export interface DeliveryReport {
  claimed: number;
  delivered: number;
  skipped: number;
  failed: number;
  dead: number;
}

/** A claim older than this is taken over: the deliverer holding it has died (far longer than a claimed batch takes). */
export const DELIVERY_LEASE_MS = 15 * 60 * 1000;

/** Rows claimed at a time: a batch is sent well within the lease even when every send waits for its timeout. */
const CLAIM_BATCH = 10;

/**
 * One delivery pass: claims the due notifications (so a second deliverer running at the same time
 * takes others, never the same), sends each on the account's channels that are not done yet,
 * logs every attempt, and settles it: delivered, skipped (opted out everywhere), failed with the
 * next attempt (1 minute, doubling) or dead once that would be 24 hours after it was queued.
 */
export async function deliverDue(store: Store, opts: { now: Date; transports: NotificationTransports; limit?: number; tenant?: string }): Promise<DeliveryReport> {
  const limit = opts.limit ?? 100;
  const report: DeliveryReport = { claimed: 0, delivered: 0, skipped: 0, failed: 0, dead: 0 };
  while (report.claimed < limit) {
    const claimed = claimDueNotifications(store, opts.now, { limit: Math.min(CLAIM_BATCH, limit - report.claimed), leaseMs: DELIVERY_LEASE_MS, tenant: opts.tenant });
    if (claimed.length === 0) break;
    report.claimed += claimed.length;
    for (const n of claimed) report[await deliverOne(store, n, opts)] += 1;
  }
  return report;
}

async function deliverOne(store: Store, n: StoredNotification, opts: { now: Date; transports: NotificationTransports }): Promise<'delivered' | 'skipped' | 'failed' | 'dead'> {
  const settings = getNotificationSettings(store, n.tenant, n.accountId);
  const done = finishedChannels(store, n);
  let failed: string | undefined;
  let delivered = [...done.values()].includes('delivered');
  for (const channel of settings.channels) {
    if (done.has(channel)) continue;
    const started = performance.now();
    const outcome = settings.optOuts.includes(n.kind) ? ({ skip: `opted out of ${n.kind}` } as const) : await send(store, n, channel, settings, opts);
    const durationMs = performance.now() - started;
    if ('skip' in outcome) {
      recordNotificationAttempt(store, { notificationId: n.id, channel, outcome: 'skipped', error: outcome.skip, durationMs, at: opts.now });
      continue;
    }
    recordNotificationAttempt(store, { notificationId: n.id, channel, outcome: outcome.ok ? 'delivered' : 'failed', statusCode: outcome.statusCode, error: outcome.error, durationMs, at: opts.now });
    if (outcome.ok) delivered = true;
    else failed = `${channel}: ${outcome.error ?? 'failed'}`;
  }
  const claimedAt = opts.now;
  if (!failed) {
    const status = delivered ? 'delivered' : 'skipped';
    settleNotification(store, n.id, claimedAt, { status, at: opts.now });
    return status;
  }
  const next = nextAttemptAt(new Date(n.retryFrom), opts.now, n.attempts + 1);
  if (next === null) {
    settleNotification(store, n.id, claimedAt, { status: 'dead', at: opts.now, error: failed });
    return 'dead';
  }
  settleNotification(store, n.id, claimedAt, { status: 'failed', at: opts.now, nextAttemptAt: next, error: failed });
  return 'failed';
}

type ChannelOutcome = SendOutcome | { skip: string };

async function send(
  store: Store,
  n: StoredNotification,
  channel: NotificationChannel,
  settings: NotificationSettings,
  opts: { now: Date; transports: NotificationTransports },
): Promise<ChannelOutcome> {
  try {
    return channel === 'webhook' ? await sendWebhook(store, n, opts) : await sendEmail(store, n, settings, opts.transports);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

/** The JSON a webhook receiver gets; `id` and `key` let it drop a repeat (a resend). */
export function webhookBody(n: StoredNotification): string {
  return JSON.stringify({ id: n.id, key: n.key, kind: n.kind, tenant: n.tenant, accountId: n.accountId, createdAt: n.createdAt, data: n.payload });
}

async function sendWebhook(store: Store, n: StoredNotification, opts: { now: Date; transports: NotificationTransports }): Promise<ChannelOutcome> {
  const endpoint = getWebhookEndpoint(store, n.tenant);
  if (!endpoint) return { skip: 'the tenant has no webhook endpoint' };
  const timestamp = String(Math.floor(opts.now.getTime() / 1000));
  return postWebhook(endpoint, webhookBody(n), { timestamp, timeoutMs: opts.transports.webhookTimeoutMs ?? 10_000, headers: { 'x-switchboard-notification': n.key } });
}

async function sendEmail(store: Store, n: StoredNotification, settings: NotificationSettings, transports: NotificationTransports): Promise<ChannelOutcome> {
  const { customer, account, subscriptions } = getAccountBundle(store, n.accountId);
  // A customer who asked for paper bills gets the invoice by post (its PDF is the documents step's), not by e-mail; other notices still go.
  if (n.payload.kind === 'invoice_issued' && account.invoicePreferences?.delivery === 'paper') return { skip: 'the customer receives invoices on paper' };
  const to = settings.email ?? customer.email;
  if (!to) return { skip: 'no email address on the account' };
  if (!transports.email) return { ok: false, error: 'no SMTP server configured (SWITCHBOARD_SMTP_URL)' };
  const mail = renderNotificationEmail(n.payload, { language: settings.language ?? account.language, audience: audienceOf(customer.segment), name: customer.name });
  const attachments = [];
  if (n.payload.kind === 'invoice_issued') {
    const inv = getInvoice(store, String(n.payload.invoiceId));
    // pdfkit loads only when an invoice email is sent.
    const { renderInvoicePdf } = await import('../../tools/invoice/render/index.ts');
    // In the layout and detail the account asked for, as the download prints it.
    const pdf = await renderInvoicePdf(inv.document, invoicePdfOptions(store, inv.document, { customer, account, subscriptions }));
    attachments.push({ filename: `${inv.document.number ?? `invoice-${inv.id}`}.pdf`, content: Buffer.from(pdf), contentType: 'application/pdf' });
  }
  await transports.email.transport.sendMail({ from: transports.email.from, to, subject: mail.subject, text: mail.text, attachments, headers: { 'X-Switchboard-Notification': n.key } });
  return { ok: true };
}

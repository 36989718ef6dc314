import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getNotification, listNotifications, openDatabase, requeueNotification, setNotificationSettings, setWebhookEndpoint, type StoredNotification } from '../../db/index.ts';
import { changeInvoiceStatus, getInvoice, setAccountInvoicePreferences } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../db/testing/ledger-fixture.ts';
import { notificationSettingsSchema, verifyWebhook } from '../../tools/notifications/index.ts';
import { deliverDue } from './deliver-notifications.ts';
import { createSmtpTransport } from './send-email.ts';

let store: ReturnType<typeof createTempStore>;
const closers: Array<() => Promise<void> | void> = [];
beforeEach(async () => {
  store = createTempStore();
  await setUpLedger(store);
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  store.cleanup();
});

const settings = (accountId: string, s: Partial<ReturnType<typeof notificationSettingsSchema.parse>>) =>
  setNotificationSettings(store, 't', accountId, notificationSettingsSchema.parse(s), new Date());
const issuedOf = (accountId: string): StoredNotification => listNotifications(store, 't', { accountId }).find((n) => n.kind === 'invoice_issued')!;
const plus = (d: Date | string, ms: number) => new Date(new Date(d).getTime() + ms);
const MIN = 60_000;

/** A real SMTP server on localhost that keeps every message it receives. */
async function startSmtp(): Promise<{ url: string; messages: { to: string[]; raw: string }[] }> {
  const messages: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, messages };
}

interface Received {
  key: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** A real HTTP receiver; `answer` says per request what to do: an HTTP status, or 'hang' (never answer). */
async function startReceiver(answer: (key: string, nth: number) => number | 'hang'): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const seen = new Map<string, number>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = String(req.headers['x-switchboard-notification']);
      const nth = (seen.get(key) ?? 0) + 1;
      seen.set(key, nth);
      received.push({ key, timestamp: String(req.headers['x-switchboard-timestamp']), signature: String(req.headers['x-switchboard-signature']), body: Buffer.concat(chunks).toString('utf8') });
      const a = answer(key, nth);
      if (a === 'hang') return;
      res.writeHead(a).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received };
}

describe('email delivery over a real SMTP server', () => {
  it('sends the invoice with its PDF in the account language and wording, once; an opt-out is skipped, not sent', async () => {
    const smtp = await startSmtp();
    settings('A1', { channels: ['email'], email: 'ada@example.test' });
    settings('A2', { channels: ['email'], email: 'ap@babbage.test', language: 'de', optOuts: ['payment_received', 'plan_recommendation'] });
    changeInvoiceStatus(store, getInvoice(store, 'INV-000002').id, 'paid');
    const transport = await createSmtpTransport(smtp.url);
    closers.push(() => transport.close());
    const transports = { email: { transport, from: 'billing@operator.test' } };
    const now = plus(new Date(), 1000);

    const first = await deliverDue(store, { now, transports });
    const again = await deliverDue(store, { now: plus(now, 10 * MIN), transports });
    expect(again.claimed).toBe(0);

    const toAda = smtp.messages.filter((m) => m.to.includes('ada@example.test'));
    const toAp = smtp.messages.filter((m) => m.to.includes('ap@babbage.test'));
    expect(toAda.filter((m) => m.raw.includes('INV-000001.pdf'))).toHaveLength(1);
    expect(toAp.filter((m) => m.raw.includes('INV-000002.pdf'))).toHaveLength(1);
    const ada = toAda.find((m) => m.raw.includes('INV-000001.pdf'))!.raw;
    expect(ada).toContain('Subject: Invoice INV-000001 for March 2025');
    expect(ada).toContain('Hi Ada Lovelace,');
    expect(ada).toMatch(/Content-Type: application\/pdf; name=INV-000001\.pdf/);
    const pdf = /filename=INV-000001\.pdf\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(ada)![1]!;
    expect(Buffer.from(pdf.replace(/\r\n/g, ''), 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const ap = toAp.find((m) => m.raw.includes('INV-000002.pdf'))!.raw;
    expect(ap).toContain('Sehr geehrte Damen und Herren (Babbage Engines Ltd),');
    expect(ap).not.toContain('Hi Babbage');

    const paid = listNotifications(store, 't', { accountId: 'A2' }).find((n) => n.kind === 'payment_received')!;
    expect(paid.status).toBe('skipped');
    expect(getNotification(store, 't', paid.id)!.attemptLog).toMatchObject([{ channel: 'email', outcome: 'skipped', error: 'opted out of payment_received' }]);
    expect(toAp.some((m) => m.raw.includes('Zahlung'))).toBe(false);
    expect(first.claimed).toBe(listNotifications(store, 't').length);
    expect(issuedOf('A1')).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});

describe('paper bills', () => {
  it('does not e-mail the invoice of a customer who asked for paper (skipped, with the reason)', async () => {
    const smtp = await startSmtp();
    settings('A1', { channels: ['email'], email: 'ada@example.test' });
    settings('A2', { channels: [] });
    setAccountInvoicePreferences(store, 'A1', { preferences: { delivery: 'paper' } });
    const transport = await createSmtpTransport(smtp.url);
    closers.push(() => transport.close());
    await deliverDue(store, { now: plus(new Date(), 1000), transports: { email: { transport, from: 'billing@operator.test' } } });
    const issued = issuedOf('A1');
    expect(issued.status).toBe('skipped');
    expect(getNotification(store, 't', issued.id)!.attemptLog).toMatchObject([{ channel: 'email', outcome: 'skipped', error: 'the customer receives invoices on paper' }]);
    expect(smtp.messages.some((m) => m.raw.includes('INV-000001.pdf'))).toBe(false);
  });
});

describe('email delivery in Spanish', () => {
  it('sends a Spanish email (es-ES: the base language) with its wording and month', async () => {
    const smtp = await startSmtp();
    settings('A1', { channels: ['email'], email: 'ada@example.test', language: 'es-ES' });
    settings('A2', { channels: [] });
    const transport = await createSmtpTransport(smtp.url);
    closers.push(() => transport.close());
    await deliverDue(store, { now: plus(new Date(), 1000), transports: { email: { transport, from: 'billing@operator.test' } } });
    const ada = smtp.messages.find((m) => m.to.includes('ada@example.test') && m.raw.includes('INV-000001.pdf'))!.raw;
    expect(ada).toContain('Subject: Factura INV-000001 de marzo de 2025');
    expect(ada).toContain('Hola, Ada Lovelace:');
    expect(ada).not.toContain('Hi Ada');
  });
});

describe('webhook delivery to a real HTTP receiver', () => {
  const SECRET = 'whsec_test_secret';

  it('retries a timeout and a 500 with backoff, then delivers; every attempt logged, every request signed', async () => {
    const key = `invoice:${getInvoice(store, 'INV-000001').id}:issued`;
    const hook = await startReceiver((k, nth) => (k !== key ? 200 : nth === 1 ? 'hang' : nth === 2 ? 500 : 204));
    setWebhookEndpoint(store, 't', { url: hook.url, secret: SECRET }, new Date());
    settings('A1', { channels: ['webhook'] });
    settings('A2', { channels: [] });
    const transports = { webhookTimeoutMs: 300 };
    const n = issuedOf('A1');
    const t0 = plus(n.createdAt, 1000);

    expect(await deliverDue(store, { now: t0, transports })).toMatchObject({ failed: 1 });
    expect(getNotification(store, 't', n.id)).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: plus(t0, MIN).toISOString() });
    expect((await deliverDue(store, { now: plus(t0, 30_000), transports })).claimed).toBe(0);
    const t1 = plus(t0, MIN);
    expect(await deliverDue(store, { now: t1, transports })).toMatchObject({ failed: 1 });
    expect(getNotification(store, 't', n.id)).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: plus(t1, 2 * MIN).toISOString(), lastError: 'webhook: HTTP 500' });
    const t2 = plus(t1, 2 * MIN);
    expect(await deliverDue(store, { now: t2, transports })).toMatchObject({ delivered: 1 });
    expect(await deliverDue(store, { now: plus(t2, 60 * MIN), transports })).toMatchObject({ claimed: 0 });

    const log = getNotification(store, 't', n.id)!;
    expect(log).toMatchObject({ status: 'delivered', deliveredAt: t2.toISOString() });
    expect(log.attemptLog.map((a) => [a.channel, a.outcome, a.statusCode, a.error])).toEqual([
      ['webhook', 'failed', null, 'timed out after 300 ms'],
      ['webhook', 'failed', 500, 'HTTP 500'],
      ['webhook', 'delivered', 204, null],
    ]);
    expect(log.attemptLog[0]!.durationMs).toBeGreaterThanOrEqual(250);
    const mine = hook.received.filter((r) => r.key === key);
    expect(mine).toHaveLength(3);
    for (const [i, r] of mine.entries()) {
      expect(verifyWebhook(SECRET, r.timestamp, r.body, r.signature)).toBe(true);
      expect(verifyWebhook('another secret', r.timestamp, r.body, r.signature)).toBe(false);
      expect(r.timestamp).toBe(String(Math.floor([t0, t1, t2][i]!.getTime() / 1000)));
    }
    expect(JSON.parse(mine[2]!.body)).toMatchObject({ id: n.id, key, kind: 'invoice_issued', accountId: 'A1', data: { number: 'INV-000001', currency: 'GBP' } });
  });

  it('gives up 24 hours after queueing (dead), and a resend delivers it again', async () => {
    let down = true;
    const hook = await startReceiver(() => (down ? 500 : 200));
    setWebhookEndpoint(store, 't', { url: hook.url, secret: SECRET }, new Date());
    settings('A1', { channels: ['webhook'] });
    settings('A2', { channels: [] });
    const n = issuedOf('A1');
    let now = plus(n.createdAt, 1000);
    const times: Date[] = [];
    for (let i = 0; i < 20; i += 1) {
      times.push(now);
      await deliverDue(store, { now, transports: {} });
      const row = getNotification(store, 't', n.id)!;
      if (row.status === 'dead') break;
      now = new Date(row.nextAttemptAt);
    }
    const dead = getNotification(store, 't', n.id)!;
    expect(dead).toMatchObject({ status: 'dead', attempts: 11, lastError: 'webhook: HTTP 500' });
    // 1, 2, 4, ... 512 minutes apart: the 11th try is 1023 minutes in; one more would be past 24 hours.
    expect((times.at(-1)!.getTime() - times[0]!.getTime()) / MIN).toBe(1023);
    expect(dead.attemptLog).toHaveLength(11);
    expect(hook.received.filter((r) => r.key === n.key)).toHaveLength(11);
    expect((await deliverDue(store, { now: plus(now, 48 * 60 * MIN), transports: {} })).claimed).toBe(0);
    expect(listNotifications(store, 't', { status: 'dead' }).map((d) => d.id)).toEqual([n.id]);

    down = false;
    const later = plus(now, 3 * 24 * 60 * MIN);
    expect(requeueNotification(store, 't', n.id, later)).toBe(true);
    expect(await deliverDue(store, { now: later, transports: {} })).toMatchObject({ delivered: 1 });
    expect(getNotification(store, 't', n.id)).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('never sends twice when two deliverers on two connections run at the same time, or one runs twice', async () => {
    const hook = await startReceiver(() => 200);
    setWebhookEndpoint(store, 't', { url: hook.url, secret: SECRET }, new Date());
    settings('A1', { channels: ['webhook'] });
    settings('A2', { channels: ['webhook'] });
    const other = openDatabase(store.path);
    closers.push(() => other.close());
    const now = plus(new Date(), 1000);
    const [a, b] = await Promise.all([deliverDue(store, { now, transports: {}, limit: 1 }), deliverDue(other, { now, transports: {} })]);
    const c = await deliverDue(store, { now, transports: {} });
    const total = listNotifications(store, 't').length;
    expect(a.claimed + b.claimed + c.claimed).toBe(total);
    expect(hook.received).toHaveLength(total);
    expect(new Set(hook.received.map((r) => r.key)).size).toBe(total);
    expect(listNotifications(store, 't').every((n) => n.status === 'delivered')).toBe(true);
  });
});

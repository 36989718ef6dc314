import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setWebhookEndpoint } from '../../db/index.ts';
import { verifyWebhook } from '../../tools/notifications/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../db/testing/ledger-fixture.ts';
import { runCli } from '../testing/run-cli.ts';

describe('switchboard notifications', () => {
  let store: ReturnType<typeof createTempStore>;
  let status = 500;
  let hits = 0;
  let received: Array<{ timestamp: string; signature: string; body: string }> = [];
  const server = createServer((req, res) => {
    hits += 1;
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ timestamp: String(req.headers['x-switchboard-timestamp']), signature: String(req.headers['x-switchboard-signature']), body });
      res.writeHead(status).end();
    });
  });
  beforeEach(async () => {
    store = createTempStore();
    await setUpLedger(store);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    setWebhookEndpoint(store, 't', { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, secret: 's3cret' }, new Date());
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    store.cleanup();
  });
  const sb = (...args: string[]) => runCli(['--db', store.path, ...args]);

  it('sets settings, lists the outbox, delivers a pass, resends, lists dead letters', async () => {
    expect((await sb('notifications', 'settings', 'A1', '--channels', 'webhook', '--language', 'de')).stdout).toMatch(
      /^Account A1: channels webhook; email the customer's; language de; opted out of nothing/,
    );
    expect((await sb('notifications', 'settings', 'A2', '--language', 'es-ES')).stdout).toMatch(/language es-ES;/);
    expect((await sb('notifications', 'settings', 'A2', '--channels', '')).stdout).toMatch(/^Account A2: channels none/);
    expect((await sb('notifications', 'settings', 'A2', '--opt-out', 'nonsense')).stderr).toMatch(/--opt-out must be a comma-separated list of invoice_issued/);
    const listed = JSON.parse((await sb('notifications', 'list', '--json')).stdout) as { id: number; status: string; accountId: string; kind: string }[];
    expect(
      listed
        .filter((n) => n.kind === 'invoice_issued')
        .map((n) => n.accountId)
        .sort(),
    ).toEqual(['A1', 'A2']);
    expect(listed.every((n) => n.status === 'queued')).toBe(true);

    const pass = JSON.parse((await sb('notifications', 'deliver', '--json')).stdout);
    const a1 = listed.filter((n) => n.accountId === 'A1').length;
    expect(pass).toMatchObject({ claimed: listed.length, failed: a1, skipped: listed.length - a1, dead: 0 });
    expect(hits).toBe(a1);
    expect((await sb('notifications', 'deliver')).stdout).toBe('Claimed 0: 0 delivered, 0 skipped, 0 to retry, 0 dead.\n');
    const failed = JSON.parse((await sb('notifications', 'list', '--status', 'failed', '--json')).stdout) as { id: number }[];
    expect(failed).toHaveLength(a1);

    status = 200;
    expect((await sb('notifications', 'resend', String(failed[0]!.id))).stdout).toMatch(new RegExp(`^Notification ${failed[0]!.id} \\(\\w+, account A1\\) queued again`));
    expect(JSON.parse((await sb('notifications', 'deliver', '--json')).stdout)).toMatchObject({ claimed: 1, delivered: 1 });
    expect((await sb('notifications', 'dead')).stdout).toBe('No dead letters.\n');
    expect((await sb('notifications', 'resend', '999')).code).not.toBe(0);
    expect((await sb('notifications', 'list', '--status', 'bogus')).code).not.toBe(0);
  });

  it('sets the webhook endpoint with a new secret shown once; deliveries are signed with it; removes it', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const set = await sb('notifications', 'webhook', '--url', url, '--json');
    const endpoint = JSON.parse(set.stdout) as { url: string; secret: string; secretEnding: string };
    expect(endpoint).toMatchObject({ url, secretEnding: endpoint.secret.slice(-4) });
    expect(endpoint.secret).toMatch(/^[0-9a-f]{64}$/);
    // Shown again, the secret is not.
    const shown = await sb('notifications', 'webhook');
    expect(shown.stdout).toContain(`Webhook endpoint ${url} (secret …${endpoint.secretEnding}`);
    expect(shown.stdout).not.toContain(endpoint.secret);
    await sb('notifications', 'settings', 'A1', '--channels', 'webhook');
    status = 204;
    received = [];
    expect((await sb('notifications', 'deliver')).stdout).toMatch(/delivered/);
    expect(received.length).toBeGreaterThan(0);
    for (const r of received) expect(verifyWebhook(endpoint.secret, r.timestamp, r.body, r.signature)).toBe(true);

    expect((await sb('notifications', 'webhook', '--url', 'ftp://example.test/')).stderr).toMatch(/url/i);
    expect((await sb('notifications', 'webhook', '--url', url, '--secret', 'short')).stderr).toMatch(/at least 16 characters/);
    expect((await sb('notifications', 'webhook', '--remove')).stdout).toMatch(/^Webhook endpoint removed/);
    expect((await sb('notifications', 'webhook')).stdout).toMatch(/^No webhook endpoint/);
  });
});

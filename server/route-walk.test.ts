import { recordManualPayment } from '../app/payments/record-manual-payment.ts';
import { saveTaxPackVersion } from '../db/tax-pack-store.ts';
import { EU_VAT_2025_08 } from '../app/tax/testing/eu-vat-operator.ts';
import { parseTaxPackUpdate } from '../tools/tax/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalLink, listApiTokens, saveFraudDetection } from '../db/index.ts';
import { createFraudStage, defaultFraudThresholds } from '../tools/fraud/index.ts';
import { irsfBurst } from '../tools/fraud/testing/fraud-events.ts';
import { claimChatThread } from '../db/index.ts';
import { createTempStore } from '../db/testing/create-temp-store.ts';
import { proposeTalkFeeWaiver } from '../db/testing/ledger-fixture.ts';
import { BILLING_CDRS, ingestAndRate } from '../cli/commands/testing/billing-setup.ts';
import { call, setUpApi, type ApiUser } from './testing/api-setup.ts';

// Walks every route of the OpenAPI document, so a new route is covered without touching this
// file: 401 without a token, 403 for a user holding none of its roles, and 404 for a user of
// another tenant (uma, every staff role of tenant u) given tenant t's real ids. A path parameter
// this file does not know fails the walk: add its name and a real id of t to IDS below.

/** Routes every role may use (no user can be refused by role); kept here so a widened route is noticed. */
// What a customer reads of their own account (the portal) is open to every role.
// The portal chat's reads (what-if, bill change, a line, an account's invoice) and chat itself are
// the customer's too, each narrowed to their own account and their own threads.
const OPEN_TO_EVERY_ROLE = [
  'GET /api/v1/accounts',
  'GET /api/v1/accounts/{accountId}',
  'GET /api/v1/accounts/{accountId}/invoice',
  'GET /api/v1/accounts/{accountId}/standing',
  'GET /api/v1/accounts/{accountId}/current-period',
  'GET /api/v1/accounts/{accountId}/forecast',
  'GET /api/v1/accounts/{accountId}/what-if',
  'GET /api/v1/bill-changes',
  'GET /api/v1/chat/threads',
  'GET /api/v1/chat/threads/{threadId}',
  'GET /api/v1/invoices',
  'GET /api/v1/invoices/{number}',
  'GET /api/v1/invoices/{number}/explanation',
  'GET /api/v1/invoices/{number}/lines/{lineId}',
  'GET /api/v1/invoices/{number}/pdf',
  'GET /api/v1/invoices/{number}/ubl',
  'GET /api/v1/usage-events',
  'GET /api/v1/usage-events/{eventId}',
  'POST /api/v1/chat/threads',
  'POST /api/v1/chat/threads/{threadId}/messages',
];

/** Bodies for routes the schema sampler cannot fill, by operationId. */
const BODIES: Record<string, unknown> = {};

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
};
type Operation = {
  operationId: string;
  'x-roles': string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
};
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

const CANDIDATES = ['2025-03', '2025-03-01', 'A1', 'INV-000001', '1.00', '1', 'UTC', 'alice', 'x', 'Europe/London', '+447700900123', '447700900123', '2025-03-01T00:00:00Z'];

/** A value that fits a JSON schema (its required fields only), so a request gets past validation to the lookup. */
function sample(doc: Doc, raw: Schema | undefined, depth = 0): unknown {
  const s = raw?.$ref ? doc.components?.schemas?.[raw.$ref.replace('#/components/schemas/', '')] : raw;
  if (!s || depth > 6) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return sample(doc, alts.find((a) => a.type !== 'null') ?? alts[0], depth + 1);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((a) => sample(doc, a, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'date') return '2025-03-01';
      if (s.format === 'date-time') return '2025-03-01T00:00:00Z';
      if (s.pattern) return CANDIDATES.find((c) => new RegExp(s.pattern!).test(c)) ?? `no sample for pattern ${s.pattern}`;
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    }
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(doc, s.items, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (const name of s.required ?? []) out[name] = sample(doc, s.properties?.[name], depth + 1);
      return out;
    }
  }
}

describe('every route of the OpenAPI document', { timeout: 360_000 }, () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  let doc: Doc;
  /** Real ids of tenant t, by path parameter name. */
  const IDS: Record<string, string> = { number: 'INV-000001', accountId: 'A1', userId: 'alice', period: '2025-03' };
  const routes: Array<{ method: string; path: string; op: Operation }> = [];

  beforeAll(async () => {
    store = createTempStore();
    api = await setUpApi(store);
    // A second file with a line that cannot be read: a quarantined record of t.
    await ingestAndRate(store, [BILLING_CDRS[0]!, 'q1,voice,outbound,not-a-number,,,,+447812345678,not-a-date,abc,answered,,']);
    const one = (sql: string) => String((store.sqlite.prepare(sql).get() as Record<string, unknown>).v);
    IDS.eventId = one("SELECT id AS v FROM usage_events WHERE tenant = 't' ORDER BY id LIMIT 1");
    IDS.batchId = one("SELECT batch_id AS v FROM usage_events WHERE tenant = 't' ORDER BY id LIMIT 1");
    IDS.quarantineId = one('SELECT id AS v FROM quarantine ORDER BY id LIMIT 1');
    IDS.tariffName = one('SELECT name AS v FROM tariff_versions ORDER BY id LIMIT 1');
    IDS.catalogVersion = one('SELECT version AS v FROM catalog_versions ORDER BY id LIMIT 1');
    IDS.proposalId = String(proposeTalkFeeWaiver(store, api.users.alice.user).id);
    IDS.threadId = claimChatThread(store, { tenant: 't', userId: 'alice' });
    IDS.lineId = String((store.sqlite.prepare("SELECT json_extract(document_json, '$.lines[0].id') AS v FROM invoices WHERE number = 'INV-000001'").get() as { v: string }).v);
    IDS.tokenId = String(listApiTokens(store, 'alice')[0]!.id);
    IDS.notificationId = one("SELECT id AS v FROM notifications WHERE tenant = 't' ORDER BY id LIMIT 1");
    const fraud = createFraudStage(defaultFraudThresholds(), { timezone: 'UTC' });
    for (const e of irsfBurst('447400100001', Date.parse('2025-03-10T01:00:00Z'), 14)) fraud.observe(e);
    IDS.alertId = String(saveFraudDetection(store, 't', { ...fraud.finish(() => null), source: 'ingest' })[0]);
    recordManualPayment(store, 't', { invoice: 'INV-000001', by: 'alice', today: '2025-04-10' });
    IDS.paymentId = one("SELECT id AS v FROM payments WHERE tenant = 't' ORDER BY id LIMIT 1");
    ({ packId: IDS.packId, version: IDS.version } = saveTaxPackVersion(store, { update: parseTaxPackUpdate(JSON.parse(EU_VAT_2025_08)), importedBy: 'ada', at: new Date() }).version);
    IDS.linkId = String(createPortalLink(store, { tenant: 't', accountId: 'A1', createdBy: 'alice', expiresAt: new Date(Date.now() + 3_600_000) }).id);
    doc = (await call(api.app, 'GET', '/api/openapi.json')).body;
    for (const [path, item] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(item)) routes.push({ method: method.toUpperCase(), path, op });
  });
  afterAll(() => store.cleanup());

  const request = (r: (typeof routes)[number], as?: ApiUser, ids: Record<string, string> = IDS) => {
    const unknown: string[] = [];
    const path = r.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (!(name in ids)) unknown.push(name);
      return encodeURIComponent(ids[name] ?? 'x');
    });
    const query = new URLSearchParams();
    for (const p of r.op.parameters ?? []) if (p.in === 'query' && p.required) query.set(p.name, String(sample(doc, p.schema)));
    const content = r.op.requestBody?.content ?? {};
    const json = content['application/json'];
    const headers: Record<string, string> = as ? { ...as.headers } : {};
    let body: string | undefined;
    if (json) {
      body = JSON.stringify(BODIES[r.op.operationId] ?? sample(doc, json.schema));
      headers['content-type'] = 'application/json';
    } else if (Object.keys(content).length > 0) {
      body = 'x\n';
      headers['content-type'] = Object.keys(content)[0]!;
    }
    const url = `${path}${query.size ? `?${query}` : ''}`;
    const send = async () => {
      const res = await api.app.request(url, { method: r.method, headers, ...(body === undefined ? {} : { body }) });
      const text = await res.text();
      let parsed: { error?: { code?: string } } | string = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: kept as text for the failure message
      }
      return { status: res.status, body: parsed as { error?: { code?: string } } };
    };
    return { unknown, url, send };
  };

  it('has every path parameter covered by a real id of tenant t', () => {
    expect(routes.length).toBeGreaterThan(0);
    const unknown = routes.flatMap((r) => request(r).unknown.map((n) => `${r.method} ${r.path}: {${n}}`));
    expect(unknown).toEqual([]);
  });

  it('is 401 without a token on every /api/v1 route', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      if (!r.path.startsWith('/api/v1/')) continue;
      const res = await request(r).send();
      if (res.status !== 401 || (res.body as { error?: { code?: string } })?.error?.code !== 'UNAUTHORIZED') wrong.push(`${r.method} ${r.path}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('is 403 for a user holding none of the route’s roles', async () => {
    const staff: ApiUser[] = [api.users.alice, api.users.bob, api.users.ada, api.users.dan, api.users.cora];
    const wrong: string[] = [];
    const open: string[] = [];
    for (const r of routes) {
      const roles = r.op['x-roles'];
      expect(roles, `${r.method} ${r.path} declares its roles`).toBeInstanceOf(Array);
      const outsider = staff.find((u) => !u.user.roles.some((role) => roles.includes(role)));
      if (!outsider) {
        open.push(`${r.method} ${r.path}`);
        continue;
      }
      const res = await request(r, outsider).send();
      if (res.status !== 403 || (res.body as { error?: { code?: string } })?.error?.code !== 'FORBIDDEN')
        wrong.push(`${r.method} ${r.path} as ${outsider.user.id}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
    expect(open.sort()).toEqual([...OPEN_TO_EVERY_ROLE].sort());
  });

  it("is 404 for another tenant's user given tenant t's ids", async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const r of routes) {
      if (!/\{\w+\}/.test(r.path)) continue;
      // A route only customers may use refuses uma by role (the 403 walk covers it).
      if (!api.users.uma.user.roles.some((role) => r.op['x-roles'].includes(role))) continue;
      checked++;
      const res = await request(r, api.users.uma).send();
      if (res.status !== 404 || (res.body as { error?: { code?: string } })?.error?.code !== 'NOT_FOUND')
        wrong.push(`${r.method} ${r.path} as uma: ${res.status} ${JSON.stringify(res.body).slice(0, 240)}`);
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});

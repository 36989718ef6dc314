import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../app/index.ts';
import { ingestFile } from '../../app/ingest/index.ts';
import { BILLING_CDRS, setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { createApiToken, listBatches, saveUser, type UserRecord } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { createApp } from '../create-app.ts';
import { call, type ApiUser, type Reply } from '../testing/api-setup.ts';

type TempStore = ReturnType<typeof createTempStore>;

const CSV = `${BILLING_CDRS.join('\n')}\n`;
/** A line of the billing CDRs with an impossible date, and the same line corrected. */
const BAD_LINE = 'r9,voice,outbound,447700900123,,,,+447812345678,2025-02-30T10:00:00Z,120,answered,,';
const FIXED_LINE = BAD_LINE.replace('2025-02-30', '2025-03-02');

function withToken(store: TempStore, user: UserRecord): ApiUser {
  const { token } = createApiToken(store, user.id, 'tests');
  return { user, token, headers: { authorization: `Bearer ${token}` } };
}

/** The billing operator of the CLI tests before any usage arrived, behind the API. */
function setUp(store: TempStore) {
  setUpBillingOperator(store);
  const users = {
    dan: withToken(store, saveUser(store, { id: 'dan', tenant: 't', name: 'Dan Analyst', roles: ['analyst'] })),
    bob: withToken(store, saveUser(store, { id: 'bob', tenant: 't', name: 'Bob Approver', roles: ['approver'] })),
    cora: withToken(store, saveUser(store, { id: 'cora', tenant: 't', name: 'Cora Customer', roles: ['customer'], accountId: 'A1' })),
    uma: withToken(store, saveUser(store, { id: 'uma', tenant: 'u', name: 'Uma Other', roles: ['analyst', 'approver', 'admin'] })),
  };
  return { app: createApp({ store, clock: systemClock('2025-04-05') }), users };
}

/** POSTs a raw CDR body (text, or a stream read as it is sent) to /cdr-uploads. */
async function upload(app: ReturnType<typeof createApp>, query: string, as: ApiUser, body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Promise<Omit<Reply, 'headers'>> {
  const res = await app.request(`/api/v1/cdr-uploads?${query}`, {
    method: 'POST',
    headers: { ...as.headers, 'content-type': 'application/octet-stream', ...headers },
    body,
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit);
  return { status: res.status, body: await res.json() };
}

describe('/api/v1/cdr-uploads and the usage pipeline', () => {
  let store: TempStore;
  let api: ReturnType<typeof setUp>;
  beforeEach(() => {
    store = createTempStore();
    api = setUp(store);
  });
  afterEach(() => store.cleanup());

  it('ingests an upload with the same report as the CLI, and accepts nothing twice', async () => {
    const cli = createTempStore();
    try {
      setUpBillingOperator(cli);
      const path = join(cli.dir, 'march.csv');
      writeFileSync(path, CSV);
      const viaCli = await ingestFile(cli, path, { format: 'csv', source: 'sw1' });
      const first = await upload(api.app, 'format=csv&source=sw1', api.users.dan, CSV, { 'content-length': String(Buffer.byteLength(CSV)) });
      expect(first.status).toBe(201);
      const counts = (r: typeof viaCli) => ({ read: r.read, accepted: r.accepted, duplicates: r.duplicates, quarantined: r.quarantined, skipped: r.skipped, statuses: r.statuses, sha256: r.sha256 });
      expect(counts(first.body)).toEqual(counts(viaCli));
      expect(first.body).toMatchObject({ file: null, format: 'csv', sourceName: 'sw1', read: 5, accepted: 5, duplicates: 0 });
      const again = await upload(api.app, 'format=csv&source=sw1', api.users.dan, CSV);
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ read: 5, accepted: 0, duplicates: 5, quarantined: 0 });
      const batches = await call(api.app, 'GET', '/api/v1/batches', { as: api.users.bob });
      expect(batches.body.batches.map((b: { state: string; accepted: number }) => [b.state, b.accepted])).toEqual([
        ['done', 5],
        ['done', 0],
      ]);
      const one = await call(api.app, 'GET', `/api/v1/batches/${first.body.batchId}`, { as: api.users.dan });
      expect(one.body).toMatchObject({ id: first.body.batchId, file: null, source: 'sw1', committed: { events: 5 } });
    } finally {
      cli.cleanup();
    }
  });

  it('rates, bills (201) and the invoices appear through GET /invoices; the bill run is listed', async () => {
    const metric = async (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec((await call(api.app, 'GET', '/metrics')).body)?.[1] ?? 0);
    const [acceptedBefore, ratedBefore] = [await metric('switchboard_ingest_records_accepted_total'), await metric('switchboard_rating_events_rated_total')];
    await upload(api.app, 'format=csv', api.users.dan, CSV);
    const rating = await call(api.app, 'POST', '/api/v1/rating-runs', { as: api.users.dan, body: {} });
    expect(rating.status).toBe(201);
    expect(rating.body).toMatchObject({ considered: 5, rated: 5, ratingFailed: 0 });
    // The operations count what they did; /metrics publishes it.
    expect((await metric('switchboard_ingest_records_accepted_total')) - acceptedBefore).toBe(5);
    expect((await metric('switchboard_rating_events_rated_total')) - ratedBefore).toBe(5);
    const bill = await call(api.app, 'POST', '/api/v1/bill-runs', { as: api.users.dan, body: { period: '2025-03', issueDate: '2025-04-01' } });
    expect(bill.status).toBe(201);
    expect(bill.body).toMatchObject({ period: '2025-03', created: 2, issued: 2, alreadyPresent: 0, failed: [], warnings: [] });
    const invoices = await call(api.app, 'GET', '/api/v1/invoices?period=2025-03', { as: api.users.bob });
    expect(invoices.body.invoices.map((i: { number: string; accountId: string }) => [i.number, i.accountId]).sort()).toEqual([
      ['INV-000001', 'A1'],
      ['INV-000002', 'A2'],
    ]);
    const a1 = bill.body.invoices.find((i: { accountId: string }) => i.accountId === 'A1');
    expect(invoices.body.invoices.find((i: { accountId: string }) => i.accountId === 'A1').total).toBe(a1.total);
    const rerun = await call(api.app, 'POST', '/api/v1/bill-runs', { as: api.users.dan, body: { period: '2025-03' } });
    expect(rerun.body).toMatchObject({ created: 0, alreadyPresent: 2 });
    const runs = await call(api.app, 'GET', '/api/v1/bill-runs', { as: api.users.bob });
    expect(runs.body.runs).toEqual([{ period: '2025-03', invoices: 2, byStatus: { issued: 2 }, currencies: ['GBP'] }]);
    const badMonth = await call(api.app, 'POST', '/api/v1/bill-runs', { as: api.users.dan, body: { period: '2025-13' } });
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.error.message).toContain('period');
  });

  it('quarantines a bad line and replays it with a corrected line', async () => {
    const up = await upload(api.app, 'format=csv', api.users.dan, `${BILLING_CDRS[0]}\n${BAD_LINE}\n`);
    expect(up.body).toMatchObject({ read: 1, accepted: 0, quarantined: 1, quarantineReasons: { INVALID_DATE: 1 } });
    const list = await call(api.app, 'GET', '/api/v1/quarantine', { as: api.users.bob });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const q = list.body.rows[0];
    expect(q).toMatchObject({ raw: BAD_LINE, reason: 'INVALID_DATE', status: 'open', batchId: up.body.batchId });
    const fixed = await call(api.app, 'POST', `/api/v1/quarantine/${q.id}/replay`, { as: api.users.dan, body: { raw: FIXED_LINE } });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ replayed: 1, stillQuarantined: 0, results: [{ id: q.id, outcome: 'accepted', eventId: expect.any(Number) }] });
    const twice = await call(api.app, 'POST', `/api/v1/quarantine/${q.id}/replay`, { as: api.users.dan, body: {} });
    expect(twice.status).toBe(409);
    const replayed = await call(api.app, 'GET', '/api/v1/quarantine?status=replayed', { as: api.users.dan });
    expect(replayed.body.rows.map((r: { id: number }) => r.id)).toEqual([q.id]);
  });

  it('refuses a customer and an approver the writes (403), and shows tenant u nothing of t (404)', async () => {
    const bad = await upload(api.app, 'format=csv', api.users.dan, `${BILLING_CDRS[0]}\n${BAD_LINE}\n`);
    const { batchId } = bad.body;
    const qid = (await call(api.app, 'GET', '/api/v1/quarantine', { as: api.users.dan })).body.rows[0].id;
    expect((await upload(api.app, 'format=csv', api.users.cora, CSV)).status).toBe(403);
    expect((await upload(api.app, 'format=csv', api.users.bob, CSV)).status).toBe(403);
    for (const path of ['/api/v1/batches', `/api/v1/batches/${batchId}`, '/api/v1/quarantine', '/api/v1/bill-runs']) {
      expect((await call(api.app, 'GET', path, { as: api.users.cora })).status).toBe(403);
    }
    expect((await call(api.app, 'POST', '/api/v1/rating-runs', { as: api.users.cora, body: {} })).status).toBe(403);
    expect((await call(api.app, 'POST', '/api/v1/bill-runs', { as: api.users.bob, body: { period: '2025-03' } })).status).toBe(403);
    expect((await call(api.app, 'GET', `/api/v1/batches/${batchId}`, { as: api.users.uma })).status).toBe(404);
    expect((await call(api.app, 'POST', `/api/v1/quarantine/${qid}/replay`, { as: api.users.uma, body: { raw: FIXED_LINE } })).status).toBe(404);
    expect((await call(api.app, 'GET', '/api/v1/batches', { as: api.users.uma })).body.batches).toEqual([]);
    expect((await call(api.app, 'GET', '/api/v1/quarantine', { as: api.users.uma })).body).toEqual({ rows: [], total: 0 });
    // Tenant u cannot feed or rate t's usage, and its bill run bills none of t's accounts.
    expect((await upload(api.app, 'format=csv', api.users.uma, CSV)).status).toBe(403);
    expect((await call(api.app, 'POST', '/api/v1/rating-runs', { as: api.users.uma, body: {} })).status).toBe(403);
    expect((await call(api.app, 'POST', '/api/v1/bill-runs', { as: api.users.uma, body: { period: '2025-03' } })).body).toMatchObject({ created: 0, alreadyPresent: 0 });
    expect((await call(api.app, 'POST', '/api/v1/bill-runs', { as: api.users.uma, body: { period: '2025-03', accountIds: ['A1'] } })).status).toBe(404);
    // The still-open record is untouched by u's attempt.
    expect((await call(api.app, 'GET', '/api/v1/quarantine', { as: api.users.dan })).body.rows[0]).toMatchObject({ id: qid, status: 'open', raw: BAD_LINE });
  });

  it('names a bad query field, refuses an unknown format, and refuses bytes that are not UTF-8', async () => {
    const tz = await upload(api.app, 'format=csv&timezone=Mars/Olympus_Mons', api.users.dan, CSV);
    expect(tz.status).toBe(400);
    expect(tz.body.error.message).toContain('timezone');
    const fmt = await upload(api.app, 'format=xml', api.users.dan, CSV);
    expect(fmt.body.error.code).toBe('UNSUPPORTED_FORMAT');
    const latin1 = Buffer.concat([Buffer.from(`${BILLING_CDRS[0]}\n`), Buffer.from('r1,voice,outbound,447700900123,,,,+447812345678,2025-03-03T10:00:00Z,480,answered,,caf\xe9\n', 'latin1')]);
    const res = await api.app.request('/api/v1/cdr-uploads?format=csv', { method: 'POST', headers: api.users.dan.headers, body: latin1 });
    const body = (await res.json()) as Reply['body'];
    expect(res.status).toBe(400);
    expect(body.error.message).toMatch(/the upload is not UTF-8 .*line 2\); nothing was stored.*encoding=latin1/);
    const asLatin1 = await api.app.request('/api/v1/cdr-uploads?format=csv&encoding=latin1', { method: 'POST', headers: api.users.dan.headers, body: latin1 });
    expect(await asLatin1.json()).toMatchObject({ accepted: 1 });
  });

  it('publishes the upload as a raw body and the roles of every route', async () => {
    const { body: doc } = await call(api.app, 'GET', '/api/openapi.json');
    const up = doc.paths['/api/v1/cdr-uploads'].post;
    expect(Object.keys(up.requestBody.content)).toEqual(['application/octet-stream']);
    expect(up.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['format', 'source', 'timezone', 'encoding']));
    expect(up['x-roles']).toEqual(['analyst', 'admin']);
    expect(doc.paths['/api/v1/batches/{batchId}'].get['x-roles']).toEqual(['analyst', 'approver', 'admin']);
    expect(doc.paths['/api/v1/quarantine/{quarantineId}/replay'].post).toBeDefined();
  });
});

describe('an upload that breaks off', () => {
  let store: TempStore;
  afterEach(() => store.cleanup());

  it('is refused as the sender’s (400), and sent again whole, stores every line once', async () => {
    store = createTempStore();
    const api = setUp(store);
    const rows = Array.from({ length: 3000 }, (_, i) => `cut${i},voice,outbound,447700900123,,,,+447812345678,2025-03-0${(i % 9) + 1}T10:00:00Z,60,answered,,`);
    const text = `${[BILLING_CDRS[0], ...rows].join('\n')}\n`;
    const half = Buffer.from(text.slice(0, text.indexOf('cut2000,')));
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(half.subarray(0, 70_000));
        controller.enqueue(half.subarray(70_000));
      },
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    const cut = await upload(api.app, 'format=csv&source=cut', api.users.dan, broken);
    expect(cut.status).toBe(400);
    expect(cut.body.error.message).toMatch(/^the upload broke off after \d+ bytes \(connection reset\)/);
    expect(listBatches(store).map((b) => b.state)).toEqual(['failed']);
    const whole = await upload(api.app, 'format=csv&source=cut', api.users.dan, text);
    expect(whole.status).toBe(201);
    const stored = (store.sqlite.prepare("SELECT count(*) AS n FROM usage_events WHERE idem_key LIKE 'cut:%'").get() as { n: number }).n;
    expect({ read: whole.body.read, total: whole.body.accepted + whole.body.duplicates, stored }).toEqual({ read: 3000, total: 3000, stored: 3000 });
  });
});

describe('a 100k-line upload', () => {
  let store: TempStore;
  afterEach(() => store.cleanup());

  it('is read as it streams, with every line accounted for', async () => {
    store = createTempStore();
    const api = setUp(store);
    const LINES = 100_000;
    let made = 0;
    let runningMidway: string[] = [];
    // Lines are made as the server asks for them, 1000 at a time: the body never exists whole.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Halfway through the body, its batch is already open and running: the upload is being ingested as it arrives.
        if (made === LINES / 2) runningMidway = listBatches(store).map((b) => b.state);
        if (made === 0) controller.enqueue(Buffer.from(`${BILLING_CDRS[0]}\n`));
        const rows: string[] = [];
        for (let i = 0; i < 1000 && made < LINES; i++, made++) {
          const minute = String(made % 60).padStart(2, '0');
          rows.push(`big${made},voice,outbound,447700900123,,,,+447812345678,2025-03-${String((made % 28) + 1).padStart(2, '0')}T10:${minute}:00Z,60,answered,,`);
        }
        controller.enqueue(Buffer.from(`${rows.join('\n')}\n`));
        if (made >= LINES) controller.close();
      },
    });
    const up = await upload(api.app, 'format=csv&source=big', api.users.dan, body);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ read: LINES, accepted: LINES, duplicates: 0, quarantined: 0 });
    expect(runningMidway).toEqual(['running']);
    expect(listBatches(store).map((b) => b.state)).toEqual(['done']);
  }, 180_000);
});

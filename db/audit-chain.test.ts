import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideProposal } from '../graphs/approval/index.ts';
import { appendAudit, listAudit } from './audit-store.ts';
import { notesFor } from './invoice-store.ts';
import { openDatabase } from './open-database.ts';
import { postProposal } from '../app/proposals/post-proposal.ts';
import { getProposal, setApprovalPolicy } from './proposal-store.ts';
import { createTempStore } from './testing/create-temp-store.ts';
import { onPostgres } from './testing/on-postgres.ts';
import { proposeTalkFeeWaiver, setUpLedger, type LedgerUsers } from './testing/ledger-fixture.ts';
import { saveUser } from './user-store.ts';
import { verifyAudit } from './verify-audit.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
let store: ReturnType<typeof createTempStore>;
afterEach(() => store.cleanup());

const approve = (reason = 'checked the outage ticket') => ({ decision: 'approve' as const, reason });
const rows = (tenant = 't') =>
  store.sqlite.prepare('SELECT id, prev_hash, hash FROM audit_log WHERE tenant = ? ORDER BY id').all(tenant) as Array<{ id: number; prev_hash: string | null; hash: string }>;

/** Runs SQL with the table's update/delete triggers dropped, as someone with the file and a shell (or the server and psql) could. */
function behindTheTriggers(sql: string, ...params: unknown[]) {
  if (onPostgres) {
    store.sqlite.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    store.sqlite.prepare(sql).run(...params);
    store.sqlite.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
    return;
  }
  const triggers = store.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as Array<{ name: string; sql: string }>;
  for (const t of triggers) store.sqlite.exec(`DROP TRIGGER ${t.name}`);
  store.sqlite.prepare(sql).run(...params);
  for (const t of triggers) store.sqlite.exec(t.sql);
}

describe('the hash-chained audit log', () => {
  let u: LedgerUsers;
  beforeEach(async () => {
    store = createTempStore();
    u = await setUpLedger(store);
    const p = proposeTalkFeeWaiver(store, u.alice);
    await decideProposal({ store, tenant: 't', actor: u.bob, today: '2025-04-05' }, p.id, approve());
    appendAudit(store, { tenant: 'other', actor: 'mallory', actorKind: 'analyst', event: 'tool_call', subject: 'list_proposals', detail: {} });
  });

  it('links every row to the previous row of its tenant with a SHA-256 hash, and verify says ok', () => {
    const chain = rows();
    expect(chain.map((r) => r.hash)).toEqual(chain.map(() => expect.stringMatching(/^[0-9a-f]{64}$/)));
    expect(chain[0]!.prev_hash).toBeNull();
    chain.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(chain[i]!.hash));
    expect(rows('other')[0]!.prev_hash).toBeNull();
    expect(verifyAudit(store, 't')).toMatchObject({ ok: true, rows: chain.length, legacyRows: 0, head: chain.at(-1)!.hash, firstBroken: null, decisions: { checked: 1, unbacked: [] } });
  });

  it('names the first broken row when a row was edited, deleted or forged behind the triggers', () => {
    const [, second, third] = rows();
    behindTheTriggers(`UPDATE audit_log SET detail_json = '{"decision":"reject"}' WHERE id = ?`, second!.id);
    expect(verifyAudit(store, 't')).toMatchObject({ ok: false, firstBroken: { id: second!.id, reason: expect.stringMatching(/content does not match its hash/) } });
    behindTheTriggers('DELETE FROM audit_log WHERE id = ?', second!.id);
    expect(verifyAudit(store, 't')).toMatchObject({ ok: false, firstBroken: { id: third!.id, reason: expect.stringMatching(/previous row/) } });
    // the other tenant's chain is its own, and still whole
    expect(verifyAudit(store, 'other').ok).toBe(true);
  });

  it('refuses an audit row without a hash at insert', () => {
    expect(() =>
      store.sqlite.prepare("INSERT INTO audit_log (at, tenant, actor, actor_kind, event, subject, detail_json) VALUES ('x', 't', 'eve', 'approver', 'decision', 'proposal:1', '{}')").run(),
    ).toThrow(/hash/);
  });

  it('stays one linear chain per tenant with several processes writing at once', async () => {
    const before = rows().length;
    const child = join(HERE, 'testing/append-audit-child.ts');
    const run = (writer: string) => new Promise<number | null>((resolve) => spawn(process.execPath, ['--import', 'tsx', child, store.path, '40', writer], { stdio: 'inherit' }).on('exit', resolve));
    expect(await Promise.all(['w1', 'w2', 'w3'].map(run))).toEqual([0, 0, 0]);
    expect(rows()).toHaveLength(before + 60);
    expect(verifyAudit(store, 't')).toMatchObject({ ok: true, firstBroken: null });
    expect(verifyAudit(store, 'other')).toMatchObject({ ok: true, rows: 61 });
  });
});

describe('decisions are cross-checked against the audit log', () => {
  let u: LedgerUsers;
  beforeEach(async () => {
    store = createTempStore();
    u = await setUpLedger(store);
    setApprovalPolicy(store, { secondApproverAbove: '5.00' }, { tenant: 't', userId: 'root' });
  });

  const handInsert = (proposalId: number, who: string) =>
    store.sqlite
      .prepare("INSERT INTO approval_decisions (proposal_id, decided_by, decision, reason, edited_amount, decided_at) VALUES (?, ?, 'approve', 'looks fine', NULL, '2025-04-05T00:00:00.000Z')")
      .run(proposalId, who);

  it('reports a decision inserted by hand, and never counts it toward the quorum', async () => {
    const p = proposeTalkFeeWaiver(store, u.alice);
    expect(p.requiredApprovals).toBe(2);
    handInsert(p.id, 'carol');
    const report = verifyAudit(store, 't');
    expect(report).toMatchObject({ ok: false, firstBroken: null, decisions: { unbacked: [{ proposalId: p.id, decidedBy: 'carol', decision: 'approve' }] } });
    // bob's approval would have been the second with carol's forged one: it is the first
    const after = await decideProposal({ store, tenant: 't', actor: u.bob, today: '2025-04-05' }, p.id, approve());
    expect(after.status).toBe('pending');
    expect(after.decisions.map((d) => [d.decidedBy, d.verified])).toEqual([
      ['carol', false],
      ['bob', true],
    ]);
    expect(notesFor(store, 1)).toEqual([]);
    // carol herself is told why she cannot decide, rather than hitting the forged row
    await expect(decideProposal({ store, tenant: 't', actor: u.carol }, p.id, approve())).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/no audit entry/) });
  });

  it('does not post a proposal whose status was set to approved by hand', () => {
    const p = proposeTalkFeeWaiver(store, u.alice);
    handInsert(p.id, 'carol');
    handInsert(p.id, 'bob');
    store.sqlite.prepare("UPDATE proposals SET status = 'approved', decided_at = 'x' WHERE id = ?").run(p.id);
    expect(() => postProposal(store, 't', p.id)).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(/0 of the 2 approvals/) }));
    expect(notesFor(store, 1)).toEqual([]);
    expect(getProposal(store, 't', p.id).status).toBe('approved');
  });
});

// An SQLite file migrated by an older Switchboard; PostgreSQL books begin at a schema with the chain.
describe.skipIf(onPostgres)('a database from before the chain (SQLite)', () => {
  it('keeps its older rows as legacy, chains everything after them, and still counts its recorded decisions', async () => {
    store = createTempStore();
    store.close();
    // The committed migrations up to 0004, as an older Switchboard applied them
    const old = join(store.dir, 'migrations-0004');
    const journal = JSON.parse(readFileSync(join(HERE, 'migrations/meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
    const entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === '0004_chat_threads') + 1);
    mkdirSync(join(old, 'meta'), { recursive: true });
    writeFileSync(join(old, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const e of entries) copyFileSync(join(HERE, `migrations/${e.tag}.sql`), join(old, `${e.tag}.sql`));
    const legacy = join(store.dir, 'legacy.db');
    const raw = new Database(legacy);
    migrate(drizzle({ client: raw }), { migrationsFolder: old });
    raw.exec(`
      INSERT INTO proposals (id, tenant, kind, status, account_id, invoice_id, currency, amount, summary, payload_json, requested_by, requester_kind, reason, required_approvals, target_key, created_at)
        VALUES (1, 't', 'dunning_step', 'pending', 'A1', 1, 'GBP', '0', 'send a reminder', '{"invoiceId":1,"step":"reminder"}', 'alice', 'analyst', 'late', 2, 'dunning:1:reminder', '2025-04-01T00:00:00.000Z');
      INSERT INTO audit_log (at, tenant, actor, actor_kind, event, subject, detail_json) VALUES ('2025-04-01T00:00:00.000Z', 't', 'alice', 'analyst', 'proposal', 'proposal:1', '{}');
      INSERT INTO approval_decisions (proposal_id, decided_by, decision, reason, decided_at) VALUES (1, 'bob', 'approve', 'ok', '2025-04-02T00:00:00.000Z');
      INSERT INTO audit_log (at, tenant, actor, actor_kind, event, subject, detail_json) VALUES ('2025-04-02T00:00:00.000Z', 't', 'bob', 'approver', 'decision', 'proposal:1', '{"decision":"approve","reason":"ok","status":"pending","amount":"0","approvals":1}');
    `);
    raw.close();

    const upgraded = openDatabase(legacy);
    try {
      expect(verifyAudit(upgraded, 't')).toMatchObject({ ok: true, legacyRows: 2, rows: 0, decisions: { checked: 1, unbacked: [] } });
      const carol = saveUser(upgraded, { id: 'carol', tenant: 't', name: 'Carol', roles: ['approver'] });
      // bob's decision from before the upgrade still counts: carol's is the second
      expect((await decideProposal({ store: upgraded, tenant: 't', actor: carol }, 1, approve('second pair of eyes'))).status).toBe('posted');
      expect(verifyAudit(upgraded, 't')).toMatchObject({ ok: true, legacyRows: 2, rows: 2 });
      expect(listAudit(upgraded, 't').map((e) => e.event)).toEqual(['proposal', 'decision', 'decision', 'posting']);
      // a row made to look legacy after the chain started is a break
      expect(() =>
        upgraded.sqlite
          .prepare("INSERT INTO audit_log (at, tenant, actor, actor_kind, event, subject, detail_json, hash) VALUES ('x', 't', 'eve', 'approver', 'decision', 'proposal:1', '{}', 'legacy')")
          .run(),
      ).toThrow(/hash/);
    } finally {
      upgraded.close();
    }
  });
});

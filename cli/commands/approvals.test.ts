import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getApprovalPolicy, getProposal, saveUser } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { onPostgres } from '../../db/testing/on-postgres.ts';
import { proposeTalkFeeWaiver, setUpLedger, type LedgerUsers } from '../../db/testing/ledger-fixture.ts';
import { runCliOn } from '../testing/run-cli.ts';

let store: ReturnType<typeof createTempStore>;
let u: LedgerUsers;

beforeEach(async () => {
  store = createTempStore();
  u = await setUpLedger(store);
  saveUser(store, { id: 'mallory', tenant: 'other', name: 'Mallory', roles: ['approver', 'admin'] });
  saveUser(store, { id: 'root', tenant: 't', name: 'Root', roles: ['admin'] });
});
afterEach(() => store.cleanup());

/** Runs the CLI in this process as a user runs the bin, on this test's database. */
const sb = (...args: string[]) => runCliOn(store.path, ...args);

describe('approvals and the audit log from the command line', () => {
  it("answers another tenant's approver NOT_FOUND and records the attempt in that approver's audit log", async () => {
    const p = proposeTalkFeeWaiver(store, u.alice);
    const r = await sb('approvals', 'approve', String(p.id), '--as', 'mallory', '--reason', 'looks fine to me', '--json');
    expect(r.code).toBe(2);
    expect(r.json.error).toMatchObject({ code: 'NOT_FOUND', message: `no proposal ${p.id}` });
    const log = await sb('audit', '--as', 'mallory', '--json');
    expect(log.json).toEqual([
      expect.objectContaining({ actor: 'mallory', event: 'refusal', subject: `proposal:${p.id}`, detail: expect.objectContaining({ code: 'NOT_FOUND', attemptedId: p.id, tenant: 'other' }) }),
    ]);
    expect(log.stdout).not.toContain('Talk 10');
    expect(getProposal(store, 't', p.id).status).toBe('pending');
  });

  it('verifies the chain, then names a decision inserted by hand and the first row changed behind the triggers (exit 2)', async () => {
    const p = proposeTalkFeeWaiver(store, u.alice);
    const ok = await sb('audit', 'verify', '--as', 'bob', '--json');
    expect([ok.code, ok.json.ok, ok.json.rows, ok.json.firstBroken]).toEqual([0, true, 1, null]);

    store.sqlite.prepare("INSERT INTO approval_decisions (proposal_id, decided_by, decision, reason, decided_at) VALUES (?, 'carol', 'approve', 'by hand', 'x')").run(p.id);
    const forged = await sb('audit', 'verify', '--as', 'bob', '--json');
    expect(forged.code).toBe(2);
    expect(forged.json).toMatchObject({ ok: false, firstBroken: null, decisions: { unbacked: [{ proposalId: p.id, decidedBy: 'carol', decision: 'approve' }] } });
    expect((await sb('approvals', 'show', String(p.id), '--as', 'bob')).stdout).toMatch(/Approved by carol .*NOT IN THE AUDIT LOG: not counted/);

    const row = store.sqlite.prepare("SELECT id FROM audit_log WHERE tenant = 't' ORDER BY id LIMIT 1").get() as { id: number };
    // As someone with the file and a shell, or the server and psql, could (PostgreSQL names the table).
    store.sqlite.exec(`DROP TRIGGER audit_log_no_update${onPostgres ? ' ON audit_log' : ''}`);
    store.sqlite.prepare(`UPDATE audit_log SET detail_json = '{"amount":"0.01"}' WHERE id = ?`).run(row.id);
    const human = await sb('audit', 'verify', '--as', 'bob');
    expect(human.code).toBe(2);
    expect(human.stdout).toContain(`BROKEN at row ${row.id}: row ${row.id}'s content does not match its hash`);
    expect(human.stdout).toContain(`UNRECORDED decision`);
  });

  it('sets the second-approver amount with config set (admins of the operator only, audited) and it changes the quorum', async () => {
    expect((await sb('config', 'show', '--json')).json.secondApproverAbove).toBe('100.00');
    const notAdmin = await sb('config', 'set', 'secondApproverAbove', '5.00', '--as', 'bob', '--json');
    expect([notAdmin.code, notAdmin.json.error.code]).toEqual([2, 'FORBIDDEN']);
    const otherTenant = await sb('config', 'set', 'secondApproverAbove', '5.00', '--as', 'mallory', '--json');
    expect([otherTenant.code, otherTenant.json.error.code]).toEqual([2, 'FORBIDDEN']);
    const bad = await sb('config', 'set', 'secondApproverAbove', '5,00', '--as', 'root', '--json');
    expect([bad.code, bad.json.error.code]).toEqual([2, 'INVALID_CONFIG']);
    expect(getApprovalPolicy(store).secondApproverAbove).toBe('100.00');

    const set = await sb('config', 'set', 'secondApproverAbove', '5.00', '--as', 'root', '--json');
    expect([set.code, set.json.secondApproverAbove, set.json.tenant]).toEqual([0, '5.00', 't']);
    expect((await sb('config', 'show')).stdout).toMatch(/secondApproverAbove\s+5\.00/);
    expect((await sb('audit', '--as', 'root', '--json')).json).toEqual([
      expect.objectContaining({ actor: 'root', event: 'setting', subject: 'setting:approvals', detail: { before: { secondApproverAbove: '100.00' }, after: { secondApproverAbove: '5.00' } } }),
    ]);

    // a 10.00 waiver now needs two approvers: bob's approval alone leaves it pending
    const p = proposeTalkFeeWaiver(store, u.alice);
    expect(p.requiredApprovals).toBe(2);
    const first = await sb('approvals', 'approve', String(p.id), '--as', 'bob', '--reason', 'outage confirmed', '--json');
    expect([first.code, first.json.status]).toEqual([0, 'pending']);
    const second = await sb('approvals', 'approve', String(p.id), '--as', 'carol', '--reason', 'second pair of eyes', '--json');
    expect([second.code, second.json.status, second.json.postingRef]).toEqual([0, 'posted', 'CN-000001']);
    expect((await sb('audit', 'verify', '--as', 'root', '--json')).json).toMatchObject({ ok: true, decisions: { checked: 2, unbacked: [] } });
  });
});

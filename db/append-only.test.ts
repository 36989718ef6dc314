import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideProposal } from '../graphs/approval/index.ts';
import { createTempStore } from './testing/create-temp-store.ts';
import { onPostgres } from './testing/on-postgres.ts';
import { proposeTalkFeeWaiver, rowOf, setUpLedger, type LedgerUsers } from './testing/ledger-fixture.ts';

/* An attacker with SQL access (the raw connection, as the sqlite3 shell or psql would be) tries to
 * rewrite records through REPLACE and UPSERT, which in SQLite with recursive_triggers off delete the
 * old row without firing its delete trigger, and through TRUNCATE, PostgreSQL's delete without row
 * triggers. Every attempt must be refused and leave the row as it was. */

let store: ReturnType<typeof createTempStore>;
let u: LedgerUsers;
let proposalId: number;
let decisionId: number;
let auditId: number;

beforeEach(async () => {
  store = createTempStore();
  u = await setUpLedger(store);
  const p = proposeTalkFeeWaiver(store, u.alice);
  await decideProposal({ store, tenant: 't', actor: u.bob, today: '2025-04-05' }, p.id, { decision: 'approve', reason: 'checked the outage ticket' });
  proposalId = p.id;
  decisionId = (store.sqlite.prepare('SELECT id FROM approval_decisions WHERE proposal_id = ?').get(p.id) as { id: number }).id;
  auditId = (store.sqlite.prepare("SELECT id FROM audit_log WHERE event = 'decision'").get() as { id: number }).id;
});
afterEach(() => store.cleanup());

const refused = { code: 'SQLITE_CONSTRAINT_TRIGGER' };

function expectRefused(table: string, id: number, sql: string, params: unknown[] = []) {
  const before = rowOf(store, table, id);
  expect(before).toBeDefined();
  expect(() => store.sqlite.prepare(sql).run(...params)).toThrow(expect.objectContaining(refused));
  expect(rowOf(store, table, id)).toEqual(before);
}

const AUDIT_COLUMNS = 'id, at, tenant, actor, actor_kind, thread_id, event, subject, detail_json';
const FORGED_AUDIT = `?, '2025-04-05T00:00:00.000Z', 't', 'bob', 'approver', NULL, 'decision', 'proposal:1', '{"decision":"reject"}'`;

describe('records that cannot be rewritten: REPLACE and UPSERT', () => {
  // REPLACE is SQLite's own statement (PostgreSQL has no such conflict resolution; its translator refuses the form).
  it.skipIf(onPostgres).each([
    ['INSERT OR REPLACE', `INSERT OR REPLACE INTO audit_log (${AUDIT_COLUMNS}) VALUES (${FORGED_AUDIT})`],
    ['REPLACE INTO', `REPLACE INTO audit_log (${AUDIT_COLUMNS}) VALUES (${FORGED_AUDIT})`],
  ])('refuses %s over an audit row and leaves it unchanged (SQLite)', (_name, sql) => {
    expectRefused('audit_log', auditId, sql, [auditId]);
  });

  it('refuses UPSERT over an audit row and leaves it unchanged', () => {
    expectRefused('audit_log', auditId, `INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (${FORGED_AUDIT}) ON CONFLICT(id) DO UPDATE SET detail_json = excluded.detail_json`, [auditId]);
  });

  it.skipIf(!onPostgres).each(['audit_log', 'approval_decisions', 'proposals', 'invoices', 'account_notes'])('refuses TRUNCATE of %s, which fires no row trigger (PostgreSQL)', (table) => {
    const before = store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get();
    expect(() => store.sqlite.exec(`TRUNCATE ${table}`)).toThrow(expect.objectContaining(refused));
    expect(store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual(before);
  });

  const DECISION = "(?, ?, 'bob', 'reject', 'rewritten', NULL, '2025-04-05T00:00:00.000Z')";
  it.skipIf(onPostgres).each([
    ['INSERT OR REPLACE on its id', `INSERT OR REPLACE INTO approval_decisions (id, proposal_id, decided_by, decision, reason, edited_amount, decided_at) VALUES ${DECISION}`, 'same'],
    ['REPLACE INTO on its (proposal, person) key', `REPLACE INTO approval_decisions (id, proposal_id, decided_by, decision, reason, edited_amount, decided_at) VALUES ${DECISION}`, 'new'],
  ])("refuses %s, so bob's approval never turns into a reject (SQLite)", (_name, sql, idKind) => {
    expectRefused('approval_decisions', decisionId, sql, [idKind === 'same' ? decisionId : decisionId + 100, proposalId]);
  });

  it("refuses UPSERT on its (proposal, person) key, so bob's approval never turns into a reject", () => {
    const sql = `INSERT INTO approval_decisions (id, proposal_id, decided_by, decision, reason, edited_amount, decided_at) VALUES ${DECISION} ON CONFLICT(proposal_id, decided_by) DO UPDATE SET decision = 'reject'`;
    expectRefused('approval_decisions', decisionId, sql, [decisionId + 100, proposalId]);
  });

  it.skipIf(onPostgres)('refuses REPLACE over a proposal and over an issued invoice, by id and by invoice number (SQLite)', () => {
    expectRefused(
      'proposals',
      proposalId,
      `INSERT OR REPLACE INTO proposals SELECT id, tenant, kind, 'pending', account_id, invoice_id, currency, '999.00', summary, payload_json, requested_by, requester_kind, agent, thread_id, reason, 1, target_key, created_at, NULL, NULL, NULL FROM proposals WHERE id = ?`,
      [proposalId],
    );
    const inv = store.sqlite.prepare("SELECT id FROM invoices WHERE number = 'INV-000001'").get() as { id: number };
    const copy = `SELECT %ID%, account_id, period, kind, series, number, status, currency, '0.00', document_json, corrects_invoice_id, correction_key, created_at, issued_at FROM invoices WHERE id = ?`;
    expectRefused('invoices', inv.id, `REPLACE INTO invoices ${copy.replace('%ID%', 'id')}`, [inv.id]);
    // a new id with the same number: REPLACE would delete INV-000001 through the unique index
    expectRefused('invoices', inv.id, `INSERT OR REPLACE INTO invoices ${copy.replace('%ID%', '1000')}`, [inv.id]);
  });

  it('refuses an UPDATE (OR REPLACE, in SQLite) that would take an issued number and so delete the invoice holding it', () => {
    const [a, b] = store.sqlite.prepare("SELECT id FROM invoices WHERE number IN ('INV-000001', 'INV-000002') ORDER BY number").all() as Array<{ id: number }>;
    expectRefused('invoices', a!.id, `UPDATE${onPostgres ? '' : ' OR REPLACE'} invoices SET number = 'INV-000001' WHERE id = ?`, [b!.id]);
    expect(rowOf(store, 'invoices', b!.id)).toMatchObject({ number: 'INV-000002' });
  });
});

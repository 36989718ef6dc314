import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BILLING_CDRS } from '../cli/commands/testing/billing-setup.ts';
import { decideProposal } from '../graphs/approval/index.ts';
import { changeInvoiceStatus, getInvoice, issueHeldInvoice, listInvoices, markOverdueInvoices, notesFor, replaceUnissuedInvoice } from './invoice-store.ts';
import { getProposal, recordDecision } from './proposal-store.ts';
import { proposeInvoiceCredit } from '../app/proposals/index.ts';
import { createTempStore } from './testing/create-temp-store.ts';
import { onPostgres } from './testing/on-postgres.ts';
import { proposeTalkFeeWaiver, rowOf, setUpLedger, type LedgerUsers } from './testing/ledger-fixture.ts';

/* Issued invoices and notes, and proposals, are protected in the database itself: an attacker with
 * SQL access cannot change what was issued or proposed, while every status change the code makes
 * still works. */

let store: ReturnType<typeof createTempStore>;
let u: LedgerUsers;
afterEach(() => store.cleanup());

const refused = expect.objectContaining({ code: 'SQLITE_CONSTRAINT_TRIGGER' });
const idOf = (number: string) => getInvoice(store, number).id;

/** SQL setting text fields of a JSON column, as an attacker would write it on each engine (SQLite's json_set, PostgreSQL's jsonb_set). */
function jsonSet(column: string, fields: Record<string, string>): string {
  const entries = Object.entries(fields);
  if (!onPostgres) return `json_set(${column}, ${entries.map(([k, v]) => `'$.${k}', '${v}'`).join(', ')})`;
  return `${entries.reduce((doc, [k, v]) => `jsonb_set(${doc}, '{${k}}', '"${v}"')`, `${column}::jsonb`)}::text`;
}

function expectRefused(table: string, id: number, sql: string, params: unknown[] = [id]) {
  const before = rowOf(store, table, id);
  expect(before).toBeDefined();
  expect(() => store.sqlite.prepare(sql).run(...params)).toThrow(refused);
  expect(rowOf(store, table, id)).toEqual(before);
}

describe('issued invoices and notes (raw SQL)', () => {
  beforeEach(async () => {
    store = createTempStore();
    u = await setUpLedger(store);
  });

  it.each([
    ['its total', "UPDATE invoices SET total = '0.00' WHERE id = ?"],
    ['its document', `UPDATE invoices SET document_json = ${jsonSet('document_json', { total: '0.00' })} WHERE id = ?`],
    ['its number', "UPDATE invoices SET number = 'INV-999999' WHERE id = ?"],
    ['its account', "UPDATE invoices SET account_id = 'A2' WHERE id = ?"],
    ['its currency', "UPDATE invoices SET currency = 'EUR' WHERE id = ?"],
    ['its status back to draft', "UPDATE invoices SET status = 'draft', number = NULL WHERE id = ?"],
    ['a status it cannot reach (issued -> held)', "UPDATE invoices SET status = 'held' WHERE id = ?"],
    ['a status change that also edits the document', `UPDATE invoices SET status = 'paid', document_json = ${jsonSet('document_json', { status: 'paid', total: '0.00' })} WHERE id = ?`],
    ['its deletion', 'DELETE FROM invoices WHERE id = ?'],
  ])('refuses changing %s on an issued invoice', (_what, sql) => {
    expectRefused('invoices', idOf('INV-000001'), sql);
  });

  it('refuses editing or deleting an issued credit note, and a paid invoice is never voided (only a returned payment reopens it)', async () => {
    const p = proposeTalkFeeWaiver(store, u.alice);
    await decideProposal({ store, tenant: 't', actor: u.bob, today: '2025-04-05' }, p.id, { decision: 'approve', reason: 'checked the outage ticket' });
    const note = idOf('CN-000001');
    expectRefused('invoices', note, "UPDATE invoices SET total = '-999.00' WHERE id = ?");
    expectRefused('invoices', note, 'DELETE FROM invoices WHERE id = ?');
    changeInvoiceStatus(store, idOf('INV-000001'), 'paid');
    expectRefused('invoices', idOf('INV-000001'), `UPDATE invoices SET status = 'void', document_json = ${jsonSet('document_json', { status: 'void' })} WHERE id = ?`);
  });

  it('still makes every legitimate status change: overdue, paid, void', () => {
    expect(markOverdueInvoices(store, '2025-04-16')).toBe(2);
    expect(changeInvoiceStatus(store, idOf('INV-000001'), 'paid')).toMatchObject({ status: 'paid', total: getInvoice(store, 'INV-000001').total });
    expect(changeInvoiceStatus(store, idOf('INV-000002'), 'void').status).toBe('void');
    expect(getInvoice(store, 'INV-000001').document.status).toBe('paid');
    expect(
      listInvoices(store)
        .map((i) => [i.number, i.status])
        .sort(),
    ).toEqual([
      ['INV-000001', 'paid'],
      ['INV-000002', 'void'],
    ]);
  });
});

describe('held invoices until they are issued', () => {
  beforeEach(async () => {
    store = createTempStore();
    // a call no rule can classify holds A1's invoice
    u = await setUpLedger(store, [BILLING_CDRS[0]!, BILLING_CDRS[1]!, 'x1,voice,outbound,447700900123,,,,+447700900001,2025-03-06T10:00:00Z,60,answered,,', BILLING_CDRS[4]!]);
  });

  it('lets the code re-bill and issue a held invoice, with its number; refuses issuing it by hand with another total', () => {
    const held = listInvoices(store, { accountId: 'A1' })[0]!;
    expect(held.status).toBe('held');
    expectRefused('invoices', held.id, "UPDATE invoices SET status = 'issued', number = 'INV-000009', issued_at = 'x', total = '0.00' WHERE id = ?");
    const doc = getInvoice(store, String(held.id)).document;
    expect(replaceUnissuedInvoice(store, held.id, doc).status).toBe('held');
    const issued = issueHeldInvoice(store, held.id, '2025-04-03', 14);
    expect([issued.number, issued.status, issued.total]).toEqual(['INV-000002', 'issued', held.total]);
    expectRefused('invoices', held.id, "UPDATE invoices SET total = '0.00' WHERE id = ?");
    expect(changeInvoiceStatus(store, held.id, 'paid').status).toBe('paid');
  });

  it('lets the code void a held invoice', () => {
    const held = listInvoices(store, { accountId: 'A1' })[0]!;
    expect(changeInvoiceStatus(store, held.id, 'void').status).toBe('void');
    expect(notesFor(store, held.id)).toEqual([]);
  });
});

describe('proposals (raw SQL)', () => {
  beforeEach(async () => {
    store = createTempStore();
    u = await setUpLedger(store);
  });

  it.each([
    ['its amount', "UPDATE proposals SET amount = '999.00' WHERE id = ?"],
    ['its payload', `UPDATE proposals SET payload_json = ${jsonSet('payload_json', { lineId: 'other' })} WHERE id = ?`],
    ['its requester', "UPDATE proposals SET requested_by = 'mallory' WHERE id = ?"],
    ['its kind', "UPDATE proposals SET kind = 'credit' WHERE id = ?"],
    ['its target', "UPDATE proposals SET target_key = 'x', invoice_id = 2, account_id = 'A2' WHERE id = ?"],
    ['its quorum', 'UPDATE proposals SET required_approvals = 0 WHERE id = ?'],
    ['its tenant', "UPDATE proposals SET tenant = 'other' WHERE id = ?"],
    ['its status to posted without approval', "UPDATE proposals SET status = 'posted', posted_at = 'x', posting_ref = 'CN-1' WHERE id = ?"],
    ['its status to approved without any approval', "UPDATE proposals SET status = 'approved', decided_at = 'x' WHERE id = ?"],
    ['its deletion', 'DELETE FROM proposals WHERE id = ?'],
  ])('refuses changing %s', (_what, sql) => {
    expectRefused('proposals', proposeTalkFeeWaiver(store, u.alice).id, sql);
  });

  it('moves through its statuses: pending -> approved -> posted, and pending -> rejected; then nothing moves', async () => {
    const p = proposeTalkFeeWaiver(store, u.alice);
    const done = await decideProposal({ store, tenant: 't', actor: u.bob, today: '2025-04-05' }, p.id, { decision: 'approve', reason: 'checked the outage ticket' });
    expect(done).toMatchObject({ status: 'posted', postingRef: 'CN-000001' });
    expectRefused('proposals', p.id, "UPDATE proposals SET status = 'pending', posted_at = NULL, posting_ref = NULL WHERE id = ?");
    const q = proposeInvoiceCredit(store, { tenant: 't', userId: 'alice', kind: 'analyst' }, { kind: 'credit', invoice: 'INV-000002', amount: '1.00', reason: 'goodwill' }).proposal;
    expect(recordDecision(store, u.bob, q.id, { decision: 'reject', reason: 'no outage that day' }).status).toBe('rejected');
    expectRefused('proposals', q.id, "UPDATE proposals SET status = 'approved' WHERE id = ?");
    expect(getProposal(store, 't', q.id)).toMatchObject({ status: 'rejected', amount: '1.00' });
  });
});

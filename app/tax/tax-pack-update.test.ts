import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billPeriod } from '../billing/index.ts';
import { decideProposal } from '../../graphs/approval/graph.ts';
import { findPeriodInvoice, saveUser, type UserRecord } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { BillingError } from '../../tools/errors.ts';
import { createContext, systemClock, userActor } from '../context.ts';
import { runOperation } from '../operation.ts';
import { diffTaxPack, importTaxPack, listTaxPacks, previewTaxPack, proposeTaxPackAdoption } from './index.ts';
import { EU_VAT_2025_07, EU_VAT_2025_08, setUpEuVatOperator } from './testing/eu-vat-operator.ts';

let store: ReturnType<typeof createTempStore>;
let users: ReturnType<typeof setUpEuVatOperator>;
const as = (user: UserRecord, today = '2025-07-20') => createContext({ store, actor: userActor(user), clock: systemClock(today) });
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof BillingError ? e.code : String(e)),
  );
const vatOf = (accountId: string, period: string) => {
  const inv = findPeriodInvoice(store, accountId, period)!;
  return { total: inv.total, taxes: inv.document.taxes.map((t) => `${t.taxId} ${t.ratePercent ?? '-'}% ${t.amount}`) };
};

/** Imports a version, proposes it (alice) and approves it (bob): the whole four-eyes path. */
async function adopt(text: string, version: string, today: string) {
  await runOperation(importTaxPack, as(users.ada, today), { text, fileName: `eu-vat-${version}.json` });
  const { proposal } = await runOperation(proposeTaxPackAdoption, as(users.alice, today), { packId: 'eu-vat', version, reason: 'the law changed' });
  return { proposal, decided: await decideProposal({ store, tenant: 't', actor: users.bob, today }, proposal.id, { decision: 'approve', reason: 'checked against the source' }) };
}

beforeEach(() => {
  store = createTempStore();
  users = setUpEuVatOperator(store);
});
afterEach(() => store.cleanup());

describe("a pack update, worked on Romania's VAT change of 2025-08-01 (Law 141/2025)", () => {
  it('diffs, previews without touching stored invoices, adopts through approval, and bills across the change date', async () => {
    // An operator in July 2025: the pack as it stood then (Romania 19%) is the one in force.
    await adopt(EU_VAT_2025_07, '2025-07', '2025-07-01');
    billPeriod(store, { period: '2025-06', timezone: 'UTC', issueDate: '2025-07-01' });
    expect(vatOf('R1', '2025-06')).toEqual({ total: '11.90', taxes: ['EU-VAT-RO 19% 1.90'] });
    const june = ['R1', 'R2', 'RB', 'D1'].map((a) => vatOf(a, '2025-06').total);

    // The law is published: the new version is imported and waits.
    const imported = await runOperation(importTaxPack, as(users.ada, '2025-07-26'), { text: EU_VAT_2025_08, fileName: 'eu-vat-2025-08.json' });
    expect(imported).toMatchObject({ created: true, inForce: '2025-07', version: { status: 'imported', effectiveFrom: '2025-08-01' } });
    const diff = await runOperation(diffTaxPack, as(users.alice), { packId: 'eu-vat', version: '2025-08' });
    expect(diff.changes.map((c) => c.words)).toEqual(['VAT (Romania) (EU-VAT-RO): 19% -> 21% from 2025-08-01']);

    // June billed again as on 2025-08-01: only the Romanian consumers change, by 2% of 10.00 each.
    const preview = await runOperation(previewTaxPack, as(users.alice), { packId: 'eu-vat', version: '2025-08' });
    expect(preview).toMatchObject({ period: '2025-06', asOf: '2025-08-01', invoices: 4, changed: 2, failing: 0, totals: [{ currency: 'EUR', difference: '0.40' }] });
    expect(preview.groups.map((g) => [g.jurisdiction, g.segment, g.invoices, g.changed, g.difference])).toEqual([
      ['DE', 'consumer', 1, 0, '0.00'],
      ['RO', 'consumer', 2, 2, '0.40'],
      ['RO', 'small_business', 1, 0, '0.00'],
    ]);
    expect(preview.examples.map((e) => [e.accountId, e.before, e.after, e.difference])).toEqual([
      ['R1', '11.90', '12.10', '0.20'],
      ['R2', '11.90', '12.10', '0.20'],
    ]);
    expect(['R1', 'R2', 'RB', 'D1'].map((a) => vatOf(a, '2025-06').total)).toEqual(june);

    // Until it is approved nothing bills with it; the proposer cannot approve it herself.
    const { proposal } = await runOperation(proposeTaxPackAdoption, as(users.alice, '2025-07-28'), { packId: 'eu-vat', version: '2025-08', reason: 'Law 141/2025' });
    expect(proposal).toMatchObject({ kind: 'adopt_tax_pack', status: 'pending', amount: '0', payload: { replaces: '2025-07', preview: { period: '2025-06', changed: 2 } } });
    await expect(code(decideProposal({ store, tenant: 't', actor: users.alice, today: '2025-07-28' }, proposal.id, { decision: 'approve', reason: 'mine' }))).resolves.toBe('FORBIDDEN');
    const decided = await decideProposal({ store, tenant: 't', actor: users.bob, today: '2025-07-29' }, proposal.id, { decision: 'approve', reason: 'checked against Monitorul Oficial 699' });
    expect(decided.status).toBe('posted');
    const listed = await runOperation(listTaxPacks, as(users.alice), { packId: 'eu-vat' });
    expect(listed.inForce).toEqual([{ packId: 'eu-vat', name: 'EU VAT (standard rates)', version: '2025-08', illustrative: false }]);
    expect(listed.versions.map((v) => [v.version, v.status])).toEqual([
      ['2025-07', 'superseded'],
      ['2025-08', 'adopted'],
    ]);

    // July: R1 (1-31 July) is all before the change; R2's period, 15 July - 14 August, is split at it.
    billPeriod(store, { period: '2025-07', timezone: 'UTC', issueDate: '2025-08-01' });
    expect(vatOf('R1', '2025-07')).toEqual({ total: '11.90', taxes: ['EU-VAT-RO 19% 1.90'] });
    const r2 = vatOf('R2', '2025-07');
    expect(r2.taxes.map((t) => t.split(' ').slice(0, 2).join(' '))).toEqual(['EU-VAT-RO 19%', 'EU-VAT-RO 21%']);
    billPeriod(store, { period: '2025-08', timezone: 'UTC', issueDate: '2025-09-01' });
    expect(vatOf('R1', '2025-08')).toEqual({ total: '12.10', taxes: ['EU-VAT-RO 21% 2.10'] });
    expect(vatOf('D1', '2025-08').taxes).toEqual(['EU-VAT-DE 19% 1.90']);
    expect(vatOf('RB', '2025-08').total).toBe('10.00');
    // June's invoices, issued under the earlier version, are never changed.
    expect(['R1', 'R2', 'RB', 'D1'].map((a) => vatOf(a, '2025-06').total)).toEqual(june);
  });

  it('refuses a version that would rewrite rates before its effective date, and only an admin of the operator imports', async () => {
    await adopt(EU_VAT_2025_07, '2025-07', '2025-07-01');
    const late = JSON.stringify({ ...JSON.parse(EU_VAT_2025_08), version: '2025-09', effectiveFrom: '2025-09-01' });
    await expect(runOperation(importTaxPack, as(users.ada), { text: late })).rejects.toThrow(/changes rates before its effective date 2025-09-01/);
    await expect(code(runOperation(importTaxPack, as(users.alice), { text: EU_VAT_2025_08 }))).resolves.toBe('FORBIDDEN');
    const other = saveUser(store, { id: 'uma', tenant: 'u', name: 'Uma', roles: ['admin'] });
    await expect(code(runOperation(importTaxPack, as(other), { text: EU_VAT_2025_08 }))).resolves.toBe('FORBIDDEN');
    await expect(code(runOperation(importTaxPack, as(users.ada), { text: '{"packId":' }))).resolves.toBe('INVALID_CONFIG');
  });

  it('imports the same file twice as one version, and refuses other content under a taken label', async () => {
    const first = await runOperation(importTaxPack, as(users.ada), { text: EU_VAT_2025_08 });
    const again = await runOperation(importTaxPack, as(users.ada), { text: EU_VAT_2025_08 });
    expect([first.created, again.created]).toEqual([true, false]);
    const changed = JSON.stringify({ ...JSON.parse(EU_VAT_2025_08), summary: 'another text for the same version label' });
    await expect(code(runOperation(importTaxPack, as(users.ada), { text: changed }))).resolves.toBe('CONFLICT');
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, systemClock } from '../../app/context.ts';
import { BILLING_CDRS, ingestAndRate, setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { getCycleRun, listProposals, listTenantInvoices } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { dec } from '../../tools/money/index.ts';
import { cycleThreadId, documentsFolder, runCycle, type CycleDeps } from './index.ts';
import { approvalThreadId, buildApprovalGraph } from '../approval/index.ts';

let store: ReturnType<typeof createTempStore>;
afterEach(() => store.cleanup());

/** A1 calls something the rules cannot classify; its notes say it went to voicemail. */
const UNCLASSIFIED = 'u1,voice,outbound,447700900123,,,,abc,2025-03-06T10:00:00Z,60,answered,,left a voicemail';

const deps = (extra: Partial<CycleDeps> = {}): CycleDeps => ({
  ctx: createContext({ store, actor: { id: 'ada', kind: 'user', tenant: 't', roles: ['admin'] }, clock: systemClock('2026-01-01') }),
  options: {},
  ...extra,
});
const invoicesOf = () => listTenantInvoices(store, 't', { period: '2025-03', kind: 'invoice' });

describe('the billing cycle graph on a clean period (real SQLite)', () => {
  beforeEach(async () => {
    store = createTempStore();
    setUpBillingOperator(store);
    await ingestAndRate(store);
  });

  it('bills end to end with 0 model calls; the report matches the invoices; documents beside the database', async () => {
    const { report, run } = await runCycle(deps(), '2025-03');
    expect(report.model).toEqual({ calls: 0, promptTokens: 0, completionTokens: 0, totalTokens: 0 });
    expect(report.status).toBe('done');
    expect(run).toMatchObject({ status: 'done', runs: 1, threadId: cycleThreadId('t', '2025-03') });
    expect(report.steps.map((s) => s.step)).toEqual(['close_usage', 'rate', 'categorise', 'bill', 'audit', 'hold', 'documents']);
    const invs = invoicesOf();
    expect(invs.map((i) => [i.accountId, i.status])).toEqual(
      expect.arrayContaining([
        ['A1', 'issued'],
        ['A2', 'issued'],
      ]),
    );
    const sum = invs.reduce((a, i) => a.plus(dec(i.total)), dec(0)).toFixed();
    expect(report.invoices.issued).toEqual([{ currency: 'GBP', total: sum, count: 2 }]);
    expect(report.steps.find((s) => s.step === 'bill')!.money).toEqual([{ currency: 'GBP', total: sum, count: 2 }]);
    expect(readdirSync(documentsFolder(deps(), '2025-03')).sort()).toEqual(['INV-000001.pdf', 'INV-000001.xml', 'INV-000002.pdf', 'INV-000002.xml']);
    expect(getCycleRun(store, 't', '2025-03')!.report).toEqual(report);
  });

  it('resumes after a crash mid-way: the steps done are not redone, one invoice per account, gapless numbers', async () => {
    const ran: string[] = [];
    let crashed = false;
    const onStep = (s: string) => {
      ran.push(s);
      if (s === 'audit' && !crashed) {
        crashed = true;
        throw new Error('killed');
      }
    };
    await expect(runCycle(deps({ onStep }), '2025-03')).rejects.toThrow('killed');
    expect(getCycleRun(store, 't', '2025-03')).toMatchObject({ status: 'failed', error: 'killed' });
    expect(ran).toEqual(['close_usage', 'rate', 'categorise', 'bill_shard', 'bill', 'audit_shard', 'audit']);
    ran.length = 0;
    const { report, resumed, run } = await runCycle(deps({ onStep }), '2025-03');
    expect(resumed).toBe(true);
    expect(run).toMatchObject({ status: 'done', runs: 2 });
    expect(ran).toEqual(['audit', 'hold', 'document_shard', 'documents']);
    // The bill step's figures are those of the run before the crash, kept in the checkpoint.
    expect(report.steps.find((s) => s.step === 'bill')!.counts).toMatchObject({ created: 2, issued: 2 });
    expect(
      invoicesOf()
        .map((i) => i.number)
        .sort(),
    ).toEqual(['INV-000001', 'INV-000002']);
  });

  it('keeps a finished shard through a crash of another and bills each account once', async () => {
    // The fixture's two accounts make two shards of one account each.
    let shardCalls = 0;
    const onStep = (s: string) => {
      if (s !== 'bill_shard') return;
      shardCalls++;
      if (shardCalls === 2) throw new Error('killed in shard');
    };
    await expect(runCycle(deps({ onStep, options: { shardSize: 1 } }), '2025-03')).rejects.toThrow('killed in shard');
    const { report } = await runCycle(deps({ onStep, options: { shardSize: 1 } }), '2025-03');
    expect(report.steps.find((s) => s.step === 'bill')!.counts).toMatchObject({ shards: 2, created: 2, failed: 0 });
    // The shard that finished before the crash was not billed again (its write was checkpointed).
    expect(shardCalls).toBe(3);
    const numbers = invoicesOf()
      .map((i) => i.number)
      .sort();
    expect(numbers).toEqual(['INV-000001', 'INV-000002']);
  });

  it('running it again creates nothing new', async () => {
    await runCycle(deps(), '2025-03');
    const { report, resumed, run } = await runCycle(deps(), '2025-03');
    expect(resumed).toBe(false);
    expect(run.runs).toBe(2);
    expect(report.steps.find((s) => s.step === 'bill')!.counts).toMatchObject({ created: 0, alreadyPresent: 2 });
    expect(report.steps.find((s) => s.step === 'documents')!.counts).toMatchObject({ written: 0, skipped: 2 });
    expect(invoicesOf()).toHaveLength(2);
  });

  it('refuses a period whose late-CDR window is still open', async () => {
    const early = deps({ ctx: createContext({ store, actor: { id: 'ada', kind: 'user', tenant: 't', roles: ['admin'] }, clock: systemClock('2025-04-02') }), options: { lateCdrDays: 3 } });
    await expect(runCycle(early, '2025-03')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(invoicesOf()).toHaveLength(0);
  });
});

describe('the billing cycle graph with a record the rules cannot classify', () => {
  beforeEach(async () => {
    store = createTempStore();
    setUpBillingOperator(store);
    await ingestAndRate(store, [...BILLING_CDRS, UNCLASSIFIED]);
  });

  it('sends only that record to the categoriser, holds the invoice with a release proposal waiting in approvals', async () => {
    const { report } = await runCycle(deps(), '2025-03');
    expect(report.steps.find((s) => s.step === 'categorise')!.counts).toMatchObject({ unclassified: 1, sentToCategoriser: 1 });
    expect(report.model.calls).toBe(1);
    // The categoriser's suggestion became a proposal, waiting like the release.
    const recat = listProposals(store, 't', { kind: 'recategorise' });
    expect(recat).toEqual([expect.objectContaining({ status: 'pending', requestedBy: 'cycle' })]);
    expect(report.waiting.map((w) => w.proposalId)).toContain(recat[0]!.id);
    expect(report.status).toBe('waiting');
    const a1 = invoicesOf().find((i) => i.accountId === 'A1')!;
    expect(a1).toMatchObject({ status: 'held', number: null });
    expect(invoicesOf().find((i) => i.accountId === 'A2')).toMatchObject({ status: 'issued', number: 'INV-000001' });
    expect(report.held).toEqual([expect.objectContaining({ invoiceId: a1.id, accountId: 'A1', reasons: [expect.objectContaining({ code: 'UNRATED_USAGE' })] })]);
    const release = listProposals(store, 't', { kind: 'release_hold' });
    expect(release).toHaveLength(1);
    expect(release[0]).toMatchObject({ status: 'pending', invoiceId: a1.id, requestedBy: 'cycle' });
    expect(report.waiting.map((w) => w.proposalId)).toContain(release[0]!.id);
    // Its approval thread waits at its interrupt for a person.
    const approval = await buildApprovalGraph({ store, tenant: 't' }).getState({ configurable: { thread_id: approvalThreadId(release[0]!.id) } });
    expect(approval.next).toEqual(['await_decision']);
    // Only the issued invoice has documents.
    expect(existsSync(`${documentsFolder(deps(), '2025-03')}/INV-000001.pdf`)).toBe(true);
    expect(readdirSync(documentsFolder(deps(), '2025-03'))).toHaveLength(2);

    const proposalsBefore = listProposals(store, 't').length;
    const again = await runCycle(deps(), '2025-03');
    expect(listProposals(store, 't')).toHaveLength(proposalsBefore);
    expect(listProposals(store, 't', { kind: 'release_hold' })).toHaveLength(1);
    expect(again.report.steps.find((s) => s.step === 'hold')!.counts).toEqual({ held: 1, proposalsOpened: 0 });
    expect(invoicesOf()).toHaveLength(2);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountPeriodInvoice, getProposal, listInvoices, listTenantEvents, listTenantInvoices, listTenantQuarantine, suggestEventCategory, tenantEvent, tenantInvoice } from '../../db/index.ts';
import { accountCollections } from '../../app/proposals/index.ts';
import { previewRerate } from '../../app/rerate/index.ts';
import { whatIfAccount } from '../../app/whatif/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { importTariff, ingestAndRate } from '../../cli/commands/testing/billing-setup.ts';
import { TEST_TARIFF_YAML } from '../../tools/charging/testing/charging-fixtures.ts';
import { compareInvoices, explainInvoice, findBillJump } from '../../tools/audit/index.ts';
import { checkInvoiceCompliance } from '../../tools/compliance/index.ts';
import { describeCapabilities } from '../../agents/model/rules-chat-model.ts';
import { billApril, chat, setUpChat, toolNames, UNREADABLE_CDRS, type ChatUsers } from './testing/chat-setup.ts';

/* Each request is routed by the supervisor to the right specialist, which calls the right tools;
 * every figure in the answer is the one the tools compute (the same functions called directly). */

let store: ReturnType<typeof createTempStore>;
let u: ChatUsers;

beforeEach(async () => {
  store = createTempStore();
  u = await setUpChat(store);
});
afterEach(() => store.cleanup());

describe('auditor', () => {
  it('explains an invoice line by line with the amounts explain_invoice computes', async () => {
    const r = await chat(store, u.alice, 'Explain invoice INV-000001');
    expect(r.agents).toEqual(['supervisor', 'auditor']);
    expect(r.tools).toEqual([{ name: 'explain_invoice', ok: true }]);
    const x = explainInvoice(tenantInvoice(store, 't', 'INV-000001').document, { maxEventsPerLine: 3 });
    expect([x.header.total, x.header.subtotal, x.header.taxTotal]).toEqual(['12.35', '10.29', '2.06']);
    expect(r.answer).toContain(`Invoice INV-000001 for Ada Lovelace (account A1), ${x.header.period.from} to ${x.header.period.to}, status issued.`);
    expect(r.answer).toContain('Total 12.35 GBP = lines 10.29 + taxes 2.06 (the lines and taxes add up).');
    expect(x.lines.map((l) => l.amount)).toEqual(['10.00', '0.29']);
    for (const l of x.lines) expect(r.answer).toContain(`  - ${l.description} (447700900123): ${l.amount} — ${l.calculation}`);
    expect(x.taxes.map((t) => [t.name, t.amount])).toEqual([['VAT', '2.06']]);
    expect(r.answer).toContain(`  - VAT: 2.06 — ${x.taxes[0]!.calculation}`);
    expect(r.answer).toMatch(/\(Figures from: explain_invoice\.\)$/);
  });

  it("finds account A1's 2025-03 invoice, then explains it", async () => {
    const r = await chat(store, u.alice, "explain account A1's 2025-03 invoice");
    expect(r.agents).toEqual(['supervisor', 'auditor']);
    expect(toolNames(r)).toEqual(['find_invoice', 'explain_invoice']);
    expect(r.answer).toContain('Invoice INV-000001 for Ada Lovelace (account A1)');
    expect(r.answer).toContain('Total 12.35 GBP = lines 10.29 + taxes 2.06');
    // the look-up that led to the answer is not repeated
    expect(r.answer).not.toContain("Account A1's invoice for 2025-03 is");
    expect(r.answer).toContain('(Figures from: find_invoice, explain_invoice.)');
  });

  it('compares two billing months with the figures compare_periods computes', async () => {
    await billApril(store);
    const [march, april] = [accountPeriodInvoice(store, 't', 'A1', '2025-03'), accountPeriodInvoice(store, 't', 'A1', '2025-04')];
    expect(april).toMatchObject({ number: 'INV-000003', status: 'issued' });
    const c = compareInvoices(march.document, april.document);
    const r = await chat(store, u.alice, 'compare account A1 2025-04 with 2025-03');
    expect(r.agents).toEqual(['supervisor', 'auditor']);
    expect(r.tools).toEqual([{ name: 'compare_periods', ok: true }]);
    expect(r.answer).toContain(
      `INV-000003 (2025-04) total ${april.total} against INV-000001 (2025-03) total 12.35: change ${c.delta.total} GBP (lines ${c.delta.subtotal}, taxes ${c.delta.taxTotal}).`,
    );
    // a 10-minute call to France at 0.50 a minute is the largest change
    expect(c.causes[0]!.sentence).toContain('5.00');
    expect(r.answer).toContain(`  - ${c.causes[0]!.sentence}`);
  });

  it('says why the bill went up: the bill-shock rule and the change against the month before', async () => {
    await billApril(store);
    const [march, april] = [accountPeriodInvoice(store, 't', 'A1', '2025-03'), accountPeriodInvoice(store, 't', 'A1', '2025-04')];
    const jump = findBillJump(april.document, [{ period: march.period, total: march.total }]);
    const c = compareInvoices(march.document, april.document);
    const r = await chat(store, u.alice, "why did account A1's bill go up?");
    expect(r.agents).toEqual(['supervisor', 'auditor']);
    expect(r.tools).toEqual([{ name: 'explain_bill_change', ok: true }]);
    expect(r.answer).toContain(`Account A1, invoice INV-000003 for 2025-04: ${jump.sentence}`);
    expect(jump.sentence).toContain('(12.35)');
    expect(r.answer).toContain(`change ${c.delta.total} GBP`);
  });

  it('lists held invoices with their hold reasons, and proposes releasing one', async () => {
    await billApril(store, UNREADABLE_CDRS.slice(0, 2));
    const held = listTenantInvoices(store, 't', { status: 'held' });
    expect(held.map((h) => [h.accountId, h.period])).toEqual([['A1', '2025-04']]);
    const r = await chat(store, u.alice, 'show flagged invoices');
    expect(r.agents).toEqual(['supervisor', 'auditor']);
    expect(r.tools).toEqual([{ name: 'list_flagged_invoices', ok: true }]);
    expect(r.answer).toContain(
      `1 held invoices:\n  - invoice id ${held[0]!.id}, account A1, 2025-04, total ${held[0]!.total} GBP: held for UNRATED_USAGE (1 usage events of this account in the period are not rated`,
    );
    expect(r.answer).toContain('0 proposals wait for approval.');

    const release = await chat(store, u.alice, `release held invoice ${held[0]!.id}, the unreadable call is being fixed`);
    expect(release.agents).toEqual(['supervisor', 'auditor']);
    expect(release.tools).toEqual([{ name: 'propose_release', ok: true }]);
    expect(release.proposals).toMatchObject([{ kind: 'release_hold', status: 'pending', amount: held[0]!.total }]);
    expect(tenantInvoice(store, 't', String(held[0]!.id)).status).toBe('held');
  });
});

describe('rater', () => {
  it('explains how an event was priced', async () => {
    const e = tenantEvent(store, 't', 1);
    // 8 minutes to a mobile: 0.05 connect + 8 x 0.06
    expect(e.cost).toBe('0.53');
    const r = await chat(store, u.alice, 'how was event 1 priced?');
    expect(r.agents).toEqual(['supervisor', 'rater']);
    expect(r.tools).toEqual([{ name: 'explain_event_rating', ok: true }]);
    expect(r.answer).toContain('Event #1: voice outbound from 447700900123 to +447812345678');
    expect(r.answer).toContain(`category mobile, status rated.\nRated cost 0.53 GBP with tariff version ${e.tariffVersionId}.`);
    expect(r.answer).toContain('rating plan RP_CALLS');
  });

  it('prices the month on another plan with what_if_plan', async () => {
    const s = whatIfAccount(store, 'A1', '2025-03', 'PLAN_20').scenarios[0]!;
    const r = await chat(store, u.alice, 'what would account A1 pay on plan PLAN_20 in 2025-03?');
    expect(r.agents).toEqual(['supervisor', 'rater']);
    expect(r.tools).toEqual([{ name: 'what_if_plan', ok: true }]);
    expect(s).toMatchObject({ currentPlanId: 'PLAN_10', planId: 'PLAN_20' });
    expect('currentAmount' in s && s.currentAmount).toBe('10.29');
    expect(r.answer).toContain('What-if for account A1, 2025-03 (GBP, before tax):');
    if (!('currentAmount' in s)) throw new Error('PLAN_20 should be comparable');
    expect(r.answer).toContain(`  - 447700900123: PLAN_10 10.29 vs PLAN_20 ${s.alternativeAmount} (saving ${s.saving})`);
  });

  it('proposes a re-rate after a corrected tariff is imported, with the credit note the preview computes, and changes nothing yet', async () => {
    const none = await chat(store, u.alice, 're-rate account A1 for 2025-03');
    expect(none.tools).toEqual([{ name: 'propose_rerate', ok: false }]);
    expect(none.answer).toContain('changes nothing: every event already has its current price (CONFLICT)');

    // mobile calls lose their connect fee and cost 0.05 a minute (as cli/commands/rerate.test.ts)
    importTariff(store, TEST_TARIFF_YAML.replace('RT_MOBILE: { connectFee: "0.05", rate: "0.06"', 'RT_MOBILE: { connectFee: "0", rate: "0.05"'));
    const preview = previewRerate(store, 'A1', '2025-03');
    expect(preview.notes).toEqual([{ accountId: 'A1', kind: 'credit_note', number: 'CN-000001', total: '-0.11', corrects: 'INV-000001' }]);
    const r = await chat(store, u.alice, 're-rate account A1 for 2025-03, the mobile rate was corrected');
    expect(r.agents).toEqual(['supervisor', 'rater']);
    expect(r.tools).toEqual([{ name: 'propose_rerate', ok: true }]);
    expect(r.proposals).toMatchObject([{ kind: 'rerate', status: 'pending', amount: '0.11', currency: 'GBP' }]);
    expect(r.answer).toContain(
      `Proposal ${r.proposals[0]!.id} created (rerate): Re-rate A1 for 2025-03: ${preview.events.repriced} of ${preview.events.considered} events change price; credit note of -0.11 GBP.`,
    );
    expect(r.answer).toContain('Amount 0.11 GBP, computed by the billing tools.');
    expect(listInvoices(store, { accountId: 'A1' }).map((i) => i.number)).toEqual(['INV-000001']);
    expect(tenantEvent(store, 't', 1).cost).toBe('0.53');
  });
});

describe('compliance', () => {
  it('checks an invoice against its rule pack', async () => {
    const inv = tenantInvoice(store, 't', 'INV-000001');
    const check = checkInvoiceCompliance(inv.document);
    const r = await chat(store, u.alice, 'check invoice INV-000001 for compliance');
    expect(r.agents).toEqual(['supervisor', 'compliance']);
    expect(r.tools).toEqual([{ name: 'check_invoice_compliance', ok: true }]);
    expect(check).toMatchObject({ jurisdiction: 'GB', passed: true, findings: [] });
    expect(r.answer).toContain(`Invoice INV-000001 (GB, pack ${check.packId}): passes — 0 findings.`);
  });
});

describe('collections', () => {
  it("reports an account's standing as account_standing computes it", async () => {
    const today = '2025-04-20';
    const { standing, dunning } = accountCollections(store, 't', 'A1', today);
    const row = standing.rows[0]!;
    expect([standing.openBalance, standing.overdueBalance, row.number, row.open]).toEqual(['12.35', '12.35', 'INV-000001', '12.35']);
    const r = await chat(store, u.alice, 'what is the standing of account A1?', undefined, today);
    expect(r.agents).toEqual(['supervisor', 'collections']);
    expect(r.tools).toEqual([{ name: 'account_standing', ok: true }]);
    expect(r.answer).toContain(`Account A1 on 2025-04-20: open balance 12.35 GBP, of which overdue 12.35 (oldest ${standing.daysPastDue} days past due).`);
    expect(r.answer).toContain(`  - INV-000001: open 12.35 of 12.35, due ${row.dueDate} (${row.bucket})`);
    expect(r.answer).toContain(`Dunning: ${dunning.summary}`);
  });

  it('proposes a payment plan of 3 instalments that add up to the open balance', async () => {
    const r = await chat(store, u.alice, 'set up a payment plan of 3 instalments for account A1, customer lost their job');
    expect(r.agents).toEqual(['supervisor', 'collections']);
    expect(r.tools).toEqual([{ name: 'propose_payment_plan', ok: true }]);
    expect(r.proposals).toMatchObject([{ kind: 'payment_plan', status: 'pending', amount: '12.35', currency: 'GBP' }]);
    const p = getProposal(store, 't', r.proposals[0]!.id);
    const instalments = (p.payload as { instalments: Array<{ amount: string; dueDate: string }> }).instalments;
    expect(instalments.map((i) => i.dueDate)).toEqual(['2025-04-19', '2025-05-19', '2025-06-19']);
    expect(instalments.reduce((s, i) => s + Math.round(Number(i.amount) * 100), 0)).toBe(1235);
    expect(r.answer).toContain(`Payment plan for A1: 12.35 GBP in 3 monthly instalments (${instalments.map((i) => `${i.amount} on ${i.dueDate}`).join(', ')})`);
  });

  it('proposes waiving the monthly fee: 10.00 net + 2.00 VAT = 12.00', async () => {
    const r = await chat(store, u.alice, 'Please waive the monthly fee on invoice INV-000001, network outage on 3 March');
    expect(r.agents).toEqual(['supervisor', 'collections']);
    expect(r.tools).toEqual([{ name: 'propose_fee_waiver', ok: true }]);
    expect(r.proposals).toMatchObject([{ kind: 'fee_waiver', status: 'pending', amount: '10.00', requiredApprovals: 1 }]);
    const p = getProposal(store, 't', r.proposals[0]!.id);
    expect(p.payload).toMatchObject({ preview: { subtotal: '-10.00', taxTotal: '-2.00', total: '-12.00' } });
    expect(r.answer).toContain('Waive Talk 10 monthly fee on invoice INV-000001: credit note of 10.00 net + 2.00 tax = 12.00 GBP.');
    expect(r.answer).toContain(`Nothing has changed yet: proposal ${p.id} waits for an approver other than alice.`);
    expect(listInvoices(store, { accountId: 'A1' })).toHaveLength(1);
  });

  it('proposes a goodwill credit with its tax computed by the tools', async () => {
    const r = await chat(store, u.alice, 'credit 2.50 on invoice INV-000001, goodwill for the outage');
    expect(r.agents).toEqual(['supervisor', 'collections']);
    expect(r.tools).toEqual([{ name: 'propose_credit', ok: true }]);
    expect(r.proposals).toMatchObject([{ kind: 'credit', amount: '2.50' }]);
    expect(getProposal(store, 't', r.proposals[0]!.id).payload).toMatchObject({ preview: { subtotal: '-2.50', taxTotal: '-0.50', total: '-3.00' } });
    expect(r.answer).toContain('Credit 2.50 GBP against Talk 10 monthly fee on invoice INV-000001: credit note of 2.50 net + 0.50 tax = 3.00 GBP.');
  });
});

describe('categoriser', () => {
  beforeEach(async () => {
    // April usage, not billed: one call the classifier cannot read, one line the reader cannot parse
    await ingestAndRate(store, UNREADABLE_CDRS);
  });
  const unreadable = () => listTenantEvents(store, 't', { status: 'unclassified' })[0]!;

  it('lists unclassified events and quarantined records', async () => {
    const e = unreadable();
    const [q] = listTenantQuarantine(store, 't');
    expect(e).toMatchObject({ otherParty: '12#34', category: 'unclassified' });
    const r = await chat(store, u.alice, 'show unclassified or quarantined records');
    expect(r.agents).toEqual(['supervisor', 'categoriser']);
    expect(r.tools).toEqual([{ name: 'list_unclassified_records', ok: true }]);
    expect(r.answer).toContain(`1 unclassified events:\n  - event #${e.id} 447700900123 -> 12#34: ${e.reason}`);
    expect(r.answer).toContain(`1 quarantined records:\n  - #${q!.id} (batch ${q!.batchId}, line ${q!.lineNo}): ${q!.reason} — ${q!.message}`);
  });

  it('suggests a category for an event from its fields', async () => {
    const e = unreadable();
    const s = suggestEventCategory(store, 't', e.id);
    expect(s.proposed).toMatchObject({ category: 'premium_rate', confidence: 'medium' });
    const r = await chat(store, u.alice, `suggest a category for event ${e.id}`);
    expect(r.agents).toEqual(['supervisor', 'categoriser']);
    expect(r.tools).toEqual([{ name: 'suggest_category', ok: true }]);
    expect(r.answer).toContain(`Event #${e.id} is unclassified (unclassified: ${e.reason}).`);
    expect(r.answer).toContain('Suggested category: premium_rate (medium confidence, from patterns in free-text fields).');
    expect(r.answer).toContain(`To apply it, ask: recategorise event ${e.id} as premium_rate`);
  });

  it('proposes recategorising an event as international, with the re-rated cost previewed', async () => {
    const e = unreadable();
    const r = await chat(store, u.alice, `recategorise event ${e.id} as international, the customer called abroad`);
    expect(r.agents).toEqual(['supervisor', 'categoriser']);
    expect(r.tools).toEqual([{ name: 'propose_recategorisation', ok: true }]);
    // one minute at the international rate of 0.50 a minute
    expect(r.proposals).toMatchObject([{ kind: 'recategorise', status: 'pending', amount: '0.5' }]);
    expect(r.answer).toContain(`Recategorise event ${e.id} from unclassified to international: rated cost none -> 0.5 GBP.`);
    // nothing changes until someone approves; then the event is rated as the preview said
    expect(tenantEvent(store, 't', e.id)).toMatchObject({ category: 'unclassified', cost: null });
    const ok = await chat(store, u.bob, `approve proposal ${r.proposals[0]!.id}, matches the customer's statement`);
    expect(ok.answer).toContain(`Proposal ${r.proposals[0]!.id} approved and posted: rerate `);
    expect(tenantEvent(store, 't', e.id)).toMatchObject({ category: 'international', status: 'rated', cost: '0.5' });
  });
});

describe('the supervisor itself', () => {
  const waive = async () => (await chat(store, u.alice, 'waive the monthly fee on invoice INV-000001, outage')).proposals[0]!;
  const credit = async () => (await chat(store, u.alice, 'credit 1.00 on invoice INV-000002, late delivery')).proposals[0]!;

  it('lists pending proposals with its own tool, without a specialist', async () => {
    const [a, b] = [await waive(), await credit()];
    const r = await chat(store, u.bob, "what's pending approval?");
    expect(r.agents).toEqual(['supervisor']);
    expect(r.tools).toEqual([{ name: 'list_proposals', ok: true }]);
    expect(r.answer).toContain('2 proposals:');
    expect(r.answer).toContain(`  - proposal ${b.id} [pending] credit, asked by alice: ${b.summary}\n  - proposal ${a.id} [pending] fee_waiver, asked by alice: ${a.summary}`);
  });

  it('shows one proposal in full', async () => {
    const p = await waive();
    const r = await chat(store, u.bob, `show proposal ${p.id}`);
    expect(r.agents).toEqual(['supervisor']);
    expect(r.tools).toEqual([{ name: 'show_proposal', ok: true }]);
    expect(r.answer).toContain(`Proposal ${p.id} [pending] fee_waiver for account A1: ${p.summary}`);
    expect(r.answer).toContain('Amount 10.00 GBP; asked by alice through the collections agent: "waive the monthly fee on invoice INV-000001, outage". Needs 1 approval(s).');
  });

  it('answers help with what it can do, calling no tool', async () => {
    const r = await chat(store, u.alice, 'help');
    expect(r.agents).toEqual(['supervisor']);
    expect(r.tools).toEqual([]);
    expect(r.answer).toBe(`I am the offline assistant (no language model configured). I can:\n${describeCapabilities()}`);
    expect(r.answer).toContain('  - explain invoice INV-');
  });

  it('says when it does not understand, and lists what it can do', async () => {
    const r = await chat(store, u.alice, 'make me a sandwich');
    expect(r.agents).toEqual(['supervisor']);
    expect(r.tools).toEqual([]);
    expect(r.proposals).toEqual([]);
    expect(r.answer).toContain('I did not understand "make me a sandwich". I understand requests like these:');
    expect(r.answer).toContain(describeCapabilities());
  });
});

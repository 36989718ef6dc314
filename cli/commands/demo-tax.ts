import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { createContext, localActor, runOperation, userActor } from '../../app/index.ts';
import { diffTaxPack, importTaxPack, previewTaxPack, proposeTaxPackAdoption } from '../../app/tax/index.ts';
import { getOperatorSettings, saveUser, type Store, type UserRecord } from '../../db/index.ts';
import { getProposal } from '../../db/proposal-store.ts';
import { getTaxPackVersion } from '../../db/tax-pack-store.ts';
import { decideProposal } from '../../graphs/approval/index.ts';
import { runChatTurn } from '../../graphs/supervisor/index.ts';
import { DEMO_USERS } from './demo-agents.ts';

/** The shipped worked example (tools/tax/packs/updates): the EU pack as of 1 July 2025, then Romania's 21% from 1 August. */
export const EU_VAT_UPDATES = ['eu-vat-2025-07.json', 'eu-vat-2025-08.json'].map((name) => ({
  name,
  text: readFileSync(fileURLToPath(new URL(`../../tools/tax/packs/updates/${name}`, import.meta.url)), 'utf8'),
}));

/**
 * Brings the operator's eu-vat pack to the version of 1 July 2025, as it billed under then: both
 * versions imported by the operator's admin, 2025-07 proposed by alice and approved by bob (four
 * eyes). 2025-08 stays imported, for the analysts to compare, preview and propose. Running it again
 * imports and adopts nothing twice.
 */
export async function adoptEuVatBaseline(store: Store, today?: string): Promise<{ users: Record<'alice' | 'bob' | 'carol', UserRecord>; baselineProposal: number }> {
  const tenant = getOperatorSettings(store).tenant;
  const [alice, bob, carol] = DEMO_USERS.map((u) => saveUser(store, { ...u, tenant, roles: [...u.roles] })) as [UserRecord, UserRecord, UserRecord];
  const admin = createContext({ store, actor: localActor(tenant) });
  for (const f of EU_VAT_UPDATES) await runOperation(importTaxPack, admin, { text: f.text, fileName: f.name });
  const baseline = getTaxPackVersion(store, 'eu-vat', '2025-07');
  // A second demo run finds it adopted (or superseded by 2025-08): nothing is proposed twice.
  if (baseline.status !== 'imported' && baseline.proposalId !== null) return { users: { alice, bob, carol }, baselineProposal: baseline.proposalId };
  const proposed = await runOperation(proposeTaxPackAdoption, createContext({ store, actor: userActor(alice) }), {
    packId: 'eu-vat',
    version: '2025-07',
    reason: 'the pack as we billed under it from 1 July 2025 (before Romania’s Law 141/2025)',
  });
  if (getProposal(store, tenant, proposed.proposal.id)?.status === 'pending')
    await decideProposal({ store, tenant, actor: bob, today }, proposed.proposal.id, { decision: 'approve', reason: 'matches the rates we have billed since July' });
  return { users: { alice, bob, carol }, baselineProposal: proposed.proposal.id };
}

/**
 * The demo's regulatory update: Romania's VAT rise (eu-vat 2025-08) compared in words and previewed
 * on the billed month by the compliance agent, proposed by alice through it, approved by carol.
 * The demo operator bills the UK and Ireland, so the preview finds no invoice that changes: what an
 * operator wants to know before adopting it. Every figure comes from the operations.
 */
export async function runDemoTaxUpdate(store: Store, opts: { period: string; today?: string; model: BaseChatModel }) {
  const tenant = getOperatorSettings(store).tenant;
  const { users, baselineProposal } = await adoptEuVatBaseline(store, opts.today);
  const read = createContext({ store, actor: userActor(users.alice) });
  const diff = await runOperation(diffTaxPack, read, { packId: 'eu-vat', version: '2025-08', against: '2025-07' });
  const preview = await runOperation(previewTaxPack, read, { packId: 'eu-vat', version: '2025-08', period: opts.period });
  const update = getTaxPackVersion(store, 'eu-vat', '2025-08');
  if (update.status !== 'imported' && update.proposalId !== null) {
    const posted = getProposal(store, tenant, update.proposalId);
    return { baselineProposal, diff: diffView(diff), preview: previewView(preview), proposal: posted ? proposalView(posted) : null, answer: `eu-vat 2025-08 is already ${update.status}` };
  }
  const asked = await runChatTurn({
    store,
    user: users.alice,
    message: 'propose adopting eu-vat 2025-08: Romania raised its standard VAT rate to 21% from 1 August 2025',
    model: opts.model,
    today: opts.today,
  });
  const proposal = asked.proposals[0];
  const decided =
    proposal?.status === 'pending'
      ? await decideProposal({ store, tenant, actor: users.carol, today: opts.today }, proposal.id, { decision: 'approve', reason: 'checked against Legea 141/2025' })
      : proposal
        ? getProposal(store, tenant, proposal.id)
        : null;
  return { baselineProposal, diff: diffView(diff), preview: previewView(preview), proposal: decided ? proposalView(decided) : null, answer: asked.answer };
}

const diffView = (d: { from: string; to: string; effectiveFrom: string; changes: Array<{ words: string }> }) => ({
  from: d.from,
  to: d.to,
  effectiveFrom: d.effectiveFrom,
  changes: d.changes.map((c) => c.words),
});
const previewView = (p: { period: string; invoices: number; changed: number; failing: number; summary: string }) => ({
  period: p.period,
  invoices: p.invoices,
  changed: p.changed,
  failing: p.failing,
  summary: p.summary,
});
const proposalView = (p: { id: number; status: string; requestedBy: string; postingRef?: string | null }) => ({
  id: p.id,
  status: p.status,
  requestedBy: p.requestedBy,
  postingRef: p.postingRef ?? null,
});

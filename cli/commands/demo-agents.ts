import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { getOperatorSettings, listInvoices, saveUser, type Store, type UserRecord } from '../../db/index.ts';
import { decideProposal } from '../../graphs/approval/index.ts';
import { runChatTurn } from '../../graphs/supervisor/index.ts';
import { toBillingError } from '../../tools/errors.ts';
import { chatModel } from './acting-user.ts';

/** The demo's people: an analyst who asks, two approvers who decide. */
export const DEMO_USERS = [
  { id: 'alice', name: 'Alice (billing analyst)', roles: ['analyst'] as const },
  { id: 'bob', name: 'Bob (billing supervisor)', roles: ['analyst', 'approver'] as const },
  { id: 'carol', name: 'Carol (finance controller)', roles: ['approver'] as const },
];

/** What the agents part of the demo runs with; the evals pin both so the demo dataset is the same every build. */
export interface DemoAgentsOptions {
  period: string;
  /** The chat model; default: the process's configured one. */
  model?: BaseChatModel;
  /** "Today" of the chat turns and postings; default: the real date. */
  today?: string;
}

/**
 * The agents part of the demo: the analyst asks why an invoice is what it is, asks for a fee
 * waiver (a proposal that waits), cannot approve it herself, and another person approves it:
 * one credit note. A second run finds the waiver already posted and changes nothing.
 */
export async function runDemoAgents(store: Store, opts: DemoAgentsOptions) {
  const tenant = getOperatorSettings(store).tenant;
  // saveUser creates or updates: a second run finds the same people.
  const [alice, bob] = DEMO_USERS.map((u) => saveUser(store, { ...u, tenant, roles: [...u.roles] })) as [UserRecord, UserRecord];
  const issued = listInvoices(store, { period: opts.period, status: 'issued', limit: 100_000 })
    .filter((i) => i.kind === 'invoice')
    .sort((a, b) => a.id - b.id);
  const [first, second] = issued;
  if (!first?.number || !second?.number) return { model: null, users: DEMO_USERS.map((u) => u.id), steps: [], refusals: [], waiting: null };
  const { model, name } = opts.model ? { model: opts.model, name: opts.model.getName() } : await chatModel();
  const steps: Array<{ who: string; said: string; answer: string; calls: number; tokens: number }> = [];
  const refusals: string[] = [];
  const ask = async (user: UserRecord, said: string, threadId?: string) => {
    const r = await runChatTurn({ store, user, message: said, threadId, model, today: opts.today });
    steps.push({ who: user.id, said, answer: r.answer, calls: r.usage.llmCalls, tokens: r.usage.totalTokens });
    return r;
  };
  const tryToApprove = async (user: UserRecord, id: number) => {
    try {
      await decideProposal({ store, tenant, actor: user, today: opts.today }, id, { decision: 'approve', reason: 'trying to approve it myself' });
    } catch (err) {
      refusals.push(`${user.id} approving proposal ${id}: ${toBillingError(err).message}`);
    }
  };
  const explained = await ask(alice, `Explain invoice ${first.number}`);
  const waiver = (await ask(alice, `Waive the monthly fee on invoice ${first.number}: the customer had no service for two days`, explained.threadId)).proposals[0];
  if (waiver?.status === 'pending') {
    await tryToApprove(alice, waiver.id);
    await ask(bob, `Approve proposal ${waiver.id}, outage confirmed by the network team`);
  }
  // A second waiver is left waiting, for the person running the demo to approve by hand.
  const waiting = (await ask(bob, `Waive the monthly fee on invoice ${second.number}, a goodwill gesture after a complaint`)).proposals[0] ?? null;
  if (waiting?.status === 'pending') await tryToApprove(bob, waiting.id);
  return { model: name, users: DEMO_USERS.map((u) => u.id), steps, refusals, waiting: waiting?.status === 'pending' ? waiting : null };
}

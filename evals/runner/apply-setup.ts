import { claimChatThread, getOperatorSettings, getUser, saveUser, type Store } from '../../db/index.ts';
import { AGENT_NAMES, type AgentContext } from '../../agents/context.ts';
import { toolsFor } from '../../agents/specialists.ts';
import { decideProposal, openApproval } from '../../graphs/approval/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { applyFixture, ingestCsv } from './fixtures.ts';
import type { SetupStep } from './task-schema.ts';

type TaskStore = Store & { dir: string };

/** Calls one agent tool as a user, with the same context a chat turn gives it; an error result fails the step. */
async function callTool(store: TaskStore, step: { as: string; name: string; args: Record<string, unknown> }, today: string): Promise<void> {
  const user = getUser(store, step.as);
  const threadId = claimChatThread(store, { tenant: user.tenant, userId: user.id });
  const deps = { store, tenant: user.tenant, today };
  const ctx: AgentContext = {
    store,
    user,
    threadId,
    today,
    utterance: '',
    requesterKind: 'analyst',
    onProposal: (id) => openApproval(deps, id),
    decide: (id, response) => decideProposal({ ...deps, actor: user }, id, response),
  };
  const found = (['supervisor', ...AGENT_NAMES] as const).flatMap((agent) => toolsFor(agent, ctx)).find((t) => t.tool.name === step.name);
  if (!found) throw new BillingError('NOT_FOUND', `setup: no agent tool ${step.name}`);
  const out = String(await found.tool.invoke(step.args));
  if (out.startsWith('{"error"')) throw new BillingError('INVALID_INPUT', `setup: ${step.name} refused: ${out.slice(0, 300)}`);
}

/** Applies a task's setup steps in order. Anything thrown here is an infrastructure error of the task, not the agent's. */
export async function applySetup(store: TaskStore, steps: SetupStep[], today: string): Promise<void> {
  for (const step of steps) {
    if ('addUser' in step) {
      const u = step.addUser;
      saveUser(store, { id: u.id, tenant: u.tenant ?? getOperatorSettings(store).tenant, name: u.name ?? u.id, roles: u.roles, ...(u.accountId ? { accountId: u.accountId } : {}) });
    } else if ('tool' in step) {
      await callTool(store, step.tool, today);
    } else if ('decide' in step) {
      const actor = getUser(store, step.decide.as);
      await decideProposal({ store, tenant: actor.tenant, actor, today }, step.decide.proposal, { decision: step.decide.decision, reason: step.decide.reason });
    } else if ('ingestCdrs' in step) {
      await ingestCsv(store, step.ingestCdrs.lines);
    } else {
      await applyFixture(store, step.fixture);
    }
  }
}

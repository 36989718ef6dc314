import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';
import { Command, END, START, StateGraph } from '@langchain/langgraph';
import { randomUUID } from 'node:crypto';
import { appendAudit, getProposal, type StoredProposal } from '../../db/index.ts';
import type { ApprovalResponse } from '../../tools/approval/index.ts';
import { BillingError, type BillingErrorCode } from '../../tools/errors.ts';
import { createCheckpointer } from '../checkpointer.ts';
import { awaitDecision, postApproved, routeAfterDecision, type ApprovalDeps } from './nodes.ts';
import { ApprovalState } from './state.ts';

/** The approval graph of one proposal: wait for decisions (interrupt), then post once. */
export function buildApprovalGraph(deps: ApprovalDeps) {
  return new StateGraph(ApprovalState)
    .addNode('await_decision', awaitDecision(deps))
    .addNode('post', postApproved(deps))
    .addEdge(START, 'await_decision')
    .addConditionalEdges('await_decision', routeAfterDecision, ['await_decision', 'post', END])
    .addEdge('post', END)
    .compile({ checkpointer: createCheckpointer(deps.store) });
}

/**
 * Runs an approval graph as a graph of its own even when called from inside another run (a chat
 * tool that creates or decides a proposal): without this, LangGraph would take it for a subgraph
 * of the chat and its interrupt would stop the chat instead of waiting in the approval thread.
 */
function topLevel<T>(fn: () => Promise<T>): Promise<T> {
  return AsyncLocalStorageProviderSingleton.getInstance().run(undefined, fn);
}

/** The thread that holds a proposal's approval. */
export function approvalThreadId(proposalId: number): string {
  return `approval-${proposalId}`;
}

/** Opens a proposal's approval thread (it runs to its interrupt and waits); does nothing if already open. */
export async function openApproval(deps: ApprovalDeps, proposalId: number): Promise<void> {
  await topLevel(() => openApprovalThread(buildApprovalGraph(deps), proposalId));
}

type ApprovalGraph = ReturnType<typeof buildApprovalGraph>;

/** The thread's state, after running a new thread to its first interrupt. */
async function openApprovalThread(graph: ApprovalGraph, proposalId: number) {
  const config = { configurable: { thread_id: approvalThreadId(proposalId) } };
  const snapshot = await graph.getState(config);
  if ((snapshot.values as { proposalId?: number }).proposalId !== undefined) return snapshot;
  await graph.invoke({ proposalId }, config);
  return graph.getState(config);
}

/**
 * Resumes a proposal's approval with one person's decision (the actor in deps, from the
 * authenticated context). Throws the refusal (four eyes, role, limits) as a BillingError; returns
 * the proposal as it stands after, posted when this approval was the last one needed.
 */
export async function decideProposal(deps: ApprovalDeps & { actor: NonNullable<ApprovalDeps['actor']> }, proposalId: number, response: ApprovalResponse): Promise<StoredProposal> {
  return topLevel(() => decide(deps, proposalId, response));
}

/**
 * The proposal an actor tries to decide. A missing or another tenant's id is NOT_FOUND, and the
 * attempt is audited in the actor's own tenant with exactly what they sent: the same record either
 * way, so neither the answer nor the record tells them another tenant's proposal exists.
 */
function proposalToDecide(deps: ApprovalDeps & { actor: NonNullable<ApprovalDeps['actor']> }, proposalId: number, response: ApprovalResponse): StoredProposal {
  try {
    return getProposal(deps.store, deps.tenant, proposalId);
  } catch (err) {
    if (err instanceof BillingError && err.code === 'NOT_FOUND') {
      appendAudit(deps.store, {
        tenant: deps.actor.tenant,
        actor: deps.actor.id,
        actorKind: 'approver',
        threadId: approvalThreadId(proposalId),
        event: 'refusal',
        subject: `proposal:${proposalId}`,
        detail: { code: err.code, message: err.message, attemptedId: proposalId, decision: response.decision, tenant: deps.actor.tenant },
      });
    }
    throw err;
  }
}

async function decide(deps: ApprovalDeps & { actor: NonNullable<ApprovalDeps['actor']> }, proposalId: number, response: ApprovalResponse): Promise<StoredProposal> {
  const before = proposalToDecide(deps, proposalId, response);
  const graph = buildApprovalGraph(deps);
  const snapshot = await openApprovalThread(graph, proposalId);
  if (snapshot.next.length === 0) {
    const message = `proposal ${proposalId} is ${before.status}; only a pending proposal can be decided`;
    appendAudit(deps.store, {
      tenant: deps.tenant,
      actor: deps.actor.id,
      actorKind: 'approver',
      threadId: approvalThreadId(proposalId),
      event: 'refusal',
      subject: `proposal:${proposalId}`,
      detail: { code: 'CONFLICT', message, decision: response.decision },
    });
    throw new BillingError('CONFLICT', message);
  }
  const requestId = randomUUID();
  const out = await graph.invoke(new Command({ resume: { requestId, response } }), { configurable: { thread_id: approvalThreadId(proposalId) } });
  if (out.refusal && out.refusal.requestId === requestId) throw new BillingError(out.refusal.code as BillingErrorCode, out.refusal.message);
  return getProposal(deps.store, deps.tenant, proposalId);
}

import type { Context, Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { decideProposal, listProposals, showProposal } from '../../../app/proposals/index.ts';
import { PROPOSAL_KINDS, PROPOSAL_STATUSES, type StoredProposal } from '../../../tools/approval/index.ts';
import { httpStatusFor, toBillingError } from '../../../tools/errors.ts';
import { Money, StatusBadge } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';
import { ProposalDetail } from './approval-view.tsx';

/** Refusals of a decision that are the rules speaking (four eyes, a wrong amount), shown on the page itself. */
const REFUSALS = new Set(['FORBIDDEN', 'CONFLICT', 'INVALID_INPUT']);

/** A query value if it is one of the allowed words, else undefined (an unknown filter shows everything). */
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** A proposal id from the path as a number; anything else is passed on for the operation to refuse. */
function proposalIdOf(param: string): number | string {
  return /^\d{1,15}$/.test(param) ? Number(param) : param;
}

/** The queue's order: pending first (they need someone), then the rest newest first. */
function queueOrder(a: StoredProposal, b: StoredProposal): number {
  const pa = a.status === 'pending' ? 0 : 1;
  const pb = b.status === 'pending' ? 0 : 1;
  return pa - pb || b.id - a.id;
}

/** The filter form: status and kind, sent as a GET so the address can be shared. */
function Filters(props: { status?: string; kind?: string }) {
  return (
    <form method="get" action="/approvals" class="filters">
      <div class="field">
        <label for="f-status">Status</label>
        <select id="f-status" name="status">
          <option value="">any</option>
          {PROPOSAL_STATUSES.map((s) => (
            <option value={s} selected={s === props.status}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-kind">Kind</label>
        <select id="f-kind" name="kind">
          <option value="">any</option>
          {PROPOSAL_KINDS.map((k) => (
            <option value={k} selected={k === props.kind}>
              {k.replace('_', ' ')}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Filter</button>
    </form>
  );
}

/** Renders one proposal's page, with a refusal or a decision's notice when there is one. */
async function proposalPage(c: Context<WebEnv>, id: string, extra: { decided?: string; refusal?: string; form?: { reason?: string; amount?: string } } = {}, status = 200) {
  const p = await runOperation(showProposal, c.get('operationContext'), { proposalId: proposalIdOf(id) });
  const session = pageSession(c);
  return sendPage(
    c,
    <ConsolePage title={`Proposal ${p.id}`} active="/approvals" session={session} actions={<a href="/approvals">All approvals</a>}>
      <ProposalDetail proposal={p} csrfToken={session.csrfToken} {...extra} />
    </ConsolePage>,
    status,
  );
}

/**
 * Approvals: the queue (/approvals, pending first, filtered by status and kind) and one proposal
 * (/approvals/:id) with the tools' figures, who asked and why, and a form to approve or reject.
 * A refusal by the four-eyes rules is a message on the proposal's page, not an error page.
 */
export function mountApprovals(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/approvals', guard, async (c) => {
    const status = oneOf(c.req.query('status'), PROPOSAL_STATUSES);
    const kind = oneOf(c.req.query('kind'), PROPOSAL_KINDS);
    const { proposals } = await runOperation(listProposals, c.get('operationContext'), { ...(status ? { status } : {}), ...(kind ? { kind } : {}), limit: 200 });
    const rows = [...proposals].sort(queueOrder);
    return sendPage(
      c,
      <ConsolePage title="Approvals" active="/approvals" session={pageSession(c)}>
        <Filters {...(status ? { status } : {})} {...(kind ? { kind } : {})} />
        {rows.length === 0 ? (
          <p>No proposals{status || kind ? ' match these filters' : ' yet'}.</p>
        ) : (
          <div class="table-wrap">
            <table class="approvals">
              <caption>{`${rows.length} ${rows.length === 1 ? 'proposal' : 'proposals'}, pending first`}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Status</th>
                  <th scope="col">Kind</th>
                  <th scope="col">What</th>
                  <th scope="col">Account</th>
                  <th scope="col" class="num">
                    Amount
                  </th>
                  <th scope="col">Asked by</th>
                  <th scope="col">Asked</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr>
                    <td>
                      <a href={`/approvals/${p.id}`}>{p.id}</a>
                    </td>
                    <td>
                      <StatusBadge status={p.status === 'posted' ? 'executed' : p.status} />
                    </td>
                    <td>{p.kind.replace('_', ' ')}</td>
                    <td>
                      <a href={`/approvals/${p.id}`}>{p.summary}</a>
                    </td>
                    <td>{p.accountId}</td>
                    <td class="num">
                      <Money value={p.amount} currency={p.currency} />
                    </td>
                    <td>{p.agent ? `${p.requestedBy} (${p.agent} agent)` : p.requestedBy}</td>
                    <td class="when">{p.createdAt.slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ConsolePage>,
    );
  });

  web.get('/approvals/:id', guard, (c) => proposalPage(c, c.req.param('id'), { decided: c.req.query('decided') ?? '' }));

  web.post('/approvals/:id/decide', guard, async (c) => {
    const id = c.req.param('id');
    const form = await c.req.parseBody();
    const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
    const decision = text('decision');
    const reason = text('reason');
    const amount = text('amount');
    try {
      // The decider is the session's user (the context); nothing in the form names them.
      await runOperation(decideProposal, c.get('operationContext'), { proposalId: proposalIdOf(id), decision, reason, ...(amount && decision === 'approve' ? { amount } : {}) });
    } catch (err) {
      const e = toBillingError(err);
      if (!REFUSALS.has(e.code)) throw err;
      // A rule's refusal is said on the proposal's page; anything else (a missing proposal) is an error page.
      return proposalPage(c, id, { refusal: e.message, form: { reason, amount } }, httpStatusFor(e));
    }
    return c.redirect(`/approvals/${encodeURIComponent(id)}?decided=${decision === 'reject' ? 'reject' : 'approve'}`, 303);
  });
}

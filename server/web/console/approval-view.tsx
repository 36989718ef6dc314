import { EDITABLE_KINDS, type StoredProposal } from '../../../tools/approval/index.ts';
import { Money, Notice, StatusBadge } from '../components.tsx';
import { InvoiceLink, ProposalFigures } from './proposal-figures.tsx';

/** Kinds whose posting reference is an invoice or credit note number (so it links to its page). */
const REF_IS_DOCUMENT = new Set(['fee_waiver', 'credit', 'release_hold']);

/** Who asked, in words: a person, an agent for a person (and which), or a scheduled cycle. */
function requester(p: StoredProposal): string {
  if (p.requesterKind === 'agent') return `${p.requestedBy}, through the ${p.agent ?? 'billing'} agent`;
  if (p.requesterKind === 'cycle') return `the scheduled cycle (${p.requestedBy})`;
  return p.requestedBy;
}

/** What was done with the proposal, once decided or posted. */
function Outcome(props: { proposal: StoredProposal }) {
  const p = props.proposal;
  if (p.status === 'posted' && p.postingRef) {
    return (
      <Notice tone="ok">
        Executed {p.postedAt?.slice(0, 16).replace('T', ' ')}:{' '}
        {REF_IS_DOCUMENT.has(p.kind) ? (
          <>
            {p.kind === 'release_hold' ? 'invoice issued ' : 'credit note '}
            <InvoiceLink number={p.postingRef} />
          </>
        ) : (
          p.postingRef
        )}
      </Notice>
    );
  }
  if (p.status === 'rejected') return <Notice tone="info">Rejected; nothing was changed.</Notice>;
  return null;
}

/** The decisions so far, who made them and why. */
function Decisions(props: { proposal: StoredProposal }) {
  const p = props.proposal;
  const approvals = p.decisions.filter((d) => d.decision === 'approve').length;
  return (
    <section aria-labelledby="decisions-h">
      <h2 id="decisions-h">Decisions</h2>
      <p>
        {approvals} of {p.requiredApprovals} required {p.requiredApprovals === 1 ? 'approval' : 'approvals'}
        {p.requiredApprovals > 1 ? ' (above the policy amount two different approvers decide)' : ''}.
      </p>
      {p.decisions.length === 0 ? (
        <p class="hint">No one has decided yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">By</th>
              <th scope="col">Decision</th>
              <th scope="col" class="num">
                Amount
              </th>
              <th scope="col">Reason</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {p.decisions.map((d) => (
              <tr>
                <td>{d.decidedBy}</td>
                <td>
                  <StatusBadge status={d.decision === 'approve' ? 'approved' : 'rejected'} />
                  {d.verified ? '' : ' (no audit entry)'}
                </td>
                <td class="num">{d.editedAmount ? <Money value={d.editedAmount} currency={p.currency} /> : 'as proposed'}</td>
                <td>{d.reason}</td>
                <td>{d.decidedAt.slice(0, 16).replace('T', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Approve or reject with a reason; a lower amount where the kind allows it. A plain form: works without scripts. */
function DecideForm(props: { proposal: StoredProposal; csrfToken: string; reason?: string; amount?: string }) {
  const p = props.proposal;
  const editable = EDITABLE_KINDS.has(p.kind);
  return (
    <section aria-labelledby="decide-h">
      <h2 id="decide-h">Decide</h2>
      <form method="post" action={`/approvals/${p.id}/decide`} class="decide-form">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <div class="field">
          <label for="decide-reason">Reason</label>
          <textarea id="decide-reason" name="reason" rows={2} minlength={3} maxlength={500} required>
            {props.reason ?? ''}
          </textarea>
        </div>
        {editable ? (
          <div class="field">
            <label for="decide-amount">Amount ({p.currency}, approve only; lower it for a partial credit)</label>
            <input id="decide-amount" name="amount" type="text" inputmode="decimal" value={props.amount ?? ''} placeholder={p.amount} />
          </div>
        ) : null}
        {p.kind === 'customer_dispute' || p.kind === 'callback_request' ? <p class="hint">A customer's case: approving marks it handled, rejecting dismisses it. Neither moves money.</p> : null}
        <div class="decide-buttons">
          <button type="submit" name="decision" value="approve">
            Approve
          </button>
          <button type="submit" name="decision" value="reject" class="secondary">
            Reject
          </button>
        </div>
      </form>
    </section>
  );
}

/** Notices a decision's redirect asks for, by a fixed word (never text from the address bar). */
const DECIDED_NOTICES: Record<string, string> = {
  approve: 'Approved.',
  reject: 'Rejected.',
};

/** One proposal: what it would do and the tools' figures, who asked and why, its decisions, the form to decide. */
export function ProposalDetail(props: { proposal: StoredProposal; csrfToken: string; decided?: string; refusal?: string; form?: { reason?: string; amount?: string } }) {
  const p = props.proposal;
  const decided = props.decided ? DECIDED_NOTICES[props.decided] : undefined;
  const stillPending = p.status === 'pending' && p.decisions.some((d) => d.decision === 'approve');
  return (
    <div class="proposal">
      {props.refusal ? <Notice tone="error">{props.refusal}</Notice> : null}
      {decided ? <Notice tone="ok">{stillPending ? `${decided} A second, different approver is still needed.` : decided}</Notice> : null}
      <Outcome proposal={p} />
      <section aria-labelledby="proposal-h">
        <h2 id="proposal-h">
          {p.summary} <StatusBadge status={p.status === 'posted' ? 'executed' : p.status} />
        </h2>
        <dl class="facts">
          <dt>Kind</dt>
          <dd>{p.kind.replace('_', ' ')}</dd>
          <dt>Account</dt>
          <dd>{p.accountId}</dd>
          <dt>Amount</dt>
          <dd>
            <Money value={p.amount} currency={p.currency} />
          </dd>
          <dt>Asked by</dt>
          <dd>{requester(p)}</dd>
          <dt>Why</dt>
          <dd>{p.reason}</dd>
          <dt>Asked</dt>
          <dd>{p.createdAt.slice(0, 16).replace('T', ' ')}</dd>
          {p.threadId && !p.threadId.startsWith('approval-') ? (
            <>
              <dt>Conversation</dt>
              <dd>
                <a href={`/chat/${encodeURIComponent(p.threadId)}`}>the chat thread it came from</a>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="figures-h">
        <h2 id="figures-h">What the tools computed</h2>
        <ProposalFigures proposal={p} />
      </section>
      <Decisions proposal={p} />
      {p.status === 'pending' ? <DecideForm proposal={p} csrfToken={props.csrfToken} {...(props.form ?? {})} /> : null}
    </div>
  );
}

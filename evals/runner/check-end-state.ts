import type { EvalState } from '../../db/index.ts';
import { dec } from '../../tools/money/index.ts';
import type { CheckOutcome } from './check-answer.ts';
import type { EndStateCheck } from './task-schema.ts';

type Proposal = EvalState['proposals'][number];
type Doc = EvalState['documents'][number];

const newer = <T extends { id: number }>(before: T[], after: T[]) => {
  const known = new Set(before.map((r) => r.id));
  return after.filter((r) => !known.has(r.id));
};
const sameAmount = (a: string, b: string) => dec(a).eq(dec(b));

/** What a proposal targets, as a task names it: the invoice number (a held invoice's id) or the account. */
function targetsOf(p: Proposal, docs: Map<number, Doc>): string[] {
  const inv = p.invoiceId === null ? undefined : docs.get(p.invoiceId);
  return [p.accountId, ...(inv ? [inv.number ?? String(inv.id), String(inv.id)] : [])].map((t) => t.toUpperCase());
}

const describe = (p: Proposal, docs: Map<number, Doc>) => `proposal ${p.id} (${p.kind} on ${targetsOf(p, docs)[1] ?? p.accountId}, ${p.amount}, ${p.status})`;

/**
 * Compares the database after a conversation with the one before: what the task names must have
 * happened, and nothing else (no other proposal, note, decision, release, plan or dunning action).
 */
export function checkEndState(before: EvalState, after: EvalState, check: EndStateCheck): CheckOutcome {
  const failures: string[] = [];
  const docs = new Map(after.documents.map((d) => [d.id, d]));

  const created = newer(before.proposals, after.proposals);
  const unmatched = [...created];
  for (const want of check.proposals) {
    const i = unmatched.findIndex(
      (p) => p.kind === want.kind && p.status === want.status && (!want.target || targetsOf(p, docs).includes(want.target.toUpperCase())) && (!want.amount || sameAmount(p.amount, want.amount)),
    );
    if (i >= 0) unmatched.splice(i, 1);
    else
      failures.push(
        `no ${want.status} ${want.kind} proposal${want.target ? ` on ${want.target}` : ''}${want.amount ? ` of ${want.amount}` : ''} was created (created: ${created.map((p) => describe(p, docs)).join('; ') || 'none'})`,
      );
  }
  failures.push(...unmatched.map((p) => `unexpected ${describe(p, docs)}`));

  const decided = new Set(check.decisions.map((d) => d.proposal));
  const beforeStatus = new Map(before.proposals.map((p) => [p.id, p.status]));
  for (const p of after.proposals) {
    const was = beforeStatus.get(p.id);
    if (was === undefined) continue;
    const pinned = check.statuses.find((s) => s.proposal === p.id);
    if (pinned && pinned.status !== p.status) failures.push(`proposal ${p.id} is ${p.status}, expected ${pinned.status}`);
    if (!pinned && !decided.has(p.id) && was !== p.status) failures.push(`proposal ${p.id} changed from ${was} to ${p.status}`);
  }

  const decisions = newer(before.decisions, after.decisions);
  const leftDecisions = [...decisions];
  for (const want of check.decisions) {
    const i = leftDecisions.findIndex((d) => d.proposalId === want.proposal && d.decision === want.decision && d.decidedBy === want.by);
    if (i >= 0) leftDecisions.splice(i, 1);
    else failures.push(`no ${want.decision} of proposal ${want.proposal} by ${want.by} was recorded`);
  }
  failures.push(...leftDecisions.map((d) => `unexpected decision: ${d.decision} of proposal ${d.proposalId} by ${d.decidedBy}`));

  const newDocs = newer(before.documents, after.documents);
  const notes = newDocs.filter((d) => d.kind !== 'invoice');
  const leftNotes = [...notes];
  const corrected = (d: Doc) => (d.correctsInvoiceId === null ? undefined : docs.get(d.correctsInvoiceId));
  for (const want of check.notes) {
    const i = leftNotes.findIndex((n) => {
      const of = corrected(n);
      return of !== undefined && (of.number ?? String(of.id)).toUpperCase() === want.invoice.toUpperCase() && (!want.total || sameAmount(n.total, want.total));
    });
    if (i >= 0) leftNotes.splice(i, 1);
    else failures.push(`no note on ${want.invoice}${want.total ? ` of ${want.total}` : ''} was issued`);
  }
  failures.push(...leftNotes.map((n) => `unexpected ${n.kind} ${n.number ?? n.id} (${n.total}) on ${corrected(n)?.number ?? '?'}`));
  failures.push(...newDocs.filter((d) => d.kind === 'invoice').map((d) => `unexpected new invoice ${d.number ?? d.id} for ${d.accountId}`));

  const wasDoc = new Map(before.documents.map((d) => [d.id, d]));
  const released = new Set(check.released);
  for (const d of after.documents) {
    const was = wasDoc.get(d.id);
    if (!was || was.status === d.status) continue;
    if (was.status === 'held' && d.status === 'issued' && released.has(d.id)) continue;
    failures.push(`invoice ${d.number ?? d.id} changed from ${was.status} to ${d.status}`);
  }
  for (const id of released) if (wasDoc.get(id)?.status !== 'held' || docs.get(id)?.status !== 'issued') failures.push(`held invoice ${id} was not released`);

  const plans = newer(before.plans, after.plans).length;
  if (plans !== check.plans) failures.push(`${plans} payment plan(s) were posted, expected ${check.plans}`);
  const dunning = newer(before.dunning, after.dunning).length;
  if (dunning !== check.dunning) failures.push(`${dunning} dunning action(s) were recorded, expected ${check.dunning}`);
  return { kind: 'end_state', passed: failures.length === 0, failures };
}

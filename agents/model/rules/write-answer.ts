import type { AnalystRequest } from './parse-request.ts';
import type { ToolOutcome } from './plan-tool-calls.ts';

/* The offline model's answers: fixed templates that copy amounts from tool results as they are
 * (strings), so every figure in an answer is one a tool computed. Nothing here does arithmetic. */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const list = (rows: string[], max = 8) => [...rows.slice(0, max), ...(rows.length > max ? [`  … and ${rows.length - max} more`] : [])].join('\n');

function invoiceAnswer(x: Json): string {
  const h = x.header;
  const lines = (x.lines as Json[]).map((l) => {
    const events = l.eventCount ? `; ${l.eventCount} usage events (e.g. ${(l.events as Json[]).map((e) => `#${e.id} rated ${e.rated}, charged ${e.charged}`).join('; ')})` : '';
    const rows = (l.tariffRows as string[]).length ? `; tariff rows ${(l.tariffRows as string[]).slice(0, 3).join(', ')}` : '';
    return `  - ${l.description}${l.msisdn ? ` (${l.msisdn})` : ''}: ${l.amount} — ${l.calculation}${events}${rows}`;
  });
  const taxes = (x.taxes as Json[]).map((t) => `  - ${t.name}: ${t.amount} — ${t.calculation}${t.source ? ` (source: ${t.source})` : ''}`);
  return [
    `${h.kind === 'invoice' ? 'Invoice' : h.kind.replace('_', ' ')} ${h.number ?? '(held, not numbered)'} for ${h.buyer.name} (account ${h.buyer.accountId}), ${h.period.from} to ${h.period.to}, status ${h.status}.`,
    `Total ${h.total} ${h.currency} = lines ${h.subtotal} + taxes ${h.taxTotal}${x.arithmetic.violations.length ? ` — arithmetic problems: ${x.arithmetic.violations.join('; ')}` : ' (the lines and taxes add up)'}.`,
    ...(h.holdReasons.length ? [`Held for: ${(h.holdReasons as Json[]).map((r) => `${r.code} (${r.message})`).join('; ')}.`] : []),
    ...(x.settlement ? [`Standing: ${x.settlement.sentence}`] : []),
    'Lines:',
    list(lines, 12),
    ...(taxes.length ? ['Taxes:', list(taxes)] : []),
    ...((x.taxNotes as Json[]).length ? [`Notes: ${(x.taxNotes as Json[]).map((n) => n.text).join(' ')}`] : []),
  ].join('\n');
}

function comparisonAnswer(c: Json | null, before: Json | null, after: Json | null): string[] {
  if (!c) return ['There is no earlier invoice to compare with.'];
  return [
    `${after?.number ?? c.after.number ?? '(held, not numbered)'} (${c.after.period}) total ${c.after.total} against ${before?.number ?? c.before.number ?? '(held, not numbered)'} (${c.before.period}) total ${c.before.total}: change ${c.delta.total} ${c.currency} (lines ${c.delta.subtotal}, taxes ${c.delta.taxTotal}).`,
    ...((c.causes as Json[]).length ? ['Largest changes:', list((c.causes as Json[]).map((k) => `  - ${k.sentence}`), 5)] : ['No line changed.']),
  ];
}

function proposalAnswer(x: Json): string {
  return [
    x.alreadyProposed ? `This is already proposed as proposal ${x.proposalId} (${x.status}).` : `Proposal ${x.proposalId} created (${x.kind.replace('_', ' ')}): ${x.summary}.`,
    `Amount ${x.amount} ${x.currency}, computed by the billing tools. ${x.note}`,
    ...(x.status === 'pending' ? [`An approver can run: switchboard approvals approve ${x.proposalId} --as <approver> --reason "…"`] : []),
  ].join('\n');
}

const WRITERS: Record<string, (x: Json, r: AnalystRequest) => string> = {
  explain_invoice: (x) => invoiceAnswer(x),
  explain_invoice_line: (l) =>
    [
      `Line ${l.id}: ${l.description} = ${l.amount} (${l.calculation}).`,
      `${l.eventCount} usage events: rated ${l.eventTotals.rated}, charged ${l.eventTotals.charged}${l.eventsMatchAmount === true ? ', which is the line amount' : ''}.`,
      list((l.events as Json[]).map((e) => `  - event #${e.id}: rated ${e.rated}, charged ${e.charged}${e.covered ? `, ${e.covered} units covered by ${e.allowanceId}` : ''}`), 20),
      ...((l.tariffRows as string[]).length ? [`Tariff rows: ${(l.tariffRows as string[]).join(', ')}`] : []),
    ].join('\n'),
  compare_periods: (x) => [`Account ${x.accountId}:`, ...comparisonAnswer(x.comparison, x.before, x.after)].join('\n'),
  explain_bill_change: (x) => [`Account ${x.accountId}, invoice ${x.invoice.number ?? '(held)'} for ${x.invoice.period}: ${x.jump.sentence}`, ...comparisonAnswer(x.comparison, x.previous, x.invoice)].join('\n'),
  list_flagged_invoices: (x) =>
    [
      `${x.held.length} held invoices:`,
      list((x.held as Json[]).map((h) => `  - invoice id ${h.id}, account ${h.accountId}, ${h.period}, total ${h.total} ${h.currency}: ${(h.holdReasons as Json[]).map((r) => r.code).join(', ')}`)),
      `${x.pendingProposals.length} proposals wait for approval${x.pendingProposals.length ? ':' : '.'}`,
      list((x.pendingProposals as Json[]).map((p) => `  - proposal ${p.id} (${p.kind}, asked by ${p.requestedBy}): ${p.summary}`)),
    ].join('\n'),
  find_invoice: (x) => `Account ${x.accountId}'s invoice for ${x.period} is ${x.number ?? `held invoice id ${x.id}`}: ${x.total} ${x.currency}, ${x.status}.`,
  account_standing: (x) => {
    const s = x.standing;
    if (!s.currency) return `Account ${x.accountId} has no invoices yet.`;
    const buckets = Object.entries(s.buckets as Record<string, string>).map(([k, v]) => `${k.replace('days_', '').replace('_', '-')}: ${v}`).join(', ');
    return [
      `Account ${x.accountId} on ${s.asOf}: open balance ${s.openBalance} ${s.currency}, of which overdue ${s.overdueBalance}${s.daysPastDue ? ` (oldest ${s.daysPastDue} days past due)` : ''}.`,
      ...(/[1-9]/.test(s.creditBalance) ? [s.summary] : []),
      `Ageing: ${buckets}.`,
      list((s.rows as Json[]).map((r) => `  - ${r.number}: open ${r.open} of ${r.total}, due ${r.dueDate} (${r.bucket})`)),
      `Dunning: ${x.dunning.summary}`,
    ].join('\n');
  },
  explain_event_rating: (e) =>
    [
      `Event #${e.id}: ${e.service} ${e.direction} from ${e.subscriber} to ${e.otherParty} at ${e.startTime}, category ${e.category}${e.roaming !== 'none' ? `, roaming ${e.roaming}` : ''}, status ${e.status}.`,
      e.cost !== null ? `Rated cost ${e.cost} ${e.currency} with tariff version ${e.tariffVersionId}.` : `Not rated${e.ratingError ? `: ${e.ratingError.code} ${e.ratingError.message}` : ''}.`,
      ...(e.explanation ? [e.explanation] : []),
    ].join('\n'),
  what_if_plan: (x) =>
    [
      `What-if for account ${x.account}, ${x.period} (${x.currency}, before tax):`,
      list((x.scenarios as Json[]).map((s) => (s.note ? `  - ${s.msisdn} on ${s.planId}: ${s.note}` : `  - ${s.msisdn}: ${s.currentPlanId} ${s.currentAmount} vs ${s.planId} ${s.alternativeAmount} (saving ${s.saving})`))),
    ].join('\n'),
  check_invoice_compliance: (x) =>
    [
      `Invoice ${x.invoice} (${x.jurisdiction ?? 'unknown jurisdiction'}, pack ${x.packId ?? 'none'}): ${x.passed ? 'passes' : 'does not pass'} — ${x.findings.length} findings.`,
      list((x.findings as Json[]).map((f) => `  - [${f.severity}] ${f.code}: ${f.message}${f.source ? ` (${f.source})` : ''}`), 12),
    ].join('\n'),
  list_unclassified_records: (x) =>
    [
      `${x.unclassifiedTotal} unclassified events${x.unclassified.length < x.unclassifiedTotal ? ` (the ${x.unclassified.length} newest shown)` : ''}${x.unclassified.length ? ':' : '.'}`,
      list((x.unclassified as Json[]).map((e) => `  - event #${e.id} ${e.subscriber} -> ${e.otherParty}: ${e.reason}`), 10),
      `${x.quarantinedTotal} quarantined records${x.quarantined.length < x.quarantinedTotal ? ` (all open; the ${x.quarantined.length} newest shown)` : ''}${x.quarantined.length ? ':' : '.'}`,
      list((x.quarantined as Json[]).map((q) => `  - #${q.id} (batch ${q.batchId}, line ${q.lineNo}): ${q.reason} — ${q.message}`), 10),
    ].join('\n'),
  suggest_category: (x) =>
    [
      `Event #${x.eventId} is ${x.current.category} (${x.current.status}${x.current.reason ? `: ${x.current.reason}` : ''}).`,
      x.proposed ? `Suggested category: ${x.proposed.category} (${x.proposed.confidence} confidence, from ${x.proposed.source}).` : 'No category can be suggested from its fields.',
      ...(x.fromText?.evidence?.length ? [`Evidence: ${(x.fromText.evidence as string[]).join('; ')}`] : []),
      ...(x.changesCategory ? [`To apply it, ask: recategorise event ${x.eventId} as ${x.proposed.category}`] : []),
    ].join('\n'),
  list_proposals: (rows) => {
    const all = rows as unknown as Json[];
    return all.length ? [`${all.length} proposals:`, list(all.map((p) => `  - proposal ${p.id} [${p.status}] ${p.kind}, asked by ${p.requestedBy}: ${p.summary}`), 20)].join('\n') : 'No proposals match.';
  },
  show_proposal: (p) =>
    [
      `Proposal ${p.id} [${p.status}] ${p.kind} for account ${p.accountId}: ${p.summary}`,
      `Amount ${p.amount} ${p.currency}; asked by ${p.requestedBy}${p.agent ? ` through the ${p.agent} agent` : ''}: "${p.reason}". Needs ${p.requiredApprovals} approval(s).`,
      ...(p.decisions as Json[]).map((d) => `  - ${d.decision} by ${d.by} at ${d.at}: ${d.reason}${d.amount ? ` (amount ${d.amount})` : ''}`),
      ...(p.postingRef ? [`Posted: ${p.postingRef}`] : []),
    ].join('\n'),
  decide_proposal: (p) =>
    p.status === 'posted'
      ? `Proposal ${p.id} approved and posted: ${p.postingRef}. ${p.summary}`
      : p.status === 'pending'
        ? `Your approval of proposal ${p.id} is recorded; it needs ${p.requiredApprovals} approvals from different people, so it waits for another approver.`
        : `Proposal ${p.id} is now ${p.status}.`,
};
for (const name of ['propose_fee_waiver', 'propose_credit', 'propose_release', 'propose_rerate', 'propose_recategorisation', 'propose_payment_plan', 'propose_dunning_step']) WRITERS[name] = proposalAnswer;

/** The answer to a request from the results of the tools that ran, by template. */
export function writeAnswer(r: AnalystRequest, outcomes: ToolOutcome[]): string {
  if (outcomes.length === 0) return 'I had nothing to look up for that.';
  const parts = outcomes.map((o) => {
    if (o.output.error) return `I could not complete ${o.name.replace(/_/g, ' ')}: ${o.output.error.message} (${o.output.error.code}).`;
    const write = WRITERS[o.name];
    return write ? write(o.output, r) : `${o.name}: ${JSON.stringify(o.output).slice(0, 1000)}`;
  });
  // A look-up that only led to the real answer (find_invoice before explain_invoice) is not repeated.
  const shown = outcomes.length > 1 && outcomes[0]!.name === 'find_invoice' && !outcomes[0]!.output.error ? parts.slice(1) : parts;
  return `${shown.join('\n\n')}\n\n(Figures from: ${outcomes.map((o) => o.name).join(', ')}.)`;
}

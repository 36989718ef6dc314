import { INTENTS, type AnalystRequest } from './parse-request.ts';
import type { StepRun } from './plan-tool-calls.ts';
import { describeStep } from './read-message.ts';
import { PRICING_WRITERS } from './write-pricing-answer.ts';
import { cashflowAnswer } from './cashflow-rules.ts';
import { invoicePreviewAnswer } from './invoice-preview-rules.ts';
import { taxPackAdoptionAnswer, taxPackDiffAnswer, taxPackPreviewAnswer, taxPacksAnswer } from './tax-pack-rules.ts';

/* The offline model's answers: fixed templates that copy amounts from tool results as they are
 * (strings), so every figure in an answer is one a tool computed. Nothing here does arithmetic. */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const list = (rows: string[], max = 8) => [...rows.slice(0, max), ...(rows.length > max ? [`  … and ${rows.length - max} more`] : [])].join('\n');

function invoiceAnswer(x: Json, r?: AnalystRequest): string {
  const h = { ...x.header, number: x.header.number ?? (r?.invoice ? `(held invoice ${r.invoice}, not numbered)` : null) };
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
    ...((c.causes as Json[]).length
      ? [
          'Largest changes:',
          list(
            (c.causes as Json[]).map((k) => `  - ${k.sentence}`),
            5,
          ),
        ]
      : ['No line changed.']),
  ];
}

function proposalAnswer(x: Json): string {
  return [
    x.alreadyProposed ? `This is already proposed as proposal ${x.proposalId} (${x.status}).` : `Proposal ${x.proposalId} created (${x.kind.replace('_', ' ')}): ${x.summary}.`,
    `Amount ${x.amount} ${x.currency}, computed by the billing tools. ${x.note}`,
    ...(x.status === 'pending' ? [`An approver can run: switchboard approvals approve ${x.proposalId} --as <approver> --reason "…"`] : []),
  ].join('\n');
}

/** The total of an invoice and its taxes, first and short ("what is the total of INV-… and how much is VAT?"). */
function totalsAnswer(x: Json): string {
  const h = x.header;
  const taxes = (x.taxes as Json[]).map((t) => `${t.name} ${t.amount}${t.calculation ? ` (${t.calculation})` : ''}`);
  return [
    `Invoice ${h.number ?? '(held, not numbered)'} for ${h.buyer.name} (account ${h.buyer.accountId}), ${h.period.from} to ${h.period.to}, status ${h.status}:`,
    `Total ${h.total} ${h.currency} = lines ${h.subtotal} + taxes ${h.taxTotal}.`,
    taxes.length ? `Taxes: ${taxes.join('; ')}.` : 'No tax is charged on it.',
    ...(x.settlement ? [`Standing: ${x.settlement.sentence}`] : []),
  ].join('\n');
}

/** Plan advice in words: per line, the plan it is on and the cheaper plan worth suggesting, from the what-if tool. */
function planAdvice(x: Json): string {
  const recommended = (x.recommended ?? []) as Json[];
  const lines = (x.lines ?? []) as Json[];
  const scenarios = x.scenarios as Json[];
  const current = (msisdn: string) => scenarios.find((s) => s.msisdn === msisdn && !s.note);
  const rows = lines.map((l) => {
    const best = recommended.find((r) => r.subscriptionId === l.subscriptionId);
    const now = current(l.msisdn);
    if (best)
      return `  - ${l.msisdn}: on ${best.currentPlanId} it paid ${best.currentAmount}; ${best.planName ?? best.planId} (${best.planId}) would have cost ${best.alternativeAmount}, saving ${best.saving}. Recommend moving it to ${best.planId}.`;
    return `  - ${l.msisdn}: ${now ? `on ${now.currentPlanId} it paid ${now.currentAmount}; ` : ''}no eligible plan would have saved 1.00 or more: it is on the right plan.`;
  });
  return [
    `Plan advice for account ${x.account}, ${x.period} (${x.currency}, before tax, from what-if charging of the month's real usage):`,
    list(rows, 10),
    recommended.length ? "A plan change would be the customer's choice; nothing has been changed." : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The forecast: the allowances heading over first (with their extra charge), every allowance, the cheaper plans. */
function forecastAnswer(x: Json): string {
  const rows = (x.lines as Json[]).flatMap((l) => (l.allowances as Json[]).map((a) => ({ l, a })));
  const over = rows.filter(({ a }) => a.projectedToExceed);
  const headline = over.length
    ? over.map(
        ({ l, a }) =>
          `Line ${l.msisdn} is projected to go over its ${a.service} allowance ${a.allowanceId}: about ${a.projectedUse} of ${a.included} ${a.unit}, an expected extra charge of ${a.extraCharge} ${x.currency} before tax.`,
      )
    : [`No allowance of account ${x.accountId} is projected to be exceeded this period.`];
  return [
    ...headline,
    `Forecast for account ${x.accountId}, period ${x.period.label} (${x.period.from} to ${x.period.lastDay}), day ${x.period.daysElapsed} of ${x.period.daysTotal}: ${x.method.basis}.`,
    list(
      rows.map(
        ({ l, a }) =>
          `  - ${l.msisdn} ${a.allowanceId}: ${a.used} of ${a.included} ${a.unit} used, forecast ${a.projectedUse} (straight line ${a.straightLineUse})${a.projectedToExceed ? `, over: extra ${a.extraCharge}` : ''}`,
      ),
      12,
    ),
    `Usage charges so far ${x.usageCharges}, projected ${x.projectedUsageCharges} ${x.currency} (before tax).`,
    ...(x.lines as Json[]).flatMap((l) =>
      l.suggestion
        ? [
            `Cheaper for the projected period: ${l.suggestion.planName} (${l.suggestion.planId}) for line ${l.msisdn}, ${l.suggestion.alternativeAmount} instead of ${l.suggestion.currentAmount} (saving ${l.suggestion.saving}).`,
          ]
        : [],
    ),
    ...(x.notRated ? [`${x.notRated} usage events of the period are not rated yet and are left out.`] : []),
  ].join('\n');
}

/** Money per currency as the tool gave it: "12.50 GBP + 3.10 EUR" (strings joined, never added). */
const moneyWords = (m: Record<string, string>) =>
  Object.keys(m).length
    ? Object.entries(m)
        .map(([c, v]) => `${v} ${c}`)
        .join(' + ')
    : '0';

/** The assurance report: whether the gaps add up, the stages, and each gap with its money and first item, copied from the tool. */
function assuranceAnswer(x: Json): string {
  return [
    `Revenue assurance for ${x.period} (usage ${x.window.from} to ${x.window.to}): gaps add up: ${x.gapsAddUp ? 'yes' : 'no'}.`,
    `Stages: ${(x.stages as Json[]).map((s) => `${s.id} ${s.count} ${s.unit} (${moneyWords(s.money)})`).join('; ')}.`,
    `${(x.gaps as Json[]).length} gaps:`,
    list(
      (x.gaps as Json[]).map(
        (g) =>
          `  - ${g.leak ? 'leak' : 'by design'}, ${g.label} (${g.from} → ${g.to}): ${g.itemCount} items, ${g.estimate ? '~' : ''}${moneyWords(g.money)}${Object.keys(g.atRisk).length ? `, ~${moneyWords(g.atRisk)} at risk` : ''}${
            (g.items as Json[]).length ? `; e.g. ${g.items[0].ref}: ${g.items[0].detail}` : ''
          }${g.estimate ? ` (estimated: ${g.estimate})` : ''}`,
      ),
      20,
    ),
    `Leaks: ${x.leaks.items} items, ${moneyWords(x.leaks.money)} out of the flow, ~${moneyWords(x.leaks.atRisk)} more at risk (figures from assurance_report). Every item: switchboard assurance report --period ${x.period}. Nothing was changed.`,
  ].join('\n');
}

const WRITERS: Record<string, (x: Json, r: AnalystRequest) => string> = {
  assurance_report: (x) => assuranceAnswer(x),
  ...PRICING_WRITERS,
  forecast_usage: (x) => forecastAnswer(x),
  cashflow_forecast: (x) => cashflowAnswer(x),
  preview_invoice: (x) => invoicePreviewAnswer(x),
  list_tax_packs: (x) => taxPacksAnswer(x),
  diff_tax_pack: (x) => taxPackDiffAnswer(x),
  preview_tax_pack: (x) => taxPackPreviewAnswer(x),
  propose_tax_pack_adoption: (x) => taxPackAdoptionAnswer(x),
  explain_invoice: (x, r) => (r.totals ? totalsAnswer(x) : invoiceAnswer(x, r)),
  explain_invoice_line: (l) =>
    [
      `Line ${l.id}: ${l.description} = ${l.amount} (${l.calculation}).`,
      `${l.eventCount} usage events: rated ${l.eventTotals.rated}, charged ${l.eventTotals.charged}${l.eventsMatchAmount === true ? ', which is the line amount' : ''}.`,
      list(
        (l.events as Json[]).map((e) => `  - event #${e.id}: rated ${e.rated}, charged ${e.charged}${e.covered ? `, ${e.covered} units covered by ${e.allowanceId}` : ''}`),
        20,
      ),
      ...((l.tariffRows as string[]).length ? [`Tariff rows: ${(l.tariffRows as string[]).join(', ')}`] : []),
    ].join('\n'),
  compare_periods: (x) => [`Account ${x.accountId}:`, ...comparisonAnswer(x.comparison, x.before, x.after)].join('\n'),
  explain_bill_change: (x) =>
    [`Account ${x.accountId}, invoice ${x.invoice.number ?? '(held)'} for ${x.invoice.period}: ${x.jump.sentence}`, ...comparisonAnswer(x.comparison, x.previous, x.invoice)].join('\n'),
  list_flagged_invoices: (x) =>
    [
      `${x.held.length} held invoices:`,
      list(
        (x.held as Json[]).map(
          (h) => `  - invoice id ${h.id}, account ${h.accountId}, ${h.period}, total ${h.total} ${h.currency}: held for ${(h.holdReasons as Json[]).map((r) => `${r.code} (${r.message})`).join('; ')}`,
        ),
        10,
      ),
      `${x.pendingProposals.length} proposals wait for approval${x.pendingProposals.length ? ':' : '.'}`,
      list((x.pendingProposals as Json[]).map((p) => `  - proposal ${p.id} (${p.kind}, asked by ${p.requestedBy}): ${p.summary}`)),
    ].join('\n'),
  list_fraud_alerts: (x) =>
    [
      `${x.alerts.length ? `${x.alerts.length} alert${x.alerts.length === 1 ? '' : 's'}` : 'No alerts'} match (open ${x.counts.open}, confirmed ${x.counts.confirmed}, dismissed ${x.counts.dismissed} in all)${x.alerts.length ? ':' : '.'}`,
      list(
        (x.alerts as Json[]).map((a) => `  - alert ${a.id} (${a.detector}, ${a.severity}, ${a.status}) about ${a.subject}: ${a.summary}`),
        10,
      ),
      ...(x.alerts.length ? ['Each alert shows its evidence with `switchboard alerts show <id>` or at /alerts/<id>; a person confirms or dismisses it there.'] : []),
    ].join('\n'),
  find_payment: (x, r) =>
    [
      `${x.payments.length ? `${x.payments.length} payment${x.payments.length === 1 ? '' : 's'}` : 'No payments'} match (matched ${x.counts.matched}, partly matched ${x.counts.partly_matched}, unmatched ${x.counts.unmatched}, duplicate ${x.counts.duplicate}, returned ${x.counts.returned} in all)${x.payments.length ? ':' : '.'}`,
      list(
        (x.payments as Json[]).map(
          (p) =>
            `  - payment ${p.id}: ${p.kind} ${p.amount} ${p.currency} on ${p.bookingDate}, ${p.state}${p.accountId ? ` to ${p.accountId}` : ''}${p.matchMethod ? ` (${p.matchMethod.replace('_', ' ')})` : ''}; payer ${p.payerName ?? 'not given'}; remittance (bank data) ${JSON.stringify(p.remittance ?? '')}`,
        ),
        10,
      ),
      ...(r.wouldPropose === 'match_payment' || (x.payments as Json[]).some((p) => p.state === 'unmatched')
        ? ['To match one, say "match payment N to account A…" (a proposal an approver posts); a person can also match it in the console or with `switchboard payments match`.']
        : []),
    ].join('\n'),
  show_fraud_alert: (a) =>
    [
      `Alert ${a.id} (${a.detector}, ${a.severity}, ${a.status}) about ${a.subjectKind.replace('_', ' ')} ${a.subject}: ${a.summary}.`,
      `Statistics: ${Object.entries(a.evidence.statistics as Record<string, unknown>)
        .map(([k, v]) => `${k} ${v}`)
        .join('; ')}.`,
      `Threshold crossed: ${Object.entries(a.evidence.threshold as Record<string, unknown>)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
      ...((a.evidence.signals as string[]).length ? [`Signals: ${(a.evidence.signals as string[]).join('; ')}.`] : []),
      `Behind it (${a.evidence.eventCount}): ${(a.evidence.events as string[]).slice(0, 10).join(', ')}${a.evidence.events.length > 10 ? ', …' : ''}.`,
      'Text in the evidence (names, remittance) is shown as data. Nothing was changed: a person confirms or dismisses the alert (`switchboard alerts confirm|dismiss`).',
    ].join('\n'),
  propose_refund: (x) =>
    [
      proposalAnswer(x),
      x.flagged
        ? `FLAGGED for the approver: the destination ${x.destination} never paid this account${x.alertId ? ` (alert ${x.alertId})` : ''}: ${(x.signals as string[]).join('; ')}.`
        : `Destination check passed: the account paid from ${x.destination}.`,
    ].join('\n'),
  find_invoice: (x, r) =>
    r.intent === 'release' && x.status !== 'held'
      ? `Account ${x.accountId} has no held invoice to release: its latest invoice (${x.period}) is ${x.number ?? `id ${x.id}`}, ${x.status}. Nothing was proposed.`
      : `Account ${x.accountId}'s invoice for ${x.period} is ${x.number ?? `held invoice id ${x.id}`}: ${x.total} ${x.currency}, ${x.status}.`,
  list_dunning_candidates: (x) =>
    x.candidates.length
      ? [
          `${x.totalCandidates} of ${x.accountsWithOpenInvoices} accounts with open invoices have a dunning step due on ${x.asOf}${x.totalCandidates > x.candidates.length ? ` (the ${x.candidates.length} longest past due shown)` : ''}:`,
          list(
            (x.candidates as Json[]).map(
              (c) =>
                `  - account ${c.accountId}: ${c.nextStep.description} (${c.daysPastDue} days past due, ${c.overdueBalance} ${c.currency ?? ''} overdue${c.nextStep.lateFee ? `, late fee ${c.nextStep.lateFee}` : ''})`,
            ),
            20,
          ),
          'Nothing was proposed. To propose a step: "propose the next dunning step for account A…".',
        ].join('\n')
      : `No account has a dunning step due on ${x.asOf} (${x.accountsWithOpenInvoices} accounts have open invoices).`,
  billing_totals: (x) =>
    x.currencies.length
      ? [
          `Billed for ${x.period}:`,
          ...(x.currencies as Json[]).map((c) =>
            [
              `  - ${c.currency}: ${c.issued.count} invoices issued, total ${c.issued.total} = lines ${c.issued.subtotal} + taxes ${c.issued.taxTotal}${
                Object.keys(c.issued.taxes).length
                  ? ` (${Object.entries(c.issued.taxes as Record<string, string>)
                      .map(([k, v]) => `${k} ${v}`)
                      .join(', ')})`
                  : ''
              }.`,
              `    Held for review, not billed yet: ${c.held.count} invoices, ${c.held.total}. With them (the bill run's totals): ${c.withHeld.count} invoices, total ${c.withHeld.total} = lines ${c.withHeld.subtotal} + taxes ${c.withHeld.taxTotal}${
                Object.keys(c.withHeld.taxes).length
                  ? ` (${Object.entries(c.withHeld.taxes as Record<string, string>)
                      .map(([k, v]) => `${k} ${v}`)
                      .join(', ')})`
                  : ''
              }.`,
              `    Credit notes issued since: ${c.creditNotes.count}, ${c.creditNotes.total}${c.debitNotes.count ? `; debit notes ${c.debitNotes.count}, ${c.debitNotes.total}` : ''}.`,
              `    Largest invoices: ${(c.largest as Json[]).map((l) => `${l.number ?? `held invoice ${l.id}`} (account ${l.accountId}) ${l.total}`).join(', ')}.`,
            ].join('\n'),
          ),
        ].join('\n')
      : `Nothing was billed for ${x.period}.`,
  collections_overview: (x) =>
    [
      `Account ${x.accountId}: payment risk ${x.risk.band} (score ${x.risk.score}); reminders go by ${(x.channels as string[]).join(' and ')}.`,
      `Ladder: ${x.plan.summary}${x.paused ? `; paused: ${x.paused}` : ''}.`,
      ...((x.taken as string[]).length ? [`Taken: ${(x.taken as string[]).join(', ')}.`] : []),
      ...((x.plan.steps as Json[]).length
        ? [
            `Due now: ${(x.plan.steps as Json[]).map((d) => `${d.stepId}${d.requiresApproval ? ' (a proposal for approval)' : ' (sent by the daily run)'}${d.lateFee ? `, late fee ${d.lateFee}` : ''}`).join('; ')}.`,
          ]
        : []),
      ...((x.plan.held as Json[]).length ? [`Held: ${(x.plan.held as Json[]).map((h) => h.stepId).join(', ')} (earlier steps first).`] : []),
      ...((x.disputed as number[]).length ? [`Disputed invoices (their ladder is stopped): ${(x.disputed as number[]).join(', ')}.`] : []),
      ...(x.promises as Json[]).slice(0, 3).map((p) => `Promise ${p.id}: ${p.amount} ${p.currency} by ${p.promisedFor}, ${p.status} (recorded by ${p.recordedBy}).`),
    ].join('\n'),
  record_payment_promise: (x) =>
    `Promise ${x.id} recorded: account ${x.accountId} will pay ${x.amount} ${x.currency} by ${x.promisedFor} (recorded by ${x.recordedBy}). The dunning ladder pauses until then; if it is not paid in full by that day the promise is broken and the ladder resumes. No money moved.`,
  account_standing: (x) => {
    const s = x.standing;
    if (!s.currency) return `Account ${x.accountId} has no invoices yet.`;
    const buckets = Object.entries(s.buckets as Record<string, string>)
      .map(([k, v]) => `${k.replace('days_', '').replace('_', '-')}: ${v}`)
      .join(', ');
    return [
      ...(x.fromInvoice ? [`Invoice ${x.fromInvoice} belongs to account ${x.accountId}.`] : []),
      `Account ${x.accountId} on ${s.asOf}: open balance ${s.openBalance} ${s.currency}, of which overdue ${s.overdueBalance}${s.daysPastDue ? ` (oldest ${s.daysPastDue} days past due)` : ''}.`,
      ...(/[1-9]/.test(s.creditBalance) ? [s.summary] : []),
      `Ageing: ${buckets}.`,
      list((s.rows as Json[]).map((r) => `  - ${r.number}: open ${r.open} of ${r.total}, due ${r.dueDate} (${r.bucket})`)),
      `Dunning: ${x.dunning.summary}`,
      ...((x.dunning.steps as Json[]).length ? [`Due now: ${(x.dunning.steps as Json[]).map((d) => `${d.description} (${d.action}${d.lateFee ? `, late fee ${d.lateFee}` : ''})`).join('; ')}.`] : []),
    ].join('\n');
  },
  explain_event_rating: (e) =>
    [
      `Event #${e.id}: ${e.service} ${e.direction} from ${e.subscriber} to ${e.otherParty} at ${e.startTime}, category ${e.category}${e.roaming !== 'none' ? `, roaming ${e.roaming}` : ''}, status ${e.status}.`,
      e.cost !== null ? `Rated cost ${e.cost} ${e.currency} with tariff version ${e.tariffVersionId}.` : `Not rated${e.ratingError ? `: ${e.ratingError.code} ${e.ratingError.message}` : ''}.`,
      ...(e.explanation ? [e.explanation] : []),
    ].join('\n'),
  what_if_plan: (x, r) =>
    !r.planId
      ? planAdvice(x)
      : [
          `What-if for account ${x.account}, ${x.period} (${x.currency}, before tax):`,
          list(
            (x.scenarios as Json[]).map((s) =>
              s.note ? `  - ${s.msisdn} on ${s.planId}: ${s.note}` : `  - ${s.msisdn}: ${s.currentPlanId} ${s.currentAmount} vs ${s.planId} ${s.alternativeAmount} (saving ${s.saving})`,
            ),
          ),
        ].join('\n'),
  check_invoice_compliance: (x) =>
    [
      `Invoice ${x.invoice} (${x.jurisdiction ?? 'unknown jurisdiction'}, pack ${x.packId ?? 'none'}): ${x.passed ? 'passes' : 'does not pass'} — ${x.findings.length} findings.`,
      list(
        (x.findings as Json[]).map((f) => `  - [${f.severity}] ${f.code}: ${f.message}${f.source ? ` (${f.source})` : ''}`),
        12,
      ),
    ].join('\n'),
  list_unclassified_records: (x) =>
    [
      `${x.unclassifiedTotal} unclassified events${x.unclassified.length < x.unclassifiedTotal ? ` (the ${x.unclassified.length} newest shown)` : ''}${x.unclassified.length ? ':' : '.'}`,
      list(
        (x.unclassified as Json[]).map((e) => `  - event #${e.id} ${e.subscriber} -> ${e.otherParty}: ${e.reason}`),
        10,
      ),
      `${x.quarantinedTotal} quarantined records${x.quarantined.length < x.quarantinedTotal ? ` (all open; the ${x.quarantined.length} newest shown)` : ''}${x.quarantined.length ? ':' : '.'}`,
      list(
        (x.quarantined as Json[]).map((q) => `  - #${q.id} (batch ${q.batchId}, line ${q.lineNo}): ${q.reason} — ${q.message}`),
        10,
      ),
    ].join('\n'),
  suggest_category: (x) =>
    [
      `Event #${x.eventId} is ${x.current.category} (${x.current.status}${x.current.reason ? `: ${x.current.reason}` : ''}).`,
      x.proposed ? `Suggested category: ${x.proposed.category} (${x.proposed.confidence} confidence, from ${x.proposed.source}).` : 'No category can be suggested from its fields.',
      ...(x.fromText?.evidence?.length ? [`Evidence: ${(x.fromText.evidence as string[]).join('; ')}`] : []),
      ...(x.changesCategory ? [`To apply it, ask: recategorise event ${x.eventId} as ${x.proposed.category}`] : []),
    ].join('\n'),
  list_proposals: (rows, r) => {
    const all = rows as unknown as Json[];
    if (r.intent === 'proposal_status') return statusAnswer(all, r);
    return all.length
      ? [
          `${all.length} proposals:`,
          list(
            all.map((p) => `  - proposal ${p.id} [${p.status}] ${p.kind}, asked by ${p.requestedBy}: ${p.summary}`),
            20,
          ),
        ].join('\n')
      : 'No proposals match.';
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
for (const name of [
  'propose_fee_waiver',
  'propose_credit',
  'propose_release',
  'propose_rerate',
  'propose_recategorisation',
  'propose_payment_plan',
  'propose_dunning_step',
  'propose_payment_match',
  'propose_write_off',
])
  WRITERS[name] = proposalAnswer;

/** What was proposed about an invoice or account ("did we already waive…", "what's the status of…"): found proposals, or none. */
function statusAnswer(all: Json[], r: AnalystRequest): string {
  const about = r.invoice ? `invoice ${r.invoice}` : `account ${r.accountId}`;
  const kinds = /\bwaiv/i.test(r.text)
    ? ['fee_waiver']
    : /\b(credit|refund|goodwill)/i.test(r.text)
      ? ['credit', 'fee_waiver']
      : /\bplan\b/i.test(r.text)
        ? ['payment_plan']
        : /\b(dunning|remind)/i.test(r.text)
          ? ['dunning_step']
          : /\brelease/i.test(r.text)
            ? ['release_hold']
            : null;
  const match = kinds ? all.filter((p) => kinds.includes(p.kind)) : all;
  const what = kinds ? kinds.map((k) => k.replace('_', ' ')).join(' or ') : 'proposal';
  const rows = match.map((p) => `  - proposal ${p.id} [${p.status}] ${p.kind.replace('_', ' ')}, asked by ${p.requestedBy}: ${p.summary}${p.postingRef ? ` (posted: ${p.postingRef})` : ''}`);
  if (!match.length)
    return `No ${what} has been proposed for ${about}${all.length ? ` (other proposals for it: ${all.map((p) => `proposal ${p.id} ${p.kind} [${p.status}]`).join(', ')})` : ''}. Nothing was created now.`;
  return [`Yes: ${match.length === 1 ? 'one' : match.length} ${what}${match.length === 1 ? '' : 's'} for ${about}:`, list(rows, 10), 'Nothing new was created.'].join('\n');
}

/** The first complete JSON object after `"key":` in a cut result, or null. */
function objectAt(head: string, key: string): Json | null {
  const start = head.indexOf(`"${key}":{`);
  if (start < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = start + key.length + 3; i < head.length; i += 1) {
    const c = head[i]!;
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return JSON.parse(head.slice(start + key.length + 3, i + 1)) as Json;
  }
  return null;
}

/** A result too long to hand over whole: its invoice header when it has one, and how to ask for less. */
function truncatedAnswer(tool: string, head: string): string {
  const h = objectAt(head, 'header');
  if (!h) return `The ${tool.replace(/_/g, ' ')} result is too long to show whole; ask about one line or one part of it.`;
  return [
    `Invoice ${h.number ?? '(held, not numbered)'} for ${h.buyer?.name} (account ${h.buyer?.accountId}), ${h.period?.from} to ${h.period?.to}, status ${h.status}.`,
    `Total ${h.total} ${h.currency} = lines ${h.subtotal} + taxes ${h.taxTotal}.`,
    ...(objectAt(head, 'settlement')?.sentence ? [`Standing: ${objectAt(head, 'settlement')!.sentence}`] : []),
    'It has too many lines to explain here in one answer: ask about one line ("explain line <id> of invoice …").',
  ].join('\n');
}

/** The answer of one step from its tool results, by template. */
function stepAnswer(run: StepRun): string {
  const { request: r, outcomes } = run;
  if (run.missing && !outcomes.length) return `To ${describeStep(r)}, tell me ${run.missing}.`;
  if (outcomes.length === 0) return 'I had nothing to look up for that.';
  const parts = outcomes.map((o) => {
    if (o.output.error) return `I could not complete ${o.name.replace(/_/g, ' ')}: ${o.output.error.message} (${o.output.error.code}).`;
    if (o.output.truncated) return truncatedAnswer(o.name, String(o.output.head ?? ''));
    const write = WRITERS[o.name];
    try {
      return write ? write(o.output, r) : `${o.name}: ${JSON.stringify(o.output).slice(0, 1000)}`;
    } catch {
      // A result in a shape the template does not know is shown as it is rather than lost.
      return `${o.name}: ${JSON.stringify(o.output).slice(0, 1000)}`;
    }
  });
  // A look-up that only led to the real answer (find_invoice before explain_invoice, the account of an invoice before a proposal) is not repeated.
  const leads = outcomes.length > 1 && ['find_invoice', 'account_standing'].includes(outcomes[0]!.name) && !outcomes[0]!.output.error;
  const shown = leads ? parts.slice(1) : parts;
  const asked = r.wouldPropose ? [`Nothing was proposed: you asked a question. To propose it, ask for it: "${INTENTS[r.wouldPropose].says.split(' (')[0]}".`] : [];
  return [...shown, ...asked].join('\n\n');
}

/** The answer to a message from the results of the tools each of its steps ran, by template. */
export function writeAnswer(runs: StepRun[], notDone: AnalystRequest[] = []): string {
  const tools = runs.flatMap((x) => x.outcomes.map((o) => o.name));
  const body = runs.map(stepAnswer).join('\n\n');
  const skipped = notDone.length ? [`Not done in this turn (another agent handles it; ask it on its own): ${notDone.map((n) => describeStep(n)).join('; ')}.`] : [];
  return [body, ...skipped, ...(tools.length ? [`(Figures from: ${tools.join(', ')}.)`] : [])].join('\n\n');
}

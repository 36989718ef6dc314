import type { AnalystRequest } from './parse-request.ts';
import { pricingToolCall } from './pricing-rules.ts';
import { cashflowToolCall } from './cashflow-rules.ts';
import { taxPackToolCall } from './tax-pack-rules.ts';
import { invoicePreviewToolCall } from './invoice-preview-rules.ts';

/** A tool call the offline model makes, or the gap that stops it (what the analyst must still say). */
export type NextStep = { tool: string; args: Record<string, unknown> } | { missing: string } | null;

/** A tool's result as the model sees it: the parsed JSON of its ToolMessage. */
export interface ToolOutcome {
  name: string;
  output: Record<string, unknown> & { error?: { code: string; message: string } };
}

const reasonOf = (r: AnalystRequest) => r.text.trim().slice(0, 500);
const done = (outcomes: ToolOutcome[], name: string) => outcomes.find((o) => o.name === name);

const ALERT_DETECTORS: ReadonlyArray<[RegExp, string]> = [
  [/\birsf\b|revenue share/i, 'irsf'],
  [/\bwangiri\b|one[- ]ring/i, 'wangiri'],
  [/\bsim ?box/i, 'simbox'],
  [/\bspikes?\b/i, 'spike'],
  [/\brevenue anomal|tariff error/i, 'revenue'],
  [/\b(shared (?:card|iban)|same (?:card|iban)|many (?:customers|accounts))\b/i, 'shared_instrument'],
  [/\b(chargebacks?|charged back|returns?|returned payments?)\b/i, 'repeated_return'],
  [/\brefund (?:destination|to another)/i, 'refund_destination'],
  [/\b(payer names?|name mismatch|names? (?:do(?:es)?n'?t|do(?:es)? not) match)\b/i, 'payer_name'],
];

/** The alert filter an analyst's words name: a status, a severity, a detector (none named: the newest of every kind). */
function alertFilter(text: string): Record<string, unknown> {
  const status = /\bconfirmed\b/i.test(text) ? 'confirmed' : /\bdismissed\b/i.test(text) ? 'dismissed' : /\b(open|new|unresolved|pending|outstanding)\b/i.test(text) ? 'open' : undefined;
  const severity = /\bcritical\b/i.test(text) ? 'critical' : /\bwarnings?\b/i.test(text) ? 'warning' : undefined;
  const detector = ALERT_DETECTORS.find(([re]) => re.test(text))?.[1];
  return { ...(status ? { status } : {}), ...(severity ? { severity } : {}), ...(detector ? { detector } : {}), limit: 20 };
}

/** The payment an analyst names ("payment 12", "payment #12", "payment id 12"). */
const paymentIdIn = (text: string) => {
  const m = /\bpa?y?m\w{0,5}\s*(?:no\.?\s*|#|id\s*|number\s*)?(\d{1,12})\b(?![.,]\d)/i.exec(text);
  return m ? Number(m[1]) : undefined;
};

/** What a payment question filters on: the payment named, an amount, unmatched, an account. */
function paymentFilter(r: AnalystRequest): Record<string, unknown> {
  const id = paymentIdIn(r.text);
  if (id !== undefined) return { id, limit: 20 };
  const state = /\bunmatched|not matched|unallocated|unidentified|unknown\b/i.test(r.text)
    ? 'unmatched'
    : /\bpartly|partial\w*\b/i.test(r.text)
      ? 'partly_matched'
      : /\breturn\w*|bounced|charge ?backs?\b/i.test(r.text)
        ? 'returned'
        : /\bduplicat\w*\b/i.test(r.text)
          ? 'duplicate'
          : undefined;
  return { ...(state ? { state } : {}), ...(r.amount ? { amount: r.amount } : {}), ...(r.accountId ? { accountId: r.accountId } : {}), limit: 20 };
}

/** The account a step's earlier tool result names (a standing read for "the customer on INV-…"). */
const accountFrom = (outcomes: ToolOutcome[]) => outcomes.map((o) => o.output.accountId).find((a): a is string => typeof a === 'string');

/**
 * The next tool call for a request given what has run for it this turn, or null when it is time to
 * answer. Arguments come only from the analyst's message and from earlier tool results (an
 * invoice number found for an account, the account an invoice belongs to), never from record text.
 */
export function planToolCalls(r: AnalystRequest, outcomes: ToolOutcome[]): NextStep {
  const once = (tool: string, args: Record<string, unknown>): NextStep => (done(outcomes, tool) ? null : { tool, args });
  const [latest, earlier] = [...r.periods].sort().reverse();
  const failed = outcomes.some((o) => o.output.error);
  if (failed) return null;
  // Collections proposals for "the customer on INV-…": the account comes from the standing read of that invoice.
  const account = r.accountId ?? accountFrom(outcomes);
  const accountOrInvoice = (): NextStep | undefined =>
    account ? undefined : r.invoice ? once('account_standing', { invoice: r.invoice }) : { missing: 'the account (e.g. "account A00081") or one of its invoices' };
  switch (r.intent) {
    case 'decide':
      if (!r.decision) return { missing: 'whether to approve or reject' };
      return once('decide_proposal', {
        proposalId: r.proposalId,
        decision: r.decision,
        reason: reasonOf(r),
        ...(r.decision === 'approve' && r.amount && /\bfor\b/i.test(r.text) ? { amount: r.amount } : {}),
      });
    case 'show_proposal':
      return once('show_proposal', { proposalId: r.proposalId });
    case 'list_proposals':
      return once('list_proposals', { status: 'pending', limit: 20 });
    case 'proposal_status':
      return once('list_proposals', { status: 'all', ...(r.invoice ? { invoice: r.invoice } : { accountId: r.accountId }), limit: 20 });
    case 'waive_fee':
      return once('propose_fee_waiver', { invoice: r.invoice, ...(r.lineId ? { lineId: r.lineId } : r.fee ? { fee: r.fee } : {}), reason: reasonOf(r) });
    case 'credit':
      return once('propose_credit', { invoice: r.invoice, amount: r.amount, ...(r.lineId ? { lineId: r.lineId } : {}), reason: reasonOf(r) });
    case 'payment_plan':
      return accountOrInvoice() ?? once('propose_payment_plan', { accountId: account, instalments: r.instalments ?? 3, reason: reasonOf(r) });
    case 'dunning':
      return (
        accountOrInvoice() ??
        (/\b(propose|send|start|issue|take|next step|go ahead|move|escalate|put)\b/i.test(r.text) && !r.question
          ? once('propose_dunning_step', { accountId: account, reason: reasonOf(r) })
          : done(outcomes, 'account_standing')
            ? null
            : once('account_standing', { accountId: account }))
      );
    case 'assurance':
      if (!latest) return { missing: 'the billing month (e.g. "revenue assurance report for 2025-03")' };
      return once('assurance_report', { period: latest });
    case 'refund':
      if (!account) return { missing: 'the account (e.g. "account A00081")' };
      if (!r.iban) return { missing: 'the IBAN to pay the refund to (e.g. "to GB29 NWBK 6016 1331 9268 19")' };
      return once('propose_refund', { accountId: account, ...(r.amount ? { amount: r.amount } : {}), iban: r.iban, reason: reasonOf(r) });
    case 'explain_alert':
      return once('show_fraud_alert', { id: r.alertId });
    case 'dunning_candidates':
      return once('list_dunning_candidates', { limit: 20 });
    case 'cashflow': {
      const step = cashflowToolCall(r);
      return once(step.tool, step.args);
    }
    case 'promise_to_pay': {
      const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(r.text)?.[1];
      // The amount is the figure that is not the date (an account id's digits are inside a word, so never matched).
      const amount = r.amount ?? /(?:£|\bGBP\s*|\bEUR\s*|€)?\b(\d{1,9}(?:\.\d{1,2})?)\b(?!-\d)/.exec(r.text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, ' '))?.[1];
      if (!amount) return { missing: 'the amount promised (e.g. "40.00")' };
      if (!date) return { missing: 'the day promised (YYYY-MM-DD)' };
      return once('record_payment_promise', { accountId: r.accountId, amount, promisedFor: date, note: reasonOf(r) });
    }
    case 'payment_risk':
      return once('collections_overview', { accountId: r.accountId });
    case 'find_payment':
      return once('find_payment', paymentFilter(r));
    case 'match_payment': {
      const paymentId = paymentIdIn(r.text);
      if (paymentId === undefined) return { missing: 'the payment number (e.g. "match payment 12 to account A00081"; "show unmatched payments" lists them)' };
      if (!account) return r.invoice ? once('account_standing', { invoice: r.invoice }) : { missing: 'the account the money is for (e.g. "to account A00081")' };
      return once('propose_payment_match', { paymentId, accountId: account, invoices: r.invoices, reason: reasonOf(r) });
    }
    case 'write_off':
      return once('propose_write_off', { invoice: r.invoice, reason: reasonOf(r) });
    case 'standing':
      if (!r.accountId && !r.invoice) return { missing: 'the account (e.g. "account A00081") or one of its invoices' };
      return once('account_standing', r.accountId ? { accountId: r.accountId } : { invoice: r.invoice });
    case 'release': {
      if (r.invoice) return once('propose_release', { invoice: r.invoice, reason: reasonOf(r) });
      // "the held invoice for A00960": the account's latest invoice, released only if it is held.
      const found = done(outcomes, 'find_invoice');
      if (!found) return { tool: 'find_invoice', args: { accountId: r.accountId, ...(latest ? { period: latest } : {}) } };
      return found.output.status === 'held' ? once('propose_release', { invoice: String(found.output.id), reason: reasonOf(r) }) : null;
    }
    case 'rerate':
      if (r.invoice && !r.accountId) return once('propose_rerate', { invoice: r.invoice, ...(latest ? { period: latest } : {}), reason: reasonOf(r) });
      if (!r.accountId || !latest) return { missing: 'the account and the billing month (e.g. "re-rate account A00081 for 2025-03")' };
      return once('propose_rerate', { accountId: r.accountId, period: latest, reason: reasonOf(r) });
    case 'recategorise':
      return once('propose_recategorisation', { eventId: r.eventId, category: r.category, reason: reasonOf(r) });
    case 'suggest_category':
      return once('suggest_category', { eventId: r.eventId });
    case 'unclassified':
      return once('list_unclassified_records', { limit: 10 });
    case 'explain_event':
      return once('explain_event_rating', { eventId: r.eventId });
    case 'forecast':
      if (!r.accountId) return { missing: 'the account (e.g. "forecast usage for account A00081")' };
      return once('forecast_usage', { accountId: r.accountId });
    case 'what_if':
      if (!r.accountId && !r.invoice) return { missing: 'the account (e.g. "account A00081") or one of its invoices' };
      return once('what_if_plan', { ...(r.accountId ? { accountId: r.accountId } : { invoice: r.invoice }), ...(latest ? { period: latest } : {}), ...(r.planId ? { planId: r.planId } : {}) });
    case 'pricing_what_if':
    case 'usage_trends': {
      const step = pricingToolCall(r.intent, r);
      return 'missing' in step ? step : once(step.tool, step.args);
    }
    case 'preview_invoice': {
      const step = invoicePreviewToolCall(r);
      return once(step.tool, step.args);
    }
    case 'tax_packs':
    case 'tax_pack_diff':
    case 'tax_pack_preview':
    case 'tax_pack_adopt': {
      const step = taxPackToolCall(r);
      return 'missing' in step ? step : once(step.tool, step.args);
    }
    case 'compliance':
      if (!r.invoice) return { missing: 'the invoice number (e.g. INV-000123)' };
      return once('check_invoice_compliance', { invoice: r.invoice });
    case 'compare':
      if (r.invoice)
        return once('compare_periods', {
          invoice: r.invoices[r.invoices.length - 1],
          ...(r.invoices.length > 1 ? { otherInvoice: r.invoices[0] } : (earlier ?? latest) ? { otherPeriod: earlier ?? latest } : {}),
        });
      if (!r.accountId || !latest) return { missing: 'the account and one or two billing months' };
      return once('compare_periods', { accountId: r.accountId, period: latest, ...(earlier ? { otherPeriod: earlier } : {}) });
    case 'bill_change':
      if (!r.accountId && r.invoice) return once('explain_bill_change', { invoice: r.invoice });
      if (!r.accountId) return { missing: 'the account (e.g. "why did account A00081\'s bill go up")' };
      return once('explain_bill_change', { accountId: r.accountId, ...(latest ? { period: latest } : {}) });
    case 'billing_totals':
      return once('billing_totals', latest ? { period: latest } : {});
    case 'flagged':
      return once('list_flagged_invoices', { limit: 20 });
    case 'fraud_alerts':
      return once('list_fraud_alerts', alertFilter(r.text));
    case 'explain_line':
      return once('explain_invoice_line', { invoice: r.invoice, lineId: r.lineId });
    case 'explain_invoice': {
      if (r.invoice) return once('explain_invoice', { invoice: r.invoice, ...(r.totals ? { totalsOnly: true } : {}) });
      const found = done(outcomes, 'find_invoice');
      if (!found) return { tool: 'find_invoice', args: { accountId: r.accountId, ...(latest ? { period: latest } : {}) } };
      // A held invoice has no number yet: it is named by its id.
      return once('explain_invoice', { invoice: typeof found.output.number === 'string' ? found.output.number : String(found.output.id) });
    }
    default:
      return null;
  }
}

/** One step of a message with the tool results that belong to it. */
export interface StepRun {
  request: AnalystRequest;
  outcomes: ToolOutcome[];
  /** What the analyst must still say for this step, when it stopped for a missing id. */
  missing?: string;
}

/**
 * Replays a message's steps over the tool results of this turn, in order: each step takes the
 * results of the calls it asked for. Returns the next call to make (of the first unfinished step),
 * or null with every step's results when all are done.
 */
export function planSteps(steps: AnalystRequest[], outcomes: ToolOutcome[]): { next: { tool: string; args: Record<string, unknown> } | null; runs: StepRun[] } {
  const rest = [...outcomes];
  const runs: StepRun[] = [];
  for (const request of steps) {
    const run: StepRun = { request, outcomes: [] };
    runs.push(run);
    for (let guard = 0; guard < 6; guard += 1) {
      const next = planToolCalls(request, run.outcomes);
      if (!next) break;
      if ('missing' in next) {
        run.missing = next.missing;
        break;
      }
      if (rest[0]?.name !== next.tool) return { next, runs };
      run.outcomes.push(rest.shift()!);
    }
  }
  return { next: null, runs };
}

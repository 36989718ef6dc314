import { findEntities, type Entities } from './find-entities.ts';
import { INJECTION, INTENTS, readClause, type AnalystRequest, type IntentName } from './parse-request.ts';

/** An earlier turn of the thread as the model sees it: the analyst's question and the answer given. */
export interface EarlierTurn {
  question: string;
  answer: string;
}

/** A message read into the steps to take this turn (in order) and the parts left for another turn. */
export interface ReadMessage {
  steps: AnalystRequest[];
  /** Parts of the message for another agent than the first step's: said, not done. */
  notDone: AnalystRequest[];
}

// A second request in the same message starts after "and then", "then", ";", or "and" before a verb of a request.
const CLAUSE_BREAK =
  /\s*(?:;|\.\s+(?=[A-Za-z])|,?\s+and then\s+|,?\s+then\s+|,?\s+and also\s+|,?\s+and\s+(?=(?:please\s+)?(?:waive|credit|refund|approve|reject|decline|show|explain|release|propose|set up|check|compare|list|give|re-?rate|recategori[sz]e|suggest|tell me|send)\b))/i;

// "it", "that invoice", "the customer": the message points back at something said before.
const REFERS_BACK = /\b(it|its|this|that|them|they|their|his|her|same|the (?:invoice|bill|account|customer|client|event|call|line|one))\b/i;

/** Requests made once per invoice named ("waive the monthly fee on INV-000008 and INV-000009"). */
const PER_INVOICE = new Set<IntentName>(['waive_fee', 'credit', 'release', 'compliance', 'explain_invoice']);
/** Steps another agent can run too, with a tool of its own (the compliance checker explains invoices). */
const ALSO_SERVED_BY: Partial<Record<IntentName, string[]>> = { explain_invoice: ['compliance'] };

/** What each intent needs named for its tools to run (one of the fields). */
const NEEDS: Partial<Record<IntentName, Array<keyof Entities>>> = {
  waive_fee: ['invoice'],
  credit: ['invoice'],
  compliance: ['invoice'],
  explain_invoice: ['invoice', 'accountId'],
  explain_line: ['invoice'],
  release: ['invoice', 'accountId'],
  proposal_status: ['invoice', 'accountId'],
  payment_plan: ['accountId', 'invoice'],
  dunning: ['accountId', 'invoice'],
  standing: ['accountId', 'invoice'],
  rerate: ['accountId', 'invoice'],
  what_if: ['accountId', 'invoice'],
  forecast: ['accountId'],
  compare: ['accountId', 'invoice'],
  bill_change: ['accountId', 'invoice'],
  explain_event: ['eventId'],
  suggest_category: ['eventId'],
  recategorise: ['eventId'],
};
const READ_ONLY = new Set<IntentName>([
  'explain_invoice',
  'explain_line',
  'compliance',
  'standing',
  'what_if',
  'forecast',
  'compare',
  'bill_change',
  'explain_event',
  'suggest_category',
  'proposal_status',
  'show_proposal',
  'flagged',
  'billing_totals',
]);

const lacksIds = (r: AnalystRequest) => (NEEDS[r.intent] ?? []).length > 0 && !(NEEDS[r.intent] ?? []).some((k) => r[k] !== undefined);

/** The ids of the most recent earlier turn naming each kind: its question first, then the first line of its answer. */
function idsFromThread(earlier: EarlierTurn[]): Partial<Entities> {
  const out: Partial<Entities> = {};
  for (const turn of [...earlier].reverse()) {
    for (const source of [turn.question, turn.answer.split('\n')[0] ?? '']) {
      const e = findEntities(source);
      for (const k of ['invoice', 'accountId', 'eventId'] as const) if (out[k] === undefined && e[k] !== undefined) (out as Record<string, unknown>)[k] = e[k];
      if (!out.periods?.length && e.periods.length) out.periods = e.periods;
    }
  }
  return out;
}

/** The same clause with the ids it lacks taken from the thread (never a proposal to decide). */
function withThreadIds(r: AnalystRequest, ids: Partial<Entities>): AnalystRequest {
  const filled: AnalystRequest = { ...r };
  for (const k of ['invoice', 'accountId', 'eventId'] as const) if (filled[k] === undefined && ids[k] !== undefined) (filled as unknown as Record<string, unknown>)[k] = ids[k];
  if (!filled.periods.length && ids.periods?.length) filled.periods = ids.periods;
  return filled;
}

/** Reads a clause, resolving "it" and missing ids from the thread's earlier turns. */
function readInThread(text: string, earlier: EarlierTurn[], previous?: AnalystRequest): AnalystRequest {
  const first = readClause(text);
  if (first.intent === 'decide' || first.intent === 'refusal' || first.intent === 'unsupported' || first.intent === 'help') return first;
  const ids = previous ? { invoice: previous.invoice, accountId: previous.accountId, eventId: previous.eventId, periods: previous.periods } : idsFromThread(earlier);
  if (first.intent !== 'unknown' && !lacksIds(first)) return first;
  if (!ids.invoice && !ids.accountId && !ids.eventId) return first;
  // Read again with the thread's ids in the words, so the rules that need an id can hold.
  const named = [ids.invoice ? `invoice ${ids.invoice}` : '', ids.accountId ? `account ${ids.accountId}` : '', ids.eventId !== undefined ? `event ${ids.eventId}` : ''].filter(Boolean).join(' ');
  const again = withThreadIds({ ...readClause(`${text} (${named})`), text }, ids);
  if (again.intent !== 'unknown' && (REFERS_BACK.test(text) || first.intent !== 'unknown')) return again;
  // "and INV-000005?" after a question: the same question about another id.
  const last = earlier.length ? readClause(earlier[earlier.length - 1]!.question) : undefined;
  if (first.intent === 'unknown' && last && READ_ONLY.has(last.intent) && text.split(/\s+/).length <= 8 && (first.invoice || first.accountId || first.eventId !== undefined)) {
    return {
      ...last,
      ...Object.fromEntries(Object.entries(first).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length))),
      intent: last.intent,
      agent: last.agent,
      question: true,
      text,
    };
  }
  return first;
}

/**
 * Reads a message into the steps to take: one per request it makes ("approve proposal 4 and
 * proposal 5" is two decisions; "explain INV-000003 and waive its monthly fee" two requests), each
 * with the ids it names or, for "it", the ones the thread named before. Steps for another agent than
 * the first's are returned apart so the answer can say they were not done.
 */
export function readMessage(text: string, earlier: EarlierTurn[] = []): ReadMessage {
  const whole = readClause(text);
  // A refusal of the whole message (an instruction to ignore the rules) is never split into parts that would run.
  if (whole.intent === 'refusal' && INJECTION.test(text)) return { steps: [whole], notDone: [] };
  const parts = text
    .split(CLAUSE_BREAK)
    .map((p) => p.trim())
    .filter((p) => p.length > 1);
  const clauses: AnalystRequest[] = [];
  for (const part of parts.length ? parts : [text]) {
    const r = readInThread(part, earlier, clauses[clauses.length - 1]);
    // A later part that reads as nothing is a remark ("both checked"), not a request.
    if (r.intent === 'unknown' && clauses.length) continue;
    clauses.push({ ...r, text });
  }
  // Several proposals in one decision: one decision each, all with the analyst's whole message as the reason.
  const steps = clauses.flatMap((c) => {
    if (c.intent === 'decide' && c.proposalIds.length > 1) return c.proposalIds.map((id) => ({ ...c, proposalId: id, proposalIds: [id] }));
    if (PER_INVOICE.has(c.intent) && c.invoices.length > 1) return c.invoices.map((inv) => ({ ...c, invoice: inv, invoices: [inv] }));
    return [c];
  });
  const agent = steps[0]!.agent;
  const runsHere = (s: AnalystRequest) => s.agent === agent || (ALSO_SERVED_BY[s.intent] ?? []).includes(agent);
  const seen = new Set<string>();
  const unique = steps.filter((s) => {
    const key = JSON.stringify([s.intent, s.invoice, s.accountId, s.proposalId, s.eventId, s.amount, s.fee]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { steps: unique.filter(runsHere), notDone: unique.filter((s) => !runsHere(s)) };
}

/** A short name of what a step would have done, for "not done" sentences. */
export function describeStep(r: AnalystRequest): string {
  return (INTENTS[r.intent].says || r.intent).split(' (')[0]!;
}

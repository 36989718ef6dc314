import type { AgentName } from '../../context.ts';

/** What the offline model understood an analyst to ask: one intent and the ids named in the message. */
export interface AnalystRequest {
  intent: IntentName;
  /** Who handles it: a specialist, or the supervisor itself (approvals, help). */
  agent: AgentName | 'supervisor';
  invoice?: string;
  accountId?: string;
  periods: string[];
  proposalId?: number;
  eventId?: number;
  lineId?: string;
  fee?: string;
  amount?: string;
  instalments?: number;
  planId?: string;
  category?: string;
  decision?: 'approve' | 'reject';
  /** The analyst's message, kept as the reason of anything proposed or decided. */
  text: string;
}

export const INTENTS = {
  decide: { agent: 'supervisor', says: 'approve or reject proposal N (approvers only; never your own)' },
  show_proposal: { agent: 'supervisor', says: 'show proposal N' },
  list_proposals: { agent: 'supervisor', says: 'list pending proposals (or: what is pending approval)' },
  waive_fee: { agent: 'collections', says: 'waive the <fee> on invoice INV-…' },
  credit: { agent: 'collections', says: 'credit <amount> on invoice INV-…' },
  payment_plan: { agent: 'collections', says: 'set up a payment plan of N instalments for account A… (or: spread account A…’s balance over N months)' },
  dunning: { agent: 'collections', says: 'propose the next dunning step for account A…' },
  standing: { agent: 'collections', says: 'what is the standing (balance, ageing) of account A…' },
  release: { agent: 'auditor', says: 'release held invoice N' },
  rerate: { agent: 'rater', says: 're-rate account A… for YYYY-MM' },
  recategorise: { agent: 'categoriser', says: 'recategorise event N as <category>' },
  suggest_category: { agent: 'categoriser', says: 'suggest a category for event N (also when a recategorisation names no known category)' },
  unclassified: { agent: 'categoriser', says: 'show unclassified or quarantined records' },
  explain_event: { agent: 'rater', says: 'how was event N priced' },
  what_if: { agent: 'rater', says: 'what would account A… pay on plan P in YYYY-MM (or: would account A… be cheaper on another plan in YYYY-MM)' },
  compliance: { agent: 'compliance', says: 'check invoice INV-… for compliance' },
  compare: { agent: 'auditor', says: 'compare account A… YYYY-MM with YYYY-MM' },
  bill_change: { agent: 'auditor', says: "why did account A…'s bill go up (in YYYY-MM)" },
  flagged: { agent: 'auditor', says: 'show flagged (held) invoices' },
  explain_line: { agent: 'auditor', says: 'explain line <id> of invoice INV-…' },
  explain_invoice: { agent: 'auditor', says: 'explain invoice INV-… (or account A…’s YYYY-MM invoice)' },
  help: { agent: 'supervisor', says: 'help' },
  unknown: { agent: 'supervisor', says: '' },
} as const satisfies Record<string, { agent: AgentName | 'supervisor'; says: string }>;
export type IntentName = keyof typeof INTENTS;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const CATEGORIES = ['on_net', 'local', 'national', 'mobile', 'international', 'toll_free', 'premium_rate', 'emergency', 'short_code', 'data'];

function periodsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(20\d\d)-(0[1-9]|1[0-2])\b(?!-\d)/g)) out.push(`${m[1]}-${m[2]}`);
  for (const m of text.matchAll(/\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+(20\d\d)\b/gi)) {
    out.push(`${m[2]}-${String(MONTHS.indexOf(m[1]!.toLowerCase()) + 1).padStart(2, '0')}`);
  }
  return [...new Set(out)];
}

/** The ids and values named in a message; nothing is inferred that the message does not say. */
function entitiesOf(text: string): Omit<AnalystRequest, 'intent' | 'agent' | 'text'> {
  const invoice = /\b((?:INV|CN|DN)-\d{1,12})\b/i.exec(text)?.[1]?.toUpperCase() ?? /\b(?:held\s+)?invoice\s+(?:id\s+)?#?(\d{1,12})\b/i.exec(text)?.[1];
  const accountId = /\baccount\s+([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])(?:'s)?\b/i.exec(text)?.[1] ?? /\b(A\d{2,})\b/.exec(text)?.[1];
  const proposal = /\b(?:proposal|case|approval)\s*#?\s*(\d{1,12})\b/i.exec(text)?.[1] ?? /\b(?:approve|reject|decline)\s+#?(\d{1,12})\b/i.exec(text)?.[1] ?? /\bP-(\d{1,12})\b/.exec(text)?.[1];
  const event = /\b(?:event|call|record|cdr|usage)\s*#?\s*(\d{1,12})\b/i.exec(text)?.[1];
  // A figure that is part of a date (2025-03, 03/2025) is not an amount.
  const amountText = /\b(?:credit|refund|for|of|to)\s+(?:£|€|\$)?(\d{1,9}(?:\.\d{1,4})?)\b(?![-/]\d)/i.exec(text)?.[1] ?? (/[£€$](\d{1,9}(?:\.\d{1,4})?)/.exec(text)?.[1]);
  const fee = /\bwaive\s+(?:the\s+|a\s+|their\s+|his\s+|her\s+)?(.+?)\s*(?:fee|charge)?\s+(?:on|from|of|in)\s+(?:invoice|INV|the invoice)/i.exec(text)?.[1]?.replace(/\b(fee|charge)\b/gi, '').trim();
  const category = /\bas\s+(?:an?\s+)?([a-z_ -]+?)(?:\s+call|\s+number|[.,!?]|$)/i.exec(text)?.[1]?.trim().toLowerCase().replace(/[ -]/g, '_');
  const instalments = /\b(\d{1,2})\s*(?:monthly\s+)?(?:instal(?:l)?ments?|months|payments)\b/i.exec(text)?.[1];
  return {
    invoice,
    accountId,
    periods: periodsIn(text),
    proposalId: proposal ? Number(proposal) : undefined,
    eventId: event ? Number(event) : undefined,
    lineId: /\bline\s+([a-z]+:[\w:.+-]+)/i.exec(text)?.[1],
    fee: fee && fee.length > 1 ? fee : undefined,
    amount: amountText,
    instalments: instalments ? Number(instalments) : undefined,
    planId: /\bplan\s+([A-Z][A-Z0-9_]{1,63})\b/.exec(text)?.[1],
    category: category && CATEGORIES.includes(category) ? category : undefined,
    decision: /\b(reject|decline|refuse)\b/i.test(text) ? 'reject' : /\b(approve|accept)\b/i.test(text) ? 'approve' : undefined,
  };
}

const RULES: Array<[IntentName, (t: string, e: ReturnType<typeof entitiesOf>) => boolean]> = [
  ['help', (t) => /^\s*(help|\?|what can you do|what do you understand)\b/i.test(t)],
  ['decide', (t, e) => e.proposalId !== undefined && /^\s*(?:please\s+|i\s+)?(approve|reject|decline|refuse)\b/i.test(t)],
  ['show_proposal', (t, e) => e.proposalId !== undefined && /\b(proposal|case)\b/i.test(t)],
  ['list_proposals', (t) => /\b(proposals|approvals|pending cases|pending approval|waiting for approval|awaiting approval)\b/i.test(t)],
  ['waive_fee', (t, e) => /\bwaive|waiver\b/i.test(t) && e.invoice !== undefined],
  ['credit', (t, e) => /\b(credit|refund|goodwill)\b/i.test(t) && e.invoice !== undefined && e.amount !== undefined],
  ['payment_plan', (t) => /\b(payment plan|instal(?:l)?ments?)\b|\bspread\b.{0,80}\bover\s+\d{1,2}\s+(?:months|payments)\b/i.test(t)],
  ['dunning', (t) => /\b(dunning|remind(?:er)?|chase|suspend|suspension|final notice)\b/i.test(t)],
  ['standing', (t) => /\b(standing|owe|owes|owing|ageing|aging|balance|overdue|arrears|debt)\b/i.test(t)],
  ['release', (t, e) => /\brelease\b/i.test(t) && e.invoice !== undefined],
  ['rerate', (t) => /\bre-?rat(e|ing)\b/i.test(t)],
  ['recategorise', (t, e) => e.eventId !== undefined && e.category !== undefined && /\b(re-?categori[sz]e|re-?classify|categori[sz]e|classify|mark|treat)\b/i.test(t)],
  ['suggest_category', (t, e) => e.eventId !== undefined && /\b(?:re-?)?(categor|classif)/i.test(t)],
  ['unclassified', (t) => /\b(unclassified|uncategori[sz]ed|quarantin\w*|could not be (?:read|classified)|unreadable)\b/i.test(t)],
  ['explain_event', (t, e) => e.eventId !== undefined],
  ['what_if', (t) => /\b(what if|would .{0,40}\b(?:pay|cost)|cheaper plan|better plan|on plan|cheaper on (?:another|a different|an other|other) plans?)\b/i.test(t)],
  ['compliance', (t) => /\b(complian\w*|vat|legal|en ?16931|regulat\w*|required fields?|tax rules?)\b/i.test(t)],
  ['compare', (t) => /\b(compare|comparison|versus|vs\.?|difference between)\b/i.test(t)],
  ['bill_change', (t) => /\b(went up|go up|gone up|goes up|went down|go down|increase[sd]?|higher|jump(?:ed)?|spike|bill shock|so (?:high|much)|more than usual)\b/i.test(t)],
  ['flagged', (t) => /\b(flag\w*|held|on hold|hold reasons?)\b/i.test(t)],
  ['explain_line', (_t, e) => e.lineId !== undefined && e.invoice !== undefined],
  ['explain_invoice', (t, e) => e.invoice !== undefined || (e.accountId !== undefined && /\b(invoice|bill)\b/i.test(t))],
];

/**
 * Reads an analyst's message into one intent with its ids, by a fixed, documented rule table
 * (docs/agents.md). Only the analyst's own words are read: tool results and record text never are.
 */
export function parseRequest(text: string): AnalystRequest {
  const entities = entitiesOf(text);
  const intent = RULES.find(([, test]) => test(text, entities))?.[0] ?? 'unknown';
  return { intent, agent: INTENTS[intent].agent, ...entities, text };
}

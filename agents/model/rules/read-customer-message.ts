import { findEntities } from './find-entities.ts';
import { INJECTION } from './parse-request.ts';
import { fixTypos } from './read-words.ts';

/* How the offline model reads a customer of the portal: a fixed rule table (docs/agents.md), first
 * rule that holds wins. Only the customer's own latest words are read, as a request about their own
 * account; nothing in them can name another account or change the rules. */

/** What a customer can ask of the portal assistant. */
export type CustomerIntent =
  | 'staff_only'
  | 'money_ask'
  | 'dispute'
  | 'callback'
  | 'bill_change'
  | 'forecast'
  | 'plan_advice'
  | 'explain_line'
  | 'explain_invoice'
  | 'balance'
  | 'invoices'
  | 'usage'
  | 'other_account'
  | 'help'
  | 'unknown';

/** A customer's message as the offline model understood it. */
export interface CustomerRequest {
  intent: CustomerIntent;
  invoice?: string;
  period?: string;
  lineId?: string;
  /** Words naming the charge the customer means ("roaming"), for a case. */
  line?: string;
  /** An account id the message names: never used, only answered ("I can only see your own account"). */
  mentionedAccount?: string;
  /** The message tries to override the rules ("ignore previous instructions"): obeyed never, said so. */
  injection: boolean;
  text: string;
}

type Rule = [CustomerIntent, (t: string, e: ReturnType<typeof findEntities>) => boolean];

const RULES: Rule[] = [
  // Staff work: approvals, the audit log, re-rating, releases, other customers, users.
  [
    'staff_only',
    (t, e) =>
      // "approve proposal 2", "approve all": a decision; "I never approved this charge" is a dispute.
      /\b(approve|reject|decline|sign off)\s+(?:it\b|this\b|that\b|them\b|all\b|every\w*|everything|the\s+(?:request|case|refund|credit|waiver)|(?:proposal|request|case)s?\b|#?\d+)/i.test(t) ||
      e.proposalIds.length > 0 ||
      /\b(proposals?|approvals?|audit log|audit trail|re-?rat(?:e|ed|ing)|release (?:the )?(?:held )?invoice|held invoices?|dunning|other customers?|all (?:the )?(?:accounts|customers|invoices of everyone)|every (?:account|customer)|users?\b.{0,20}\b(?:list|add|create)|admin|tenant)\b/i.test(
        t,
      ),
  ],
  // Money moved on the customer's say-so: never done here; it becomes a dispute for the billing team.
  [
    'money_ask',
    (t) =>
      /\b(waive|waiver|refund|reimburse|credit (?:me|my|it|back|the)|give me (?:a )?(?:credit|discount|money)|money back|discount|remove (?:the |this |that )?(?:fee|charge)|cancel (?:the |this |that )?(?:fee|charge)|take (?:the |this |that )?(?:fee|charge) off|write off|knock off)\b/i.test(
        t,
      ),
  ],
  [
    'dispute',
    (t) =>
      /\b(disput\w*|disagree|contest|challenge|complain\w*|overcharg\w*|wrong(?:ly)?|incorrect\w*|mistake|error|shouldn'?t (?:have been|be) charged|not (?:mine|right|correct)|never made|didn'?t make)\b/i.test(
        t,
      ),
  ],
  [
    'callback',
    (t) =>
      /\b(call me(?: back)?|callback|call-back|ring me|phone me|give me a call|speak to (?:someone|a person|a human|an agent|somebody)|talk to (?:someone|a person|a human|somebody)|contact me)\b/i.test(
        t,
      ),
  ],
  [
    'bill_change',
    (t) =>
      /\b(so (?:high|much|big|expensive)|higher|went up|gone up|go up|increase[sd]?|more than (?:last|usual|before)|bigger|jump(?:ed)?|doubled|expensive|lower|went down|cheaper than last|changed?)\b/i.test(
        t,
      ) && /\b(bill|invoice|charges?|pay|paying|cost)\b/i.test(t),
  ],
  // Where this period is heading: going over an allowance, running out, the extra charge.
  [
    'forecast',
    (t) =>
      /\b(go(?:ing)? over|run(?:ning)? out|exceed\w*|forecast\w*|projected|on track|by the end of the (?:month|period)|extra charges?|overage)\b/i.test(t) &&
      /\b(allowances?|bundle|minutes|data|texts|sms|gb|mb|usage|this month|this period|limit)\b/i.test(t),
  ],
  ['plan_advice', (t) => /\b(plans?|tariff|bundle|package|cheaper|save money|saving|switch|downgrade|upgrade)\b/i.test(t) && !/\b(explain|what is on)\b/i.test(t)],
  ['explain_line', (_t, e) => e.lineId !== undefined && e.invoice !== undefined],
  [
    'explain_invoice',
    (t, e) =>
      e.invoice !== undefined ||
      /\b(explain|break ?down|understand|what(?:'s| is| are)? (?:on|in)|what am i paying for|what(?:'s| is) this (?:bill|invoice)|details? of|go through)\b.{0,40}\b(bill|invoice|charges?|statement)\b/i.test(
        t,
      ) ||
      /\b(last|latest|recent|this month'?s?|current) (bill|invoice)\b/i.test(t),
  ],
  [
    'balance',
    (t) =>
      /\b(owe|owing|balance|outstanding|overdue|arrears|standing|unpaid|in credit|due)\b/i.test(t) ||
      /\bhow much (?:do|should|must|have) i\b/i.test(t) ||
      /\b(have i paid|did i pay|is (?:it|my bill) paid)\b/i.test(t),
  ],
  ['invoices', (t) => /\b(invoices|bills|statements|invoice history|billing history)\b/i.test(t)],
  ['usage', (t) => /\b(usage|calls?|texts?|sms|messages|data|minutes|roaming|what did i use|how much did i use)\b/i.test(t)],
  ['other_account', (_t, e) => e.accountId !== undefined],
  ['help', (t) => /^\s*(help|hi|hello|hey|what can you do|\?)\W*$/i.test(t) || /\bwhat can you (?:do|help)\b/i.test(t)],
];

// "the roaming charge", "my late fee", "the calls to France": the words that name the charge.
const LINE_WORDS = /\b(?:the|my|a|this|that|those|these)\s+((?:[a-z0-9-]+\s+){0,3}?)(?:charges?|fees?|line|costs?|items?|calls?)\b/i;

// "the calls to other countries on INV-…": where they went names the line.
const CALLS_TO = /\b(?:calls?|texts?|messages)\s+to\s+([a-z][a-z ]{2,30}?)(?=\s+(?:on|in|from|last|this)\b|[,.;!?]|$)/i;

/** Reads a customer's message into one request about their own account. */
export function readCustomerMessage(original: string): CustomerRequest {
  const text = fixTypos(original);
  const e = findEntities(text);
  const intent = RULES.find(([, test]) => test(text, e))?.[0] ?? 'unknown';
  const line = LINE_WORDS.exec(text)?.[1]?.trim() || CALLS_TO.exec(text)?.[1]?.trim() || e.fee;
  const [period] = [...e.periods].sort().reverse();
  return {
    intent,
    ...(e.invoice ? { invoice: e.invoice } : {}),
    ...(period ? { period } : {}),
    ...(e.lineId ? { lineId: e.lineId } : {}),
    ...(line && line.length > 1 ? { line } : {}),
    ...(e.accountId ? { mentionedAccount: e.accountId } : {}),
    injection: INJECTION.test(text),
    text: original,
  };
}

/** Earlier turns named an invoice ("dispute it", "explain that one"): the latest such, read from the customer's questions and the first line of each answer. */
export function invoiceFromThread(turns: Array<{ question: string; answer: string }>): string | undefined {
  for (const turn of [...turns].reverse()) {
    for (const source of [turn.question, turn.answer.split('\n')[0] ?? '']) {
      const found = findEntities(source).invoice;
      if (found) return found;
    }
  }
  return undefined;
}

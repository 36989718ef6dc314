import type { AgentName } from '../../context.ts';
import { findEntities, type Entities } from './find-entities.ts';
import { fixTypos, readWords, type Words } from './read-words.ts';
import { asksPricingWhatIf, asksUsageTrends } from './pricing-rules.ts';
import { asksCashflow } from './cashflow-rules.ts';
import { asksTaxPack } from './tax-pack-rules.ts';
import { asksInvoicePreview } from './invoice-preview-rules.ts';

/** What the offline model understood an analyst to ask: one intent and the ids named in the message. */
export interface AnalystRequest extends Entities {
  intent: IntentName;
  /** Who handles it: a specialist, or the supervisor itself (approvals, help, refusals). */
  agent: AgentName | 'supervisor';
  /** The message asks something (never creates anything) rather than asks for something. */
  question: boolean;
  /** For a refusal or an area not available yet: the sentence that says why, in words. */
  why?: string;
  /** A question about what would be a proposal of this kind: read instead, and the answer says how to ask for it. */
  wouldPropose?: IntentName;
  /** The invoice-total answer is wanted (total and taxes first), not the whole explanation. */
  totals?: boolean;
  /** The analyst's message, kept as the reason of anything proposed or decided. */
  text: string;
}

export const INTENTS = {
  decide: { agent: 'supervisor', says: 'approve or reject proposal N (approvers only; never your own; several: "approve proposal 4 and 5")' },
  show_proposal: { agent: 'supervisor', says: 'show proposal N' },
  list_proposals: { agent: 'supervisor', says: 'list pending proposals (or: what is pending approval)' },
  proposal_status: { agent: 'supervisor', says: 'did we already waive the fee on invoice INV-… (what was proposed for an invoice or account, and its status)' },
  waive_fee: { agent: 'collections', says: 'waive the <fee> on invoice INV-…' },
  credit: { agent: 'collections', says: 'credit <amount> on invoice INV-…' },
  payment_plan: { agent: 'collections', says: 'set up a payment plan of N instalments for account A… (or: spread A…’s balance over N months; or: for the customer on INV-…)' },
  refund: { agent: 'collections', says: "refund <amount> of account A…'s credit balance to IBAN GB29 NWBK … (the whole balance when no amount is given)" },
  dunning_candidates: { agent: 'collections', says: 'which accounts should go to the next dunning step' },
  cashflow: { agent: 'collections', says: 'cash-flow forecast (expected receipts per week for the next 13 weeks; which accounts would bring the most cash soonest)' },
  dunning: { agent: 'collections', says: 'propose the next dunning step for account A…' },
  assurance: { agent: 'collections', says: 'show the revenue assurance report for YYYY-MM (where did revenue leak; do the gaps add up)' },
  promise_to_pay: { agent: 'collections', says: 'record a promise to pay <amount> by YYYY-MM-DD for account A…' },
  payment_risk: { agent: 'collections', says: 'what is the payment risk (and dunning ladder) of account A…' },
  find_payment: { agent: 'collections', says: 'show unmatched payments · find the payment of 25.20 (or from <payer>, or payment N)' },
  match_payment: { agent: 'collections', says: 'match payment N to account A… (and invoice INV-…): a proposal an approver posts' },
  write_off: { agent: 'collections', says: 'write off the rest of invoice INV-… (a proposal)' },
  standing: { agent: 'collections', says: 'what is the standing (balance, ageing) of account A… (or of the customer on INV-…)' },
  release: { agent: 'auditor', says: 'release held invoice N (or: the held invoice of account A…)' },
  rerate: { agent: 'rater', says: 're-rate account A… for YYYY-MM' },
  recategorise: { agent: 'categoriser', says: 'recategorise event N as <category>' },
  suggest_category: { agent: 'categoriser', says: 'suggest a category for event N (also when a recategorisation names no known category)' },
  unclassified: { agent: 'categoriser', says: 'show unclassified or quarantined records' },
  explain_event: { agent: 'rater', says: 'how was event N priced' },
  forecast: { agent: 'rater', says: 'forecast usage for account A… · will account A… go over its allowance (this period, with the expected extra charge)' },
  what_if: { agent: 'rater', says: 'is account A… on the right plan (in YYYY-MM) · what would A… pay on plan P · what plan should I recommend to the customer on INV-…' },
  pricing_what_if: { agent: 'rater', says: 'what would revenue be in YYYY-MM with tariff file X.yaml (or catalog file Y.yaml), from the what-if folder' },
  usage_trends: { agent: 'rater', says: 'usage trends by category (forecast of the next months, with the back-test error)' },
  compliance: { agent: 'compliance', says: 'check invoice INV-… for compliance' },
  tax_packs: { agent: 'compliance', says: 'which tax packs are in force (and which versions are imported)' },
  tax_pack_diff: { agent: 'compliance', says: 'what changes in tax pack eu-vat 2025-08 (an imported version, in words)' },
  tax_pack_preview: { agent: 'compliance', says: 'preview the impact of eu-vat 2025-08 on the last billed period' },
  tax_pack_adopt: { agent: 'compliance', says: 'propose adopting eu-vat 2025-08 because … (a proposal an approver decides)' },
  compare: { agent: 'auditor', says: 'compare account A… YYYY-MM with YYYY-MM' },
  bill_change: { agent: 'auditor', says: "why did account A…'s bill go up (in YYYY-MM)" },
  billing_totals: { agent: 'auditor', says: 'how much did we bill in total in March 2025' },
  flagged: { agent: 'auditor', says: 'which invoices are held and why' },
  explain_alert: { agent: 'auditor', says: 'explain alert N (its evidence: statistics, threshold, signals, the payments or events behind it)' },
  fraud_alerts: { agent: 'auditor', says: 'show open fraud alerts (or: critical IRSF / Wangiri / SIM box / spike / revenue alerts)' },
  explain_line: { agent: 'auditor', says: 'explain line <id> of invoice INV-…' },
  preview_invoice: { agent: 'auditor', says: 'preview invoice INV-… in German (or: in the family / enterprise layout, in large print, with itemised calls)' },
  explain_invoice: { agent: 'auditor', says: 'explain invoice INV-… (or account A…’s YYYY-MM invoice; what is the total and VAT of INV-…)' },
  refusal: { agent: 'supervisor', says: '' },
  unsupported: { agent: 'supervisor', says: '' },
  help: { agent: 'supervisor', says: 'help' },
  unknown: { agent: 'supervisor', says: '' },
} as const satisfies Record<string, { agent: AgentName | 'supervisor'; says: string }>;
export type IntentName = keyof typeof INTENTS;

type Rule = [IntentName, (w: Words, e: Entities, t: string) => boolean | string];

/** Words of a forecast of an account's use: where it is heading, going over an allowance, an overage. */
const USAGE_FORECAST =
  /\b(forecast\w*|projections?|projected|predict\w*|overages?|on track)\b|\b(go(?:es|ing)?|run(?:s|ning)?)\s+(?:over|out)\b|\bexceed\w*\b|\b(?:over|above|past)\s+(?:its|their|the|his|her|my|our)\s+(?:\w+\s+)?(?:allowances?|bundles?|limits?|minutes|data|texts)\b|\bby the end of the (?:month|period)\b/i;
/** A forecast of one account's use (not revenue or churn, which are not available); without an account, the model asks for one. */
const asksUsageForecast = (e: Entities, t: string) =>
  (e.accountId !== undefined || /\b(allowances?|usage|bundles?|minutes|data|texts)\b/i.test(t)) && USAGE_FORECAST.test(t) && !/\b(revenue|churn\w*|turnover)\b/i.test(t);

/** Words of the revenue-assurance report: assurance, leakage, reconciling a month, revenue lost, the gaps adding up. */
const ASSURANCE =
  /\b(assurance|leak\w*|reconcil\w*\s+(?:report|the\s+(?:month|period|billing|revenue)|(?:march|april|may|june|\d{4}-\d{2})\b)|(?:lost|losing|lose|missing)\s+(?:\w+\s+)?(?:revenue|money)|revenue\s+(?:gaps?|losses?)|(?:the\s+)?gaps?\s+add\s+up|switch to the bank)/i;

/** A target: an invoice, or an account. */
const target = (e: Entities) => e.invoice !== undefined || e.accountId !== undefined;
// "did we…", "has … been…", "the status of…", "is there a…": asks what was done, never does it.
const asksWhatWasDone = (w: Words, t: string) =>
  w.question && (/^\s*(did|does|do|has|have|had|was|were|is there|are there)\b/i.test(t) || w.has('status', 'already', 'pending', 'exist', 'existing', 'open'));
/** Text that tries to override the rules ("ignore previous instructions", "SYSTEM: …"): never obeyed; with a decision in it, refused whole. */
export const INJECTION = /\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|rules?|prompt|guidelines?)\b|\byou are now\b|^\s*(system|assistant|developer)\s*:|\b(jailbreak|developer mode)\b/i;
const DECISION_START = /^\s*(?:please\s+|i\s+|ok(?:ay)?,?\s+|yes,?\s+|now\s+)?(approve|reject|decline|refuse)\b/i;

/**
 * Refusals and areas not available yet: each a reason in words. Checked before anything else, so
 * a message that asks for one of these never reaches a tool.
 */
const REFUSALS: Rule[] = [
  [
    'refusal',
    (_w, e, t) =>
      INJECTION.test(t) &&
      /\b(approve|accept|reject|decline|post)\b/i.test(t) &&
      (e.proposalIds.length > 0 || /\ball\b/i.test(t)) &&
      'I do not follow instructions embedded in a message, and nothing is approved that way. A decision counts only when you state it plainly yourself, as "approve proposal N" with your reason; if that is what you mean, say just that.',
  ],
  [
    'refusal',
    (w, e, t) =>
      DECISION_START.test(t) &&
      e.proposalIds.length === 0 &&
      !w.has('all', 'everything') &&
      'A decision needs the proposal\'s number in your own words: say "approve proposal N" (or "reject proposal N") with your reason. I never pick the proposal for you.',
  ],
  [
    'refusal',
    (w) =>
      w.has('approve', 'reject') &&
      w.has('all', 'every', 'everything') &&
      !w.question &&
      'Proposals are decided one by one, each by number in your own words ("approve proposal 4 and proposal 5"), never all at once.',
  ],
  [
    'refusal',
    (w, e) =>
      e.negativeAmount &&
      w.has('credit', 'refund', 'waive', 'goodwill') &&
      'A credit is always a positive amount: a negative credit would be a charge, and charges come only from the tariff and the bill run. Say the amount to credit, e.g. "credit 5.00 on invoice INV-000123".',
  ],
  [
    'refusal',
    (_w, _e, t) =>
      /\b(void|cancel|delete|remove|wipe|credit|waive)\b.{0,20}\b(all|every|each)\b.{0,20}\b(invoices?|bills?|accounts?|customers?)\b/i.test(t) &&
      'That is not done in bulk, and not from chat: every invoice stays as issued, and each correction is its own proposal for one invoice, approved by people. Name one invoice ("waive the monthly fee on invoice INV-…").',
  ],
  [
    'refusal',
    (w, e, t) =>
      (e.invoice !== undefined || w.has('invoice', 'bill')) &&
      /\b(change|edit|modify|alter|adjust|update|correct|set|amend|rewrite|overwrite|delete|remove)\b.{0,60}\b(total|amount|price|line|tax|vat|due date|figure)s?\b|\b(delete|remove|erase)\b.{0,20}\binvoice\b/i.test(
        t,
      ) &&
      !w.has('waive', 'credit', 'refund') &&
      'An issued invoice is never edited or deleted: its number and figures stay as issued. To lower what the customer owes, I can propose a credit note against it for an approver: say "credit <amount> on invoice <number>" or "waive the <fee> on invoice <number>".',
  ],
  [
    'unsupported',
    (w, _e, t) =>
      (/\b(e-?mail|text|sms|message|phone|ring|write to|contact|notify|letter)\b.{0,30}\b(the\s+)?(customer|client|subscriber|them|him|her)\b/i.test(t) || w.has('email')) &&
      'I cannot contact customers (no email, letter or text is sent from here). What I can do is show what was proposed for them ("did we already waive the fee on invoice INV-…") or propose a dunning step, which an approver sends.',
  ],
  [
    'unsupported',
    (w, _e, t) =>
      /\b(sim swap\w*|scam\w*)\b/i.test(t) &&
      'SIM-swap and scam detection are not available: the detectors look for IRSF, Wangiri, SIM boxes, usage spikes and revenue anomalies ("show open fraud alerts").',
  ],
  [
    'unsupported',
    (_w, e, t) =>
      /\b(forecast\w*|predict\w*|churn\w*|likely to (?:leave|cancel|pay)|projection|project(?:ed)?\s+(?:revenue|billing)|next (?:month|quarter|year)'?s? (?:revenue|billing|bill))\b/i.test(t) &&
      !asksUsageForecast(e, t) &&
      // Whether one named account is likely to pay is its payment risk (docs/collections.md), which is available.
      !(e.accountId !== undefined && /\blikely to pay\b/i.test(t)) &&
      'Revenue and churn forecasts are not available: the tools report what was billed and rated, forecast one account\'s use this period ("forecast usage for account A…") and the cash expected from open invoices ("cash-flow forecast"). I can give what was billed in a month ("how much did we bill in March 2025").',
  ],
  [
    'unsupported',
    (_w, _e, t) =>
      /\b(record|log|enter|post|register|take)\b.{0,30}\b(a |the )?payments?\b/i.test(t) &&
      !/\b(payment plan|instal)/i.test(t) &&
      'Recording money received by hand is for a person (`switchboard invoice pay`, or a bank statement import): I never move money. I can find a payment ("show unmatched payments") or propose matching one ("match payment N to account A…") for an approver.',
  ],
  [
    'unsupported',
    (_w, _e, t) =>
      /\b(change|update|modify|add|set|edit|new|introduce|raise|lower)\b.{0,40}\b(tax|vat)\s*(rules?|rates?|packs?|regimes?|codes?)\b|\btax rule changes?\b/i.test(t) &&
      'Tax rules and rates are not changed from chat: a new version of a rule pack is imported by an admin (`switchboard tax import <file>`, with its effective date and sources). I can show what an imported version changes ("what changes in eu-vat 2025-08"), preview its impact on the last billed period, and propose adopting it for an approver; or check an invoice against its rule pack ("check invoice INV-… for compliance").',
  ],
];

const RULES: Rule[] = [
  [
    'help',
    (_w, _e, t) =>
      /^\s*(?:hi|hello|hey)?[,!\s]*(help|what can you do|what do you (?:understand|know)|how do i use|what (?:kind of |sort of )?(?:things|questions|requests)?\s*can i (?:ask|say))\b|^\s*\?+\s*$/i.test(
        t,
      ),
  ],
  // Pricing questions only read (nothing is proposed), so they come before the refusals of areas not covered (forecasts); an injection is never one.
  ['pricing_what_if', (w, e, t) => !INJECTION.test(t) && asksPricingWhatIf(w, e, t)],
  ['usage_trends', (w, e, t) => !INJECTION.test(t) && asksUsageTrends(w, e, t)],
  // The cash-flow forecast only reads, so it too comes before the refusal of forecasts not available (revenue, churn).
  ['cashflow', (_w, _e, t) => !INJECTION.test(t) && asksCashflow(t)],
  // Revenue assurance reads only, so it comes before the refusals ("reconcile" is not a payment being recorded).
  ['assurance', (_w, e, t) => !INJECTION.test(t) && e.invoice === undefined && e.accountId === undefined && ASSURANCE.test(t)],
  // Tax pack versions (docs/taxes.md): reading them, and proposing one's adoption, come before the refusal of changing tax rules from chat.
  ['tax_pack_adopt', (_w, _e, t) => !INJECTION.test(t) && asksTaxPack(t) === 'tax_pack_adopt'],
  ['tax_pack_preview', (_w, _e, t) => !INJECTION.test(t) && asksTaxPack(t) === 'tax_pack_preview'],
  ['tax_pack_diff', (_w, _e, t) => !INJECTION.test(t) && asksTaxPack(t) === 'tax_pack_diff'],
  ['tax_packs', (_w, e, t) => !INJECTION.test(t) && e.invoice === undefined && asksTaxPack(t) === 'tax_packs'],
  // An invoice printed another way only reads (the preferences stay), so it comes before the refusals of editing an invoice.
  ['preview_invoice', (_w, e, t) => !INJECTION.test(t) && e.invoice !== undefined && asksInvoicePreview(t)],
  ...REFUSALS,
  ['forecast', (_w, e, t) => asksUsageForecast(e, t)],
  [
    'decide',
    (_w, e, t) => e.proposalId !== undefined && (DECISION_START.test(t) || /^\s*(?:proposal|case)\s*(?:no\.?\s*|#)?\d+\b[^.?]{0,40}?[,;:.-]\s*(?:so\s+|please\s+)?(approve|reject|decline)\b/i.test(t)),
  ],
  ['show_proposal', (w, e) => e.proposalId !== undefined && (w.has('proposal', 'case', 'approval') || e.proposalIds.length > 0)],
  // One alert by number, with its evidence (usage or payment fraud): before the list of alerts.
  ['explain_alert', (_w, e, t) => e.alertId !== undefined && e.invoice === undefined && /\balerts?\b/i.test(t)],
  // Fraud and anomaly alerts (docs/fraud.md): before the bill-change rule, which "spike" would match.
  ['fraud_alerts', (_w, e, t) => e.invoice === undefined && /\b(fraud\w*|alerts?|irsf|wangiri|sim ?box(?:es)?|anomal\w*|revenue share)\b/i.test(t)],
  [
    'proposal_status',
    (w, e, t) =>
      asksWhatWasDone(w, t) &&
      target(e) &&
      !/\b(cheaper|better|best|right|different|another|other)\s+plan/i.test(t) &&
      (w.has('waive', 'waiver', 'credit', 'refund', 'goodwill', 'payment plan', 'dunning', 'reminder', 'release', 'rerate', 'proposal', 'propose', 'credited', 'waived') ||
        /\b(credited|waived|propos\w*)\b/i.test(t)),
  ],
  [
    'list_proposals',
    (w, e, t) =>
      w.has('proposal', 'approval', 'pending case', 'pending approval') ||
      (!target(e) && /\b(sign-?\s?off|awaiting|anything pending|what'?s pending|pending)\b/i.test(t)) ||
      /\b(waiting for|awaiting) (?:an )?approv/i.test(w.lemmas.join(' ')),
  ],
  // Promises to pay and payment risk (docs/collections.md): before dunning and standing, whose words they share.
  ['promise_to_pay', (w, e, t) => e.accountId !== undefined && (w.has('promise', 'promised', 'promises') || /\bpromis\w*\b/i.test(t)) && !/\bwhich\b|\bany\b|\blist\b|\bshow\b/i.test(t)],
  [
    'payment_risk',
    (w, e, t) => e.accountId !== undefined && (/\b(payment[- ]risk|risk score|risk band|risky|credit risk|how risky|likely to pay|ladder)\b/i.test(t) || (w.has('risk') && !w.has('fraud'))),
  ],
  // A refund of an account's credit balance to an IBAN (docs/payment-fraud.md); a refund "on an invoice" is a credit (below).
  ['refund', (_w, e, t) => /\brefund/i.test(t) && e.invoice === undefined && (e.iban !== undefined || /\b(credit balance|overpa\w*|in credit)\b/i.test(t))],
  ['waive_fee', (w, e) => w.has('waive', 'waiver') && (e.invoice !== undefined || e.lineId !== undefined)],
  ['credit', (w, e) => w.has('credit', 'refund', 'goodwill') && e.invoice !== undefined && e.amount !== undefined],
  ['payment_plan', (w, _e, t) => w.has('payment plan', 'instalment', 'pay plan') || /\bspread\b.{0,80}\bover\b/i.test(t) || (w.has('pay') && /\b(over|in)\s+\w+\s+(months|monthly)\b/i.test(t))],
  ['write_off', (_w, e, t) => e.invoice !== undefined && /\bwrit(?:e|ing)[-\s]?offs?\b|\bwrite\b.{0,30}\boff\b/i.test(t)],
  [
    'match_payment',
    (_w, _e, t) =>
      /\b(match|allocate|apply|assign|reconcile)\w*\b.{0,40}\bpayments?\b|\bpayments?\s*(?:no\.?\s*|#|id\s*)?\d+\b.{0,40}\b(?:to|against|with)\b.{0,20}\b(account|invoice|A\d)/i.test(t) &&
      !/\b(payment plan|instal)/i.test(t),
  ],
  [
    'find_payment',
    // "Has A1 paid INV-…?" is about that invoice (its standing, with its notes), not a payment search.
    (_w, e, t) =>
      (/\b(payments?|remittance|bank statement|unmatched)\b/i.test(t) || (/\bpaid\b/i.test(t) && e.invoice === undefined)) &&
      !/\b(payment plan|instal|pay plan|unpaid)\b/i.test(t) &&
      !/\bpayment reminder\b|\bfor payment\b/i.test(t),
  ],
  [
    'dunning_candidates',
    (w, e) =>
      e.accountId === undefined &&
      e.invoice === undefined &&
      w.has('account', 'customer', 'who', 'which') &&
      w.has('dunning', 'reminder', 'chase', 'overdue', 'arrears', 'suspend', 'suspension', 'final notice', 'late'),
  ],
  ['dunning', (w) => w.has('dunning', 'remind', 'reminder', 'chase', 'suspend', 'suspension', 'final notice')],
  [
    'billing_totals',
    (w, e, t) =>
      e.invoice === undefined &&
      e.accountId === undefined &&
      !w.has('held', 'hold', 'flagged', 'on hold') &&
      (/\bhow (?:much|many)\b.{0,30}\b(bill|invoice|charge|vat|tax)/i.test(t) ||
        /\b(biggest|largest|highest|top)\b.{0,20}\b(invoices?|bills?|customers?|accounts?)\b/i.test(t) ||
        (w.has('vat', 'tax') && w.has('bill', 'billed', 'invoiced', 'total') && e.periods.length > 0) ||
        w.has('revenue', 'turnover', 'bill run') ||
        (w.has('total') && w.has('bill', 'billed', 'invoice', 'invoiced'))),
  ],
  [
    'standing',
    (w, _e, t) => w.has('standing', 'owe', 'owing', 'ageing', 'balance', 'overdue', 'arrears', 'debt', 'outstanding', 'unpaid') || /\bhow much\b.{0,40}\b(owe|open|due|left|outstanding)\b/i.test(t),
  ],
  ['release', (w, e) => w.has('release', 'unhold', 'un-hold') && (e.invoice !== undefined || e.accountId !== undefined)],
  ['rerate', (w, _e, t) => w.has('rerate') || /\bre[-\s]?rat(?:e|ed|ing)\b/i.test(t)],
  ['recategorise', (w, e) => e.eventId !== undefined && e.category !== undefined && w.has('recategorise', 'reclassify', 'categorise', 'classify', 'mark', 'treat', 'move', 'change', 'set')],
  ['suggest_category', (_w, e, t) => e.eventId !== undefined && /\b(?:re-?)?(categor|classif)/i.test(t)],
  [
    'unclassified',
    (w, _e, t) =>
      w.has('unclassified', 'quarantine', 'quarantined', 'uncategorised') ||
      /\b(uncategori[sz]ed|quarantin\w*|(?:could not|couldn'?t|can ?not|can'?t|failed to|did not|didn'?t)\s+(?:be\s+)?(?:read|parse|parsed|classif\w*|categori[sz]\w*)|unreadable|rejected records?|bad (?:records?|lines?|cdrs?)|broken (?:records?|lines?|cdrs?))\b/i.test(
        t,
      ),
  ],
  ['explain_event', (_w, e) => e.eventId !== undefined],
  [
    'what_if',
    (w, e, t) =>
      /\b(what if|would .{0,60}\b(?:pay|cost|save)|cheaper|better plan|best plan|right plan|on plan|switch\w* plans?|change plans?|different plan|another plan|other plans?|which plan|what plan|recommend\w*|save money|saving|downgrade|upgrade)\b/i.test(
        t,
      ) ||
      (e.planId !== undefined && target(e)),
  ],
  [
    'compliance',
    (w, _e, t) =>
      w.has('compliance', 'compliant') ||
      /\b(complian\w*|legal\w*|en ?16931|regulat\w*|required fields?|rule pack|tax rules?|reverse charge)\b/i.test(t) ||
      (w.has('vat', 'tax') && w.has('check', 'verify', 'validate', 'correct', 'right', 'valid', 'wrong') && !/\bhow much\b/i.test(t)),
  ],
  ['compare', (w) => w.has('compare', 'comparison', 'versus', 'vs', 'vs.', 'difference between')],
  [
    'bill_change',
    (_w, _e, t) =>
      /\b(went up|go(?:ne|es)? up|went down|go(?:ne|es)? down|increase[sd]?|decrease[sd]?|higher|lower|jump(?:ed)?|spike[sd]?|bill shock|so (?:high|much)|more than|less than|bigger|doubled)\b/i.test(
        t,
      ),
  ],
  [
    'flagged',
    (w, _e, t) => w.has('flag', 'flagged', 'held', 'on hold', 'hold', 'hold reason') || /\b(stuck|in review|under review|awaiting review|blocked|not (?:been )?(?:sent|issued)|can go out)\b/i.test(t),
  ],
  ['explain_line', (_w, e) => e.lineId !== undefined && e.invoice !== undefined],
  ['explain_invoice', (w, e) => e.invoice !== undefined || (e.accountId !== undefined && w.has('invoice', 'bill'))],
];

/** What a question about something that would be a proposal reads instead: nothing is proposed. */
const QUESTION_READS: Partial<Record<IntentName, IntentName>> = {
  waive_fee: 'explain_invoice',
  credit: 'explain_invoice',
  payment_plan: 'standing',
  dunning: 'standing',
  promise_to_pay: 'payment_risk',
  refund: 'standing',
  release: 'explain_invoice',
  rerate: 'explain_invoice',
  recategorise: 'suggest_category',
  match_payment: 'find_payment',
  write_off: 'standing',
};

/** Reads one clause of a message into an intent, by the first rule of the table that holds. */
function readClause(original: string): AnalystRequest {
  // Rules and ids read the text with its domain-word typos corrected ("evnet 468"); the reason keeps the analyst's words.
  let text = fixTypos(original);
  const words = readWords(text);
  const entities = findEntities(text);
  let intent: IntentName = 'unknown';
  let why: string | undefined;
  for (const [name, test] of RULES) {
    const hit = test(words, entities, text);
    if (!hit) continue;
    intent = name;
    if (typeof hit === 'string') why = hit;
    break;
  }
  // A question never creates anything: it reads what the proposal would have been made from.
  const asked = intent;
  const read = words.question ? QUESTION_READS[intent] : undefined;
  if (read) intent = read === 'explain_invoice' && entities.invoice === undefined && entities.accountId !== undefined ? 'standing' : read;
  const totals = intent === 'explain_invoice' && !read && /\b(total|how much|vat|tax(?:es)?|amount)\b/i.test(text) && !/\bexplain\b/i.test(text);
  text = original;
  return { intent, agent: INTENTS[intent].agent, question: words.question, ...entities, ...(why ? { why } : {}), ...(totals ? { totals } : {}), ...(read ? { wouldPropose: asked } : {}), text };
}

/**
 * Reads an analyst's message into one intent with its ids, by a fixed, documented rule table
 * (docs/agents.md). Only the analyst's own words are read: tool results and record text never are.
 */
export function parseRequest(text: string): AnalystRequest {
  return readClause(text);
}

export { readClause };

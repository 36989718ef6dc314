import { isValidIban, normaliseIban } from '../../../tools/payment-fraud/index.ts';
import { corrected } from './read-words.ts';

/* The ids and values an analyst's message names. Ids have fixed shapes in the data (INV-000123,
 * A00081, AB0011, event 42, proposal 7), so these are read by their shapes; nothing is inferred that
 * the message does not say. */

/** The ids and values named in a message. */
export interface Entities {
  invoice?: string;
  /** Every invoice the message names, in order ("compare INV-000001 and INV-000784"). */
  invoices: string[];
  accountId?: string;
  periods: string[];
  proposalId?: number;
  /** Every proposal the message names, in order ("approve proposal 4 and proposal 5"). */
  proposalIds: number[];
  eventId?: number;
  lineId?: string;
  fee?: string;
  amount?: string;
  /** The message names a negative amount ("credit -50"): refused, never read as 50. */
  negativeAmount: boolean;
  instalments?: number;
  planId?: string;
  category?: string;
  decision?: 'approve' | 'reject';
  /** An IBAN the message names (ISO 13616, check digits valid), with or without spaces, normalised. */
  iban?: string;
  /** A fraud alert the message names ("alert 4", "alert #4"). */
  alertId?: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));
const CATEGORIES = ['on_net', 'local', 'national', 'mobile', 'international', 'toll_free', 'premium_rate', 'emergency', 'short_code', 'data'];
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const NUMBER = `(\\d{1,2}|${NUMBER_WORDS.join('|')})`;
const numberOf = (s: string) => (/^\d+$/.test(s) ? Number(s) : NUMBER_WORDS.indexOf(s.toLowerCase()));

function periodsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(20\d\d)-(0[1-9]|1[0-2])\b(?!-\d)/g)) out.push(`${m[1]}-${m[2]}`);
  for (const m of text.matchAll(/\b([a-z]{3,9})\.?\s+(20\d\d)\b/gi)) {
    const word = m[1]!.toLowerCase();
    const i = MONTHS.includes(word) ? MONTHS.indexOf(word) : SHORT_MONTHS.indexOf(word);
    if (i >= 0) out.push(`${m[2]}-${String(i + 1).padStart(2, '0')}`);
  }
  return [...new Set(out)];
}

/** Invoices named by number in any usual form (INV-000123, inv 123, INV000123), or a held invoice by id. */
function invoicesIn(text: string): string[] {
  const numbered = [...text.matchAll(/\b(INV|CN|DN)[-\s#]?(\d{1,12})\b/gi)].map((m) => `${m[1]!.toUpperCase()}-${m[2]!.padStart(6, '0')}`);
  if (numbered.length) return [...new Set(numbered)];
  // "invoice no. 754" is the invoice numbered 754; "invoice 114", "held invoices 114 and 139" are held invoices by id.
  const byNumber = /\binvoice\s+(?:no\.?|number|nr\.?)\s*#?(\d{1,12})\b/i.exec(text)?.[1];
  if (byNumber) return [`INV-${byNumber.padStart(6, '0')}`];
  const held = /\b(?:held\s+)?invoices?\s+(?:ids?\s+|#\s*)?(\d{1,12})\b((?:\s*(?:,|and|&)\s*#?\d{1,12}\b)*)/i.exec(text);
  return held ? [held[1]!, ...[...(held[2] ?? '').matchAll(/\d{1,12}/g)].map((x) => x[0])] : [];
}

/** An account id: "account X", or a bare id shaped like the data's (A00081, AB0011). */
function accountIn(text: string): string | undefined {
  const named = /\baccount\s+(?:id\s+|no\.?\s*|number\s+|#\s*)?([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])(?:'s)?\b/i.exec(text)?.[1];
  if (named && /\d/.test(named)) return /^[a-z]{1,3}\d+$/i.test(named) ? named.toUpperCase() : named;
  const bare = /(?<![:\w-])(?!(?:INV|CN|DN|EN|P)\s?\d)([A-Z]{1,3}\d{2,})\b(?!:\w)/i.exec(text)?.[1];
  return bare && !/^(?:INV|CN|DN)/i.test(bare) ? bare.toUpperCase() : undefined;
}

/** Proposal ids: "proposal 4", "proposal no. 4", "proposals 4 and 5", "case #7", "P-12", "approve 3". */
function proposalsIn(text: string): number[] {
  const ids: number[] = [];
  const lead = /\b(?:proposals?|cases?|approvals?)\s*(?:no\.?|number|nr\.?|#)?\s*#?(\d{1,12})((?:\s*(?:,|and|&|\+)\s*(?:(?:proposal|case)\s*)?(?:no\.?\s*|#)?\d{1,12})*)/gi;
  for (const m of text.matchAll(lead)) ids.push(Number(m[1]), ...[...(m[2] ?? '').matchAll(/\d{1,12}/g)].map((x) => Number(x[0])));
  for (const m of text.matchAll(/\bP-(\d{1,12})\b/g)) ids.push(Number(m[1]));
  if (!ids.length) for (const m of text.matchAll(/\b(?:approve|reject|decline)\s+#?(\d{1,12})\b/gi)) ids.push(Number(m[1]));
  return [...new Set(ids)];
}

function amountIn(text: string): { amount?: string; negative: boolean } {
  // A figure that is part of a date (2025-03, 03/2025) is not an amount.
  const m =
    /\b(?:credit|refund|for|of|to|by|with)\s+(-\s*|minus\s+)?(?:£|€|\$)?(-\s*)?(\d{1,9}(?:\.\d{1,4})?)\b(?![-/]\d)/i.exec(text) ??
    /()[£€$]()(\d{1,9}(?:\.\d{1,4})?)/.exec(text) ??
    /(-\s*)?()\b(\d{1,9}(?:\.\d{1,4})?)\s*(?:GBP|EUR|USD|pounds?|quid|euros?|dollars?)\b/i.exec(text);
  if (!m) return { negative: /(?:^|\s)-\s*[£€$]?\d/.test(text) && /\b(credit|refund)\b/i.test(text) };
  return { amount: m[3], negative: Boolean(m[1] || m[2]) };
}

function instalmentsIn(text: string): number | undefined {
  const m =
    new RegExp(`\\b${NUMBER}[\\s-]*(?:equal\\s+)?(?:monthly\\s+)?(?:instal(?:l)?ments?|months?|payments|parts)\\b`, 'i').exec(text) ??
    new RegExp(`\\b(?:over|across|in)\\s+${NUMBER}\\b`, 'i').exec(text);
  const n = m ? numberOf(m[1]!) : -1;
  return n > 0 ? n : undefined;
}

/** The words of the fee to waive ("the monthly fee", "montly charge"), typos corrected; ids and fillers left out. */
function feeIn(text: string): string | undefined {
  if (!/\bwaiv/i.test(text)) return undefined;
  const m =
    /\bwaive\s+(?:the\s+|a\s+|their\s+|his\s+|her\s+|its\s+|this\s+)?(.+?)\s*(?:fee|charge)?s?\s+(?:on|from|of|in|for)\s+(?:invoice|INV|the invoice|it\b|this|that)/i.exec(text)?.[1] ??
    /\b(?:the|a|their|its)\s+([a-z][a-z0-9 ]{1,40}?)\s+(?:fee|charge)s?\b/i.exec(text)?.[1] ??
    /(?:^|[:,]\s*)([a-z][a-z0-9 ]{1,40}?)\s+(?:fee|charge)s?\b/i.exec(text)?.[1];
  const words = m
    ?.replace(/\b(fee|charge)s?\b/gi, '')
    .replace(/\b(?:INV|CN|DN)[-\s]?\d+('s)?\b/gi, '')
    .split(/\s+/)
    .filter((w) => w && !/^(the|teh|hte|a|an|for|waiver|waive|please|pls|plz)$/i.test(w))
    .map((w) => (/^[a-z]+$/.test(w) ? corrected(w) : w));
  const fee = words?.join(' ').trim();
  return fee && fee.length > 1 ? fee : undefined;
}

/** A known category the message gives an event ("as international", "should be mobile", "to toll-free"). */
function categoryIn(text: string): string | undefined {
  const words = CATEGORIES.map((c) => c.replace('_', '[ _-]?')).join('|');
  const m = new RegExp(`\\b(?:as|should be|to|into|is really|is actually|be)\\s+(?:an?\\s+)?(${words})\\b`, 'i').exec(text)?.[1];
  return m
    ? m
        .toLowerCase()
        .replace(/[ -]/g, '_')
        .replace(/^(on|toll|premium|short)(?=[a-z])/, '$1_')
    : undefined;
}

/** The first valid IBAN of a message and the text it spans: written in groups of four or in one piece, the longest run whose check digits hold. */
function ibanIn(text: string): { iban: string; span: string } | undefined {
  for (const m of text.matchAll(/\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]){11,30}\b/gi)) {
    const parts = m[0].split(/(?=\s)/);
    for (let n = parts.length; n > 0; n--) {
      const span = parts.slice(0, n).join('');
      if (isValidIban(span)) return { iban: normaliseIban(span), span };
    }
  }
  return undefined;
}

/** Reads the ids and values of a message. */
export function findEntities(original: string): Entities {
  // An IBAN's digits are neither an account id nor an amount: it is read first and taken out of the text.
  const found = ibanIn(original);
  const text = found ? original.replace(found.span, ' ') : original;
  const alert = /\balerts?\s*(?:no\.?\s*|number\s+|#\s*)?#?(\d{1,12})\b/i.exec(text)?.[1];
  const proposalIds = proposalsIn(text);
  const event = /\b(?:event|call|record|cdr|usage(?:\s+event)?)\s*(?:id\s+|no\.?\s*|number\s+)?#?\s*(\d{1,12})\b/i.exec(text)?.[1];
  const fee = feeIn(text);
  const category = categoryIn(text);
  const { amount, negative } = amountIn(text);
  const invoices = invoicesIn(text);
  return {
    invoice: invoices[0],
    invoices,
    accountId: accountIn(text),
    periods: periodsIn(text),
    proposalId: proposalIds[0],
    proposalIds,
    eventId: event ? Number(event) : undefined,
    lineId: /\bline\s+([a-z]+:[\w:.+-]+)/i.exec(text)?.[1],
    fee,
    amount,
    negativeAmount: negative,
    instalments: instalmentsIn(text),
    planId: (/\bplan\s+([A-Z][A-Z0-9_]{1,63})\b/.exec(text)?.[1] ?? /(?<![:\w-])([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+)\b(?!:)/.exec(text)?.[1])?.toUpperCase(),
    category,
    decision: /\b(reject|decline|refuse)\b/i.test(text) ? 'reject' : /\b(approve|accept)\b/i.test(text) ? 'approve' : undefined,
    ...(found ? { iban: found.iban } : {}),
    ...(alert ? { alertId: Number(alert) } : {}),
  };
}

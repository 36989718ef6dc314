import nlp from 'compromise';
import { distance } from 'fastest-levenshtein';

/**
 * The words of an analyst's message as the rules read them: tokens and lemmas from compromise (a
 * rule-based English tagger with its lexicon in the package: no weights, no download, the same
 * output for the same text), typos of domain words corrected to the nearest known word by edit
 * distance (fastest-levenshtein), and whether the message asks something or asks for something.
 */
export interface Words {
  /** Lower-case lemmas ("waived" → "waive", "instalments" → "instalment"), typos corrected, in order. */
  lemmas: string[];
  /** A question (did we…, what's the status…, can the customer…?) as opposed to a request (waive…, can you…, please…). */
  question: boolean;
  /** True when any of these lemmas (or "a b" two-word phrases) is in the message. */
  has(...words: string[]): boolean;
}

/**
 * The domain words typos are corrected to. A word is corrected only when it is not itself one of
 * these, is five letters or more, and is one edit away (two for words of eight letters or more).
 */
const VOCABULARY = [
  'waive',
  'waiver',
  'invoice',
  'account',
  'proposal',
  'approve',
  'reject',
  'decline',
  'instalment',
  'installment',
  'payment',
  'monthly',
  'dunning',
  'reminder',
  'suspend',
  'standing',
  'balance',
  'overdue',
  'ageing',
  'release',
  'rerate',
  'recategorise',
  'categorise',
  'classify',
  'unclassified',
  'quarantine',
  'quarantined',
  'compliance',
  'compliant',
  'compare',
  'explain',
  'priced',
  'price',
  'event',
  'credit',
  'refund',
  'goodwill',
  'pending',
  'approval',
  'flagged',
  'held',
  'status',
  'customer',
  'cheaper',
  'recommend',
  'total',
  'category',
  'suggest',
  'outage',
  'change',
  'charge',
  'increase',
  'billed',
  'forecast',
  'fraud',
  'received',
  'email',
  'proposals',
  'invoices',
  'accounts',
  'arrears',
  'review',
  'unpaid',
  'outstanding',
  'reclassify',
  'quarantine',
  'categorised',
  'classified',
  'preview',
  'changes',
  'adopt',
  'adopting',
  'impact',
];
const KNOWN = new Set(VOCABULARY);

/** A domain word the token is a typo of, or the token itself. */
export function corrected(word: string): string {
  if (word.length < 5 || KNOWN.has(word) || !/^[a-z]+$/.test(word)) return word;
  const limit = word.length >= 8 ? 2 : 1;
  let best = word;
  let bestDistance = limit + 1;
  for (const v of VOCABULARY) {
    if (Math.abs(v.length - word.length) > limit) continue;
    // Two letters swapped ("wiave") is one slip of the fingers, though Levenshtein counts it as two.
    const swapped = v.length === word.length && [...v].sort().join('') === [...word].sort().join('');
    const d = swapped ? Math.min(distance(word, v), 1) : distance(word, v);
    if (d < bestDistance) [best, bestDistance] = [v, d];
  }
  return best;
}

/**
 * The text with each word of five letters or more that is a typo of a domain word replaced by it
 * ("evnet" → "event", "compliace" → "compliance"); inflections of known words ("payments",
 * "charged") and words with digits are kept as written.
 */
export function fixTypos(text: string): string {
  return text.replace(/\b[A-Za-z]{5,}\b/g, (word) => {
    const lower = word.toLowerCase();
    if (KNOWN.has(lower) || [/s$/, /es$/, /ed$/, /d$/, /ing$/].some((end) => KNOWN.has(lower.replace(end, '')) || KNOWN.has(lower.replace(end, 'e')))) return word;
    const fixed = corrected(lower);
    return fixed === lower ? word : fixed;
  });
}

/** British and American spellings and hyphenations, read as one word. */
const SPELLINGS: Record<string, string> = {
  installment: 'instalment',
  recategorize: 'recategorise',
  categorize: 'categorise',
  're-rate': 'rerate',
  're-rated': 'rerate',
  're-rating': 'rerate',
  rerating: 'rerate',
  'pay-plan': 'plan',
  're-categorise': 'recategorise',
  're-categorize': 'recategorise',
  aging: 'ageing',
  'e-mail': 'email',
};

// A question starts with a question word or an auxiliary, unless it is a polite request ("can you…", "could we…").
const QUESTION_STARTS = new Set([
  'what',
  "what's",
  'whats',
  'which',
  'who',
  'whom',
  'whose',
  'when',
  'where',
  'why',
  'how',
  'did',
  'do',
  'does',
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'will',
  'should',
  'can',
  'could',
  'would',
  'may',
  'might',
  'shall',
  'must',
]);
const POLITE = /^(?:can|could|would|will)\s+(?:you|u|we|i)\s+(?:please\s+)?(?!be\b|have\b|see\b|tell\b|check\b|know\b|ask\b)/i;
// "Can the customer on INV-… pay in 4 monthly instalments?": asks for the plan, with its terms stated.
const ASKS_FOR_PLAN = /^(?:can|could)\b.{0,80}\b(?:pay|spread|split)\b.{0,40}\b(?:\d{1,2}|two|three|four|five|six|twelve)\s+(?:monthly\s+|equal\s+)?(?:instal+ments?|months|payments)\b/i;

/** Reads a message into lemmas and its speech act. */
export function readWords(text: string): Words {
  const doc = nlp(text);
  doc.compute('root');
  const terms = (doc.json() as Array<{ terms: Array<{ normal: string; root?: string; text: string }> }>).flatMap((s) => s.terms);
  const read = (w: string) => {
    const base = w.toLowerCase().replace(/[.,!?;:]+$/, '');
    return SPELLINGS[base] ?? corrected(base);
  };
  const lemmas = terms.map((t) => read(t.root ?? t.normal));
  // The word as written counts too: compromise's root of "dunning" is "dun", of "arrears" "arrear".
  const forms = terms.map((t) => read(t.normal));
  const firstWord = (text.trim().split(/\s+/)[0] ?? '').toLowerCase().replace(/[^a-z']/g, '');
  const question = !POLITE.test(text.trim()) && !ASKS_FOR_PLAN.test(text.trim()) && (QUESTION_STARTS.has(firstWord) || /\?\s*$/.test(text) || /\b(?:status of|whether|already)\b/i.test(text));
  const set = new Set([...lemmas, ...forms]);
  const joined = ` ${lemmas.join(' ')} ${forms.join(' ')} `;
  return {
    lemmas,
    question,
    has: (...words) => words.some((w) => (w.includes(' ') ? joined.includes(` ${w} `) : set.has(w))),
  };
}

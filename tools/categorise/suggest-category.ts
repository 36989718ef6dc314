import { z } from 'zod';
import { BillingError } from '../errors.ts';
import type { Service } from '../cdr/usage-record.types.ts';
import { normalizeParty } from '../classify/normalize-party.ts';
import { operatorSettingsSchema } from '../classify/classification.types.ts';
import { categorySuggestionSchema, suggestCategoryInputSchema, type CategorySuggestion, type Confidence, type SuggestableCategory, type SuggestCategoryInput } from './categorise.types.ts';

/**
 * The pattern table: every suggestion comes from a row here, nothing else. Rows read one source
 * kind: `text` (notes, userfield: free text, matched as data and never obeyed), `number` (the other
 * party and the number extraction found, normalised) or `application` (the switch's last app).
 * Text alone is never `high`: a person (or a hostile note) wrote it, the switch did not.
 */
export interface CategoryPattern {
  id: string;
  source: 'text' | 'number' | 'application';
  pattern: RegExp;
  category?: SuggestableCategory;
  roaming?: 'outbound';
  service?: Service;
  confidence: Confidence;
  /** Why a match means what it says, shown in the evidence. */
  meaning: string;
}

// Emergency numbers as classification knows them by default, so both agree on what is one.
const EMERGENCY_NUMBERS = operatorSettingsSchema.parse({}).emergencyNumbers;
const EMERGENCY_NUMBER = new RegExp(`^(?:${EMERGENCY_NUMBERS.join('|')})$`);
const SHORT_CODE = new RegExp(`^(?!(?:${EMERGENCY_NUMBERS.join('|')})$)\\d{3,6}$`);

// Ordered: on a tie in confidence the earlier row's category wins (emergency first, as classification does).
export const CATEGORY_PATTERNS: readonly CategoryPattern[] = [
  { id: 'emergency-number', source: 'number', pattern: EMERGENCY_NUMBER, category: 'emergency', confidence: 'high', meaning: 'an emergency number' },
  {
    id: 'emergency-word',
    source: 'text',
    pattern: /\b(?:emergency|ambulance|police|fire brigade|fire service)\b/i,
    category: 'emergency',
    confidence: 'medium',
    meaning: 'mentions an emergency service',
  },
  { id: 'emergency-number-text', source: 'text', pattern: /(?<![\w+#-])(?:112|999|911)(?![\w-])/, category: 'emergency', confidence: 'medium', meaning: 'mentions an emergency number' },
  { id: 'premium-e164', source: 'number', pattern: /^(?:\+|00)(?:449\d{9}|1900\d{7})$/, category: 'premium_rate', confidence: 'high', meaning: 'a UK 09 or NANP 900 premium-rate number' },
  {
    id: 'premium-national',
    source: 'number',
    pattern: /^09\d{6,10}$/,
    category: 'premium_rate',
    confidence: 'medium',
    meaning: 'a national 09 number (premium rate in the UK, DE, NL, CH, not in FR)',
  },
  { id: 'premium-word', source: 'text', pattern: /\bpremium(?:[ -]rate)?\b/i, category: 'premium_rate', confidence: 'medium', meaning: 'mentions premium rate' },
  { id: 'premium-number-text', source: 'text', pattern: /(?<![\w+#:/.-])09(?:xx|\d{2}(?:[ -]?\d){0,9})(?![\w:/.-])/i, category: 'premium_rate', confidence: 'low', meaning: 'mentions a 09xx number' },
  {
    id: 'toll-free-e164',
    source: 'number',
    pattern: /^(?:\+|00)(?:800\d{8}|44800\d{6,7}|44808\d{7})$/,
    category: 'toll_free',
    confidence: 'high',
    meaning: 'a UIFN +800 or UK 0800/0808 freephone number',
  },
  { id: 'toll-free-nanp', source: 'number', pattern: /^(?:\+1|001|1)8(?:00|33|44|55|66|77|88)\d{7}$/, category: 'toll_free', confidence: 'medium', meaning: 'a NANP toll-free number' },
  { id: 'toll-free-national', source: 'number', pattern: /^080[08]\d{5,8}$/, category: 'toll_free', confidence: 'medium', meaning: 'a national 0800/0808 freephone number' },
  { id: 'toll-free-word', source: 'text', pattern: /\b(?:toll[ -]?free|free ?phone|freecall)\b/i, category: 'toll_free', confidence: 'medium', meaning: 'mentions a toll-free number' },
  { id: 'toll-free-number-text', source: 'text', pattern: /(?<![\w+#:/.-])080[08](?:[ -]?\d){0,8}(?![\w:/.-])/, category: 'toll_free', confidence: 'low', meaning: 'mentions an 0800/0808 number' },
  { id: 'voicemail-app', source: 'application', pattern: /^voicemail$/i, category: 'on_net', confidence: 'high', meaning: "the switch ran VoiceMail: the call ended on the operator's own platform" },
  { id: 'voicemail-word', source: 'text', pattern: /\b(?:voice ?mail|mailbox)\b/i, category: 'on_net', confidence: 'medium', meaning: "mentions voicemail, a service on the operator's own platform" },
  { id: 'short-code', source: 'number', pattern: SHORT_CODE, category: 'short_code', confidence: 'low', meaning: 'a 3-6 digit number that is not an emergency number' },
  { id: 'data-word', source: 'text', pattern: /\b(?:data session|mobile data|gprs|apn)\b/i, category: 'data', service: 'data', confidence: 'medium', meaning: 'mentions a data session' },
  { id: 'sms-word', source: 'text', pattern: /\b(?:sms|mms|text message)\b/i, service: 'sms', confidence: 'medium', meaning: 'mentions a text message' },
  {
    id: 'roaming-word',
    source: 'text',
    pattern: /\b(?:roam(?:ing|er|ed)?|abroad|overseas|visit(?:ed|ing) (?:country|network))\b/i,
    roaming: 'outbound',
    confidence: 'medium',
    meaning: 'mentions the subscriber being abroad',
  },
];

// Free text beyond this is not read: notes are short, and bounded input keeps matching cheap.
const MAX_TEXT = 2000;
const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };
const BY_RANK: readonly Confidence[] = ['low', 'medium', 'high'];

interface Match {
  row: CategoryPattern;
  index: number;
  evidence: string;
}

function matchSource(kind: CategoryPattern['source'], label: string, value: string, matches: Match[]): void {
  CATEGORY_PATTERNS.forEach((row, index) => {
    if (row.source !== kind) return;
    const m = row.pattern.exec(value);
    // Only the matched fragment is quoted: it is bounded by the pattern, so no instruction in the text is ever repeated.
    if (m) matches.push({ row, index, evidence: `${label} "${m[0]}": ${row.meaning} (${row.id}, ${row.confidence})` });
  });
}

/**
 * Suggests a category (with roaming and service where the patterns say) for a record
 * classification could not classify, from the fixed pattern table only; null when no row names a category.
 */
export function suggestCategory(input: SuggestCategoryInput): CategorySuggestion | null {
  const parsed = suggestCategoryInputSchema.safeParse(input);
  if (!parsed.success) throw new BillingError('INVALID_INPUT', `invalid categoriser input: ${z.prettifyError(parsed.error)}`);
  const { notes, userfield, otherParty, extracted } = parsed.data;
  const matches: Match[] = [];
  for (const [label, text] of [
    ['notes', notes],
    ['userfield', userfield],
  ] as const) {
    if (text) matchSource('text', label, text.slice(0, MAX_TEXT), matches);
  }
  const numbers = new Set<string>();
  for (const [label, raw] of [
    ['other party', otherParty],
    ['dialled number', extracted?.dialledNumber],
  ] as const) {
    if (!raw || raw.length > 64) continue;
    const n = normalizeParty(raw);
    if (!/^\+?[0-9*#]{1,32}$/.test(n) || numbers.has(n)) continue;
    numbers.add(n);
    matchSource('number', label, n, matches);
  }
  if (extracted?.application) matchSource('application', 'application', extracted.application, matches);

  const categorised = matches.filter((m) => m.row.category !== undefined);
  if (categorised.length === 0) return null;
  const best = (c: SuggestableCategory): Match[] => categorised.filter((m) => m.row.category === c);
  const strongest = (ms: Match[]): number => Math.max(...ms.map((m) => RANK[m.row.confidence]));
  const categories = [...new Set(categorised.map((m) => m.row.category!))];
  // The strongest evidence wins; on a tie, table order (emergency first, as in classification).
  const firstRow = (c: SuggestableCategory): number => Math.min(...best(c).map((m) => m.index));
  const chosen = categories.sort((a, b) => strongest(best(b)) - strongest(best(a)) || firstRow(a) - firstRow(b))[0]!;
  const support = best(chosen);
  let rank = strongest(support);
  const evidence = support.map((m) => m.evidence);
  // Independent agreement (the switch's data and a person's note) is worth more than either alone.
  if (support.some((m) => m.row.source === 'text') && support.some((m) => m.row.source !== 'text') && rank < RANK.high) {
    rank += 1;
    evidence.push('raised one level: text and switch data agree');
  }
  const rivals = categorised.filter((m) => m.row.category !== chosen);
  if (rivals.length > 0) {
    evidence.push(...rivals.map((m) => `conflicting: ${m.evidence}`));
    // An equally strong rival leaves a coin toss; a weaker one still casts some doubt.
    rank = strongest(rivals) >= rank ? RANK.low : Math.max(RANK.low, rank - 1);
  }

  const roaming = matches.find((m) => m.row.roaming !== undefined);
  const service = chosen === 'data' ? 'data' : matches.find((m) => m.row.service !== undefined && m.row.category === undefined)?.row.service;
  for (const m of matches) if (m.row.category === undefined) evidence.push(m.evidence);
  return categorySuggestionSchema.parse({
    category: chosen,
    ...(service ? { service } : {}),
    ...(roaming ? { roaming: 'outbound' } : {}),
    confidence: BY_RANK[rank]!,
    evidence,
  });
}

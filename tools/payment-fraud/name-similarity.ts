/*
 * How alike a payer's name and a customer's name are, from 0 (nothing in common) to 1 (the same
 * name), tolerant of what bank statements do to names (docs/payment-fraud.md):
 * - case, accents and punctuation ("MÜLLER, J." = "Müller J"): folded away;
 * - word order ("SMITH JOHN" = "John Smith"): words are matched as a set;
 * - initials ("J. Smith" = "John Smith"): an initial matches a word it starts (counted 0.9);
 * - titles and legal forms ("Mr", "Dr", "GmbH", "Ltd"): dropped;
 * - typos and transliterations ("Mueller" / "Muller"): words match from a Jaro-Winkler similarity;
 * - missing middle names ("John Smith" / "John Paul Smith"): the score is over the shorter name.
 * A name matched by initials alone is never a match (at most 0.4): "J. S." could be anyone.
 */

const DROPPED = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'herr',
  'frau',
  'mme',
  'mlle',
  'm',
  'sr',
  'sra',
  'and',
  'und',
  'et',
  'y',
  'the',
  'of',
  'ltd',
  'limited',
  'plc',
  'llc',
  'llp',
  'inc',
  'corp',
  'co',
  'gmbh',
  'ag',
  'kg',
  'ug',
  'bv',
  'nv',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'oy',
  'ab',
  'as',
  'aps',
]);

const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** A name's words as compared: accents, case, punctuation, titles and legal forms folded away. */
export function nameWords(name: string): string[] {
  const folded = name
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const kept = words.filter((w) => !DROPPED.has(w));
  // A name that is nothing but dropped words ("The Co") is compared as written.
  return kept.length ? kept : words;
}

/** The Jaro-Winkler similarity of two words (0..1; prefix scale 0.1 over at most 4 letters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit = new Array<boolean>(a.length).fill(false);
  const bHit = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = true;
      bHit[j] = true;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** What an initial scores against a word it starts. */
const INITIAL = 0.9;

/** How alike two words are: 1 the same, 0.9 an initial of the other, their Jaro-Winkler from `wordMatch` up, else 0. */
function wordScore(a: string, b: string, wordMatch: number): { score: number; full: boolean } {
  if (a === b) return { score: 1, full: a.length > 1 };
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return { score: INITIAL, full: false };
  if (a.length === 1 || b.length === 1) return { score: 0, full: false };
  const jw = jaroWinkler(a, b);
  return jw >= wordMatch ? { score: jw, full: true } : { score: 0, full: false };
}

/**
 * The similarity of two names (0..1), or null when either has no words: the words are paired one
 * to one, best pairs first, and the scores of the pairs summed over the shorter name's word count.
 */
export function nameSimilarity(a: string, b: string, options: { wordMatch?: number } = {}): number | null {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (!wa.length || !wb.length) return null;
  const wordMatch = options.wordMatch ?? 0.88;
  const pairs: { i: number; j: number; score: number; full: boolean }[] = [];
  for (let i = 0; i < wa.length; i++) for (let j = 0; j < wb.length; j++) pairs.push({ i, j, ...wordScore(wa[i]!, wb[j]!, wordMatch) });
  pairs.sort((x, y) => y.score - x.score || Number(y.full) - Number(x.full));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let sum = 0;
  let full = false;
  for (const p of pairs) {
    if (p.score <= 0 || usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    sum += p.score;
    full ||= p.full;
  }
  const score = sum / Math.min(wa.length, wb.length);
  return Math.round((full ? score : Math.min(score, 0.4)) * 1000) / 1000;
}

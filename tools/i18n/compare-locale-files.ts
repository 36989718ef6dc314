import { placeholdersOf } from './fill-template.ts';
import { flattenTexts } from './texts-schema.ts';

/** One difference between a translation and the reference language's file. */
export interface LocaleFinding {
  file: string;
  key: string;
  problem: string;
}

/**
 * Compares translation objects of one namespace against the reference one (English): the same
 * dotted keys, a non-empty string at each, and the same {placeholders} per key. Used by the tests
 * over every tools/.../locales file, whatever namespace (invoice, layout, messages, notifications).
 */
export function compareLocaleFiles(reference: { file: string; data: unknown }, others: { file: string; data: unknown }[]): LocaleFinding[] {
  const out: LocaleFinding[] = [];
  const ref = flattenTexts(reference.data);
  for (const [key, text] of ref) {
    if (typeof text !== 'string' || text.trim() === '') out.push({ file: reference.file, key, problem: 'not a non-empty string' });
  }
  for (const other of others) {
    const texts = flattenTexts(other.data);
    for (const [key, text] of texts) {
      if (!ref.has(key)) out.push({ file: other.file, key, problem: `not in ${reference.file}` });
      else if (typeof text !== 'string' || text.trim() === '') out.push({ file: other.file, key, problem: 'not a non-empty string' });
      else {
        const want = placeholdersOf(String(ref.get(key))).join(', ');
        const got = placeholdersOf(text).join(', ');
        if (want !== got) out.push({ file: other.file, key, problem: `placeholders {${got}} instead of {${want}}` });
      }
    }
    for (const key of ref.keys()) if (!texts.has(key)) out.push({ file: other.file, key, problem: 'missing' });
  }
  return out;
}

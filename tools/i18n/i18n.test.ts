import { describe, expect, it } from 'vitest';
import { compareLocaleFiles, fillTemplate, placeholdersOf, printLanguage, textsSchema } from './index.ts';

describe('templates', () => {
  it('lists and fills {named} placeholders, leaving unknown ones visible', () => {
    expect(placeholdersOf('Page {page} of {pages}, {page}')).toEqual(['page', 'pages']);
    expect(fillTemplate('Page {page} of {pages}', { page: '1' })).toBe('Page 1 of {pages}');
  });
});

describe('textsSchema', () => {
  const schema = textsSchema({ title: [], page: ['page', 'pages'], nested: { a: ['x'] } });

  it('accepts a complete file', () => {
    expect(schema.safeParse({ title: 'T', page: '{page}/{pages}', nested: { a: '{x}' } }).success).toBe(true);
  });

  it('refuses a missing or extra key, an empty text and wrong placeholders', () => {
    expect(schema.safeParse({ title: 'T', page: '{page}/{pages}' }).success).toBe(false);
    expect(schema.safeParse({ title: 'T', page: '{page}/{pages}', nested: { a: '{x}' }, more: 'x' }).success).toBe(false);
    expect(schema.safeParse({ title: ' ', page: '{page}/{pages}', nested: { a: '{x}' } }).success).toBe(false);
    expect(schema.safeParse({ title: 'T', page: '{page}/{total}', nested: { a: '{x}' } }).success).toBe(false);
    expect(schema.safeParse({ title: 'T', page: '{page}', nested: { a: '{x}' } }).success).toBe(false);
  });
});

describe('compareLocaleFiles', () => {
  it('reports missing, extra, empty and placeholder-mismatched keys', () => {
    const en = { file: 'en/x.json', data: { a: 'A {n}', b: { c: 'C' }, d: 'D' } };
    const de = { file: 'de/x.json', data: { a: 'A {m}', b: { c: '' }, e: 'E' } };
    expect(compareLocaleFiles(en, [de])).toEqual([
      { file: 'de/x.json', key: 'a', problem: 'placeholders {m} instead of {n}' },
      { file: 'de/x.json', key: 'b.c', problem: 'not a non-empty string' },
      { file: 'de/x.json', key: 'e', problem: 'not in en/x.json' },
      { file: 'de/x.json', key: 'd', problem: 'missing' },
    ]);
    expect(compareLocaleFiles(en, [{ file: 'fr/x.json', data: { a: '{n} A', b: { c: 'C' }, d: 'D' } }])).toEqual([]);
  });
});

describe('printLanguage', () => {
  it('maps a BCP 47 tag to its base print language, English otherwise', () => {
    expect(['en-US', 'de-CH', 'fr-BE', 'es-MX', 'ja', 'pt-BR'].map(printLanguage)).toEqual(['en', 'de', 'fr', 'es', 'en', 'en']);
  });
});

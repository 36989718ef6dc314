import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareLocaleFiles, PRINT_LANGUAGES } from '../../i18n/index.ts';

// Every namespace file under tools/invoice/locales/<lang>/ (invoice.json, and whatever else is added
// beside it) is held to the English one: same keys, same placeholders, no empty text.
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const languages = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const namespaces = [...new Set(languages.flatMap((lang) => readdirSync(join(ROOT, lang)).filter((f) => f.endsWith('.json'))))].sort();
const read = (lang: string, file: string) => ({ file: `${lang}/${file}`, data: JSON.parse(readFileSync(join(ROOT, lang, file), 'utf8')) as unknown });

describe('tools/invoice/locales', () => {
  it('has a folder for exactly the print languages', () => {
    expect(languages).toEqual([...PRINT_LANGUAGES].sort());
  });

  it('has the invoice labels among its namespaces', () => {
    expect(namespaces).toContain('invoice.json');
  });

  it.each(namespaces)('%s exists in every language', (file) => {
    const missing = languages.filter((lang) => !readdirSync(join(ROOT, lang)).includes(file));
    expect(missing).toEqual([]);
  });

  it.each(namespaces)('%s has the same keys and placeholders in every language, and no empty text', (file) => {
    const present = languages.filter((lang) => readdirSync(join(ROOT, lang)).includes(file));
    const others = present.filter((lang) => lang !== 'en').map((lang) => read(lang, file));
    expect(compareLocaleFiles(read('en', file), others)).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createBatch, createRowWriter } from './ingest-store.ts';
import { createTempStore } from './testing/create-temp-store.ts';
import { DictionaryTexts, dictionaryId, dictionaryText, saveDictionaryTexts } from './usage-dictionary.ts';

const stores: Array<ReturnType<typeof createTempStore>> = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.cleanup();
});
const temp = () => {
  const s = createTempStore();
  stores.push(s);
  return s;
};

describe('usage dictionary', () => {
  it('names a text by its hash: the same id everywhere, a safe integer above every migrated id', () => {
    const id = dictionaryId('["dcontext","clid"]');
    expect(id).toBe(dictionaryId('["dcontext","clid"]'));
    expect(id).not.toBe(dictionaryId('["clid","dcontext"]'));
    expect(id).toBeGreaterThanOrEqual(2 ** 52);
    expect(Number.isSafeInteger(id)).toBe(true);
  });

  it('queues each text once per writer, stores it once, and reads it back', () => {
    const store = temp();
    const texts = new DictionaryTexts();
    const a = texts.id('alpha');
    expect(texts.id('alpha')).toBe(a);
    texts.id('beta');
    const pending = texts.drain();
    expect(pending.map(([, v]) => v)).toEqual(['alpha', 'beta']);
    expect(texts.drain()).toEqual([]);
    saveDictionaryTexts(store, pending);
    saveDictionaryTexts(store, pending); // a second writer naming the same texts stores nothing new
    expect((store.sqlite.prepare('select count(*) n from usage_dictionary').get() as { n: number }).n).toBe(2);
    expect(dictionaryText(store, a)).toBe('alpha');
    expect(() => dictionaryText(store, 12345)).toThrow(/missing/);
  });

  it('refuses an id that already names another text (a hash collision), in the store and in the ingest writer', () => {
    const store = temp();
    saveDictionaryTexts(store, [[dictionaryId('alpha'), 'alpha']]);
    expect(() => saveDictionaryTexts(store, [[dictionaryId('alpha'), 'not alpha']])).toThrow(/already names another text/);
    const writer = createRowWriter(store, createBatch(store, { sourceName: 't', format: 'asterisk', path: null, fileSha256: null, parserOptions: {} }));
    expect(() => writer.write([], [], [[dictionaryId('alpha'), 'not alpha']])).toThrow(/already names another text/);
    writer.rollback();
    expect(dictionaryText(store, dictionaryId('alpha'))).toBe('alpha');
  });
});

import { describe, expect, it } from 'vitest';
import en from '../locales/en/layout.json' with { type: 'json' };
import es from '../locales/es/layout.json' with { type: 'json' };
import { LAYOUT_LANGUAGES, layoutLabelsFor, layoutLabelsSchema } from './layout-labels.ts';

describe('layout labels', () => {
  it('exist in English, German, French and Spanish, each a full translation', () => {
    expect(LAYOUT_LANGUAGES).toEqual(['en', 'de', 'fr', 'es']);
    expect(layoutLabelsSchema.parse(es).costCentreColumn).toBe('Centro de coste');
    const words = ['en', 'de', 'fr'].map((l) => layoutLabelsFor(l).annexTitle);
    expect(new Set(words).size).toBe(3);
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('falls back to English for a language Switchboard does not print, and reads the base of a tag', () => {
    expect(layoutLabelsFor('ja')).toEqual(layoutLabelsFor('en'));
    expect(layoutLabelsFor('de-AT').costCentreColumn).toBe('Kostenstelle');
  });

  it('refuses a data file with a word missing or a placeholder lost', () => {
    const { lineSubtotal: _, ...missing } = en;
    expect(layoutLabelsSchema.safeParse(missing).success).toBe(false);
    expect(layoutLabelsSchema.safeParse({ ...en, annexIntro: 'no time zone here' }).success).toBe(false);
  });
});

/** The languages Switchboard prints invoices and writes notifications in. */
export const PRINT_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type PrintLanguage = (typeof PRINT_LANGUAGES)[number];

/**
 * The Intl locale each language formats with: one fixed region per language, so a document prints
 * the same whatever its region subtag (en → en-GB: "1 March 2025", "£1,234.50").
 */
export const PRINT_LOCALES: Record<PrintLanguage, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' };

/** The base language of a BCP 47 tag ("de" for "de-AT", "es" for "es_ES") when Switchboard prints it, else "en". */
export function printLanguage(language: string): PrintLanguage {
  const base = language.toLowerCase().split(/[-_]/)[0];
  return (PRINT_LANGUAGES as readonly string[]).includes(base ?? '') ? (base as PrintLanguage) : 'en';
}

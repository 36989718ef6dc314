export { fillTemplate, placeholdersOf } from './fill-template.ts';
export { flattenTexts, textsSchema, type TextsOf, type TextsShape } from './texts-schema.ts';
export { PRINT_LANGUAGES, PRINT_LOCALES, printLanguage, type PrintLanguage } from './print-language.ts';
export { compareLocaleFiles, type LocaleFinding } from './compare-locale-files.ts';

export * from './categorise.types.ts';
export { extractCallDetails } from './extract-call-details.ts';
export { suggestCategory, CATEGORY_PATTERNS, type CategoryPattern } from './suggest-category.ts';

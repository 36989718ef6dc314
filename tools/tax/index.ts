export * from './tax.types.ts';
export * from './tax-pack.types.ts';
export { calculateTaxes } from './calculate-taxes.ts';
export { findRateChanges } from './find-rate-changes.ts';
export { parseTaxPack, builtInTaxPacks } from './parse-tax-pack.ts';
export { selectTaxPack, vatIdCountry, type TaxPackSelection, type TaxTreatment } from './select-tax-pack.ts';
export * from './tax-pack-update.types.ts';
export { diffTaxPacks, changesBefore } from './diff-tax-packs.ts';
export { parseTaxPackUpdate, checkTaxPackUpdate } from './parse-tax-pack-update.ts';

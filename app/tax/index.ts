export { importTaxPack } from './import-tax-pack.ts';
export { listTaxPacks } from './list-tax-packs.ts';
export { diffTaxPack } from './diff-tax-pack.ts';
export { previewTaxPack, previewPackVersion } from './preview-tax-pack.ts';
export { proposeTaxPackAdoption, adoptApprovedTaxPack, OPERATOR_BOOKS } from './adopt-tax-pack.ts';
export { taxPackIdSchema, taxPackVersionLabelSchema } from './tax-pack-views.ts';

export { listCatalogVersions, catalogVersionSchema } from './list-catalog-versions.ts';
export { showCatalog } from './show-catalog.ts';
export { importCatalog } from './import-catalog.ts';

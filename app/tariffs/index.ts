export { listTariffs, tariffNameSchema, tariffVersionSchema } from './list-tariffs.ts';
export { showTariff } from './show-tariff.ts';
export { importTariff, importTariffText, parseTariffImport, tariffImportSchema, type TariffImport } from './import-tariff.ts';

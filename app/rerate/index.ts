export { reratePeriod, type RerateResult } from './rerate-period.ts';
export { rerateAccount, previewRerate } from './rerate-account.ts';
export { proposeRerate, proposeRecategorisation } from './propose-rerate.ts';

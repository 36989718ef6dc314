export { reratePeriod, type RerateResult } from './rerate-period.ts';
export { rerateAccount, previewRerate } from './rerate-account.ts';
export { proposeRerate, proposeRecategorisation, proposeEventRecategorisation } from './propose-rerate.ts';
export { rerateResultSchema } from './rerate-result.ts';
export { previewAccountRerate } from './preview-account-rerate.ts';
export { proposeAccountRerate } from './propose-account-rerate.ts';
export { rerateBillingPeriod } from './rerate-billing-period.ts';

export * from './catalog.types.ts';
export * from './account.types.ts';
export { loadCatalog, describeIssues } from './load-catalog.ts';
export { loadAccounts, ACCOUNT_CSV_COLUMNS } from './load-accounts.ts';
export { indexRatingParties } from './index-rating-parties.ts';

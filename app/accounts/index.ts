export { listAccounts, accountRowSchema } from './list-accounts.ts';
export { showAccount } from './show-account.ts';
export { showAccountStanding } from './show-account-standing.ts';

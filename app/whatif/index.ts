export { whatIfAccount } from './what-if-account.ts';

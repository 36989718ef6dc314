export { whatIfAccount } from './what-if-account.ts';
export { showWhatIf } from './show-what-if.ts';

export { whatIfAccount } from './what-if-account.ts';
export { showWhatIf, whatIfRequestSchema } from './show-what-if.ts';

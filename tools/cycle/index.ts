export * from './cycle-report.ts';
export { mergeSums, sumByCurrency } from './sum-by-currency.ts';
export { wholeMs } from './whole-ms.ts';

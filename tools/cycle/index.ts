export * from './cycle-report.ts';
export { sumByCurrency } from './sum-by-currency.ts';
export { wholeMs } from './whole-ms.ts';

export * from './charging.types.ts';
export { chargePeriod } from './charge-period.ts';
export { billingPeriod, periodLabelOf } from './billing-period.ts';
export { priceContinuation } from './price-continuation.ts';
export { usageTaxClass, tariffRowsOf } from './build-usage-lines.ts';
export { ALLOWANCE_UNIT, drawsOnAllowance } from './consume-allowances.ts';
export { whatIf, recommendPlans } from './what-if.ts';

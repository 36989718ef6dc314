export * from './assurance.types.ts';
export { buildAssuranceReport, checkStages } from './build-assurance-report.ts';
export { MoneyBag, moneyText, sameMoney } from './money-bag.ts';
export { ValueEstimator, eventKinds, type ValueEstimate } from './estimate-value.ts';
export { formatAssuranceReport } from './format-assurance-report.ts';
export { quarantineMonth } from './attribute-quarantine.ts';

export { forecastTenantCashflow } from './forecast-cashflow.ts';
export { accountRiskBands } from './account-risk-bands.ts';

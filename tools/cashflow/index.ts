export * from './cashflow.types.ts';
export { forecastCashflow } from './forecast-cashflow.ts';
export { learnCollectionCurves, collectionShares, priorHazard, BAND_FACTOR, MIN_AGE, MAX_AGE, SHRINK_WEEKS, MIN_HISTORY_WEEKS, type CollectionCurves } from './learn-collection-curves.ts';
export { rankCollectionActions, ACTION_RESPONSE } from './rank-collection-actions.ts';
export { backtestCashflow, type BacktestResult, type BacktestCutoff } from './backtest-cashflow.ts';
export { describeHistory } from './describe-history.ts';
export { layoutCashflowChart, CASHFLOW_CHART, type CashflowBarBox } from './layout-cashflow-chart.ts';

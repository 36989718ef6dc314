export { summarizeRepricing, lineCategory, linePlan, type RepricedAccount, type RepricingSummary, type RevenueRow, type AccountChange, type PricedLine } from './summarize-repricing.ts';
export { forecastSeries, forecastWith, backtestMethod, HOLT_ALPHA, HOLT_BETA, MIN_BACKTEST_POINTS, type ForecastMethod, type SeriesForecast } from './forecast-series.ts';
export { usageTrends, type UsageTrends, type CategoryTrend } from './usage-trends.ts';

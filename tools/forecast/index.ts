export { forecastUse, straightLineUse, weekdayFactors, type UsageSeries, type ForecastSeriesInput, type UseForecast } from './forecast-use.ts';
export { forecastPeriod, type PeriodForecast, type AllowanceForecast, type ForecastHistoryPeriod } from './forecast-period.ts';
export { projectRemainingEvents, MAX_PROJECTED_EVENTS } from './project-remaining-events.ts';
export { forecastExtraCharge, forecastCheaperPlans } from './forecast-overage.ts';
export { describeForecast, forecastBasis, accountForecastSchema, FORECAST_METHOD, FORECAST_BASELINE, type AccountForecast } from './describe-forecast.ts';
export { measureForecastError, formatPercent, FORECAST_CHECKPOINTS, FORECAST_HISTORY_PERIODS, type CheckpointError } from './measure-forecast-error.ts';
export { ALLOWANCE_DISPLAY, displayUnits } from './display-units.ts';

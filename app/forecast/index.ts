export { showForecast } from './show-forecast.ts';
export { loadAccountForecast, type LoadedForecast } from './load-account-forecast.ts';

export * from './tariff.types.ts';
export { compileTariff, DEFAULT_GENERAL_ROUNDING_DECIMALS, type CompiledTariff } from './compile-tariff.ts';
export { rateUsage, priceSpan } from './rate-usage.ts';
export { rateEvent, ratingRequestFor, ratingSubject, RATING_CATEGORY, type RatingOutcome } from './rate-event.ts';
export { createTariffBook, type TariffBook, type TariffVersion } from './tariff-book.ts';
export { importCgratesTariffPlan, type CgratesImportOptions, type TariffImportResult } from './import-cgrates-csv.ts';
export { loadNativeTariff, exportNativeTariff, detectNativeTariffFormat, type NativeTariffLoadResult } from './load-native-tariff.ts';
export { parseGoDuration, formatGoDuration } from './parse-go-duration.ts';
export { summarizeRatedCosts, type CostSummary } from './summarize-rated-costs.ts';

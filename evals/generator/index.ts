export { generateCdrs, writeCdrFile, generateRows, resolveGeneratorOptions, buildPopulationFor, headerLineFor, injectedFraudFor } from './generate-cdrs.ts';
export { planFraud, fraudInjectionSchema, type FraudInjection, type InjectedFraud } from './inject-fraud.ts';
export { tariffWithError } from './tariff-with-error.ts';
export {
  generatorOptionsSchema,
  EXPECTED_CATEGORIES,
  type GeneratorOptions,
  type ResolvedGeneratorOptions,
  type GeneratedFormat,
  type GeneratedRow,
  type GenerationStats,
  type UsageEvent,
  type ExpectedCategory,
  type MalformedKind,
  type RoamingKind,
} from './generator.types.ts';
export { buildPopulation, type Population, type PopulationOptions, type Subscriber, type Trip, type UsageLevel, type GeneratedOperatorSettings } from './build-population.ts';
export { GENERIC_CSV_COLUMNS } from './format-generic-row.ts';
export { Random, createWeightedPicker, hashSeed, type WeightedPicker } from './random.ts';
export { buildAccountsFile, type DemoAccountsOptions } from './build-accounts-file.ts';
export { buildManyAccountsFile, manyAccountsMsisdn } from './build-many-accounts-file.ts';
export { generateUsageMonths, FORECAST_SERVICES, type ForecastService, type GeneratedMonth, type GeneratedLineHistory, type UsageMonthsOptions } from './generate-usage-months.ts';
export {
  generatePaymentHistory,
  PAYMENT_PROFILES,
  type PaymentProfile,
  type PaymentHistoryOptions,
  type GeneratedPaymentHistory,
  type GeneratedPaymentAccount,
  type GeneratedHistoryInvoice,
  type GeneratedHistoryPayment,
  type GeneratedHistoryDispute,
  type HistoryPaymentMethod,
} from './generate-payment-history.ts';

export * from './classification.types.ts';
export {
  classifyRecord,
  createRecordClassifier,
  DEFAULT_CLASSIFICATION_CACHE_SIZE,
  type RecordClassifier,
  type RecordClassifierOptions,
} from './classify-record.ts';
export { analyzeNumber, type NumberAnalysis } from './analyze-number.ts';
export { compileSettings, type CompiledSettings } from './compile-settings.ts';
export { detectRoaming, type RoamingEvidence } from './detect-roaming.ts';
export { normalizeParty } from './normalize-party.ts';
export { countryForMcc, MCC_COUNTRIES } from './mcc-countries.ts';
export { createDirectionDecider, directionRulesFor, toE164, type DirectionDecider, type DirectionRules } from './decide-direction.ts';

import type { UsageRecord } from '../cdr/usage-record.types.ts';
import type { Classification, OperatorSettings } from './classification.types.ts';
import { analyzeNumber, type NumberAnalysis } from './analyze-number.ts';
import { compileSettings } from './compile-settings.ts';
import { createBoundedCache } from './create-bounded-cache.ts';
import { detectRoaming } from './detect-roaming.ts';
import { normalizeParty } from './normalize-party.ts';

/** Options of a record classifier. */
export interface RecordClassifierOptions {
  /** Memoised number analyses kept (FIFO eviction); 0 disables the memo. Default 200,000. */
  cacheSize?: number;
}

/** A classification function with its own memo. */
export type RecordClassifier = (record: UsageRecord, settings: OperatorSettings) => Classification;

export const DEFAULT_CLASSIFICATION_CACHE_SIZE = 200_000;
// Longer strings are never valid numbers and are rare; memoising them would only let hostile
// input pin memory.
const MAX_MEMOISED_LENGTH = 32;

/**
 * Creates a classifier with its own bounded memo of number analyses; results are identical to an
 * unmemoised classifier, only faster for repeated numbers.
 */
export function createRecordClassifier(options: RecordClassifierOptions = {}): RecordClassifier {
  const cache = createBoundedCache<NumberAnalysis>(options.cacheSize ?? DEFAULT_CLASSIFICATION_CACHE_SIZE);
  return (record, settings) => {
    // Settings are compiled (and validated) even for data so a bad configuration fails on the
    // first record rather than on the first call.
    const compiled = compileSettings(settings);
    const roaming = detectRoaming(record, settings);
    if (record.service === 'data') {
      return { category: 'data', roaming, destination: null, destinationCountry: null, reason: null };
    }
    const normalised = normalizeParty(record.otherParty);
    let analysis: NumberAnalysis | undefined;
    if (normalised.length <= MAX_MEMOISED_LENGTH) {
      const key = `${compiled.cacheNamespace}|${normalised}`;
      analysis = cache.get(key);
      if (analysis === undefined) {
        analysis = analyzeNumber(normalised, compiled);
        cache.set(key, analysis);
      }
    } else {
      analysis = analyzeNumber(normalised, compiled);
    }
    return {
      category: analysis.category,
      roaming,
      destination: analysis.destination,
      destinationCountry: analysis.destinationCountry,
      reason: analysis.reason,
    };
  };
}

const defaultClassifier = createRecordClassifier();

/**
 * Classifies one usage record (category, roaming, destination) per docs/classification.md;
 * deterministic, and never throws for any record content (only for unusable settings).
 */
export function classifyRecord(record: UsageRecord, settings: OperatorSettings): Classification {
  return defaultClassifier(record, settings);
}

import type { UsageRecord } from '../cdr/usage-record.types.ts';
import type { Classification, OperatorSettings } from './classification.types.ts';
import { analyzeNumber, type NumberAnalysis } from './analyze-number.ts';
import { compileSettings } from './compile-settings.ts';
import { createBoundedCache, detachString, type BoundedCache } from './create-bounded-cache.ts';
import { detectRoaming } from './detect-roaming.ts';
import { normalizeParty } from './normalize-party.ts';

/** Options of a record classifier. */
export interface RecordClassifierOptions {
  /** Memoised number analyses kept (two generations, see createBoundedCache); 0 disables the memo. Default 20,000. */
  cacheSize?: number;
}

/** A classification function with its own memo. */
export type RecordClassifier = (record: UsageRecord, settings: OperatorSettings) => Classification;

// Big enough for the numbers traffic keeps repeating (short codes, call centres, home numbers),
// which are the only ones admitted (a number enters on its second sighting). 100,000 kept ~10 MB
// more live heap, which V8 lets grow about fourfold before it collects.
export const DEFAULT_CLASSIFICATION_CACHE_SIZE = 20_000;
// Longer strings are never valid numbers and are rare; memoising them would only let hostile
// input pin memory.
const MAX_MEMOISED_LENGTH = 32;

/**
 * Creates a classifier with its own bounded memo of number analyses; results are identical to an
 * unmemoised classifier, only faster for repeated numbers.
 */
export function createRecordClassifier(options: RecordClassifierOptions = {}): RecordClassifier {
  // One memo per numbering-plan fingerprint, keyed by the number itself: no key string is built
  // per record (a concatenated key costs a flatten on every lookup).
  const size = options.cacheSize ?? DEFAULT_CLASSIFICATION_CACHE_SIZE;
  const caches = new Map<string, BoundedCache<NumberAnalysis>>();
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
      let cache = caches.get(compiled.cacheNamespace);
      if (!cache) {
        cache = createBoundedCache<NumberAnalysis>(size, { admitOnSecondSight: true });
        caches.set(compiled.cacheNamespace, cache);
      }
      analysis = cache.get(normalised);
      if (analysis === undefined) {
        analysis = detachAnalysis(analyzeNumber(normalised, compiled));
        cache.set(normalised, analysis);
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

/** A memoised analysis must not hold slices of the CDR text (see detachString). */
function detachAnalysis(a: NumberAnalysis): NumberAnalysis {
  return {
    ...a,
    destination: a.destination === null ? null : detachString(a.destination),
    reason: a.reason === null ? null : detachString(a.reason),
  };
}

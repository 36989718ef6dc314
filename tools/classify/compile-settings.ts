import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { BillingError } from '../errors.ts';
import type { OperatorSettings } from './classification.types.ts';

/** One internal-extension range, inclusive, with the digit counts its members may have. */
export interface ExtensionRange {
  readonly low: number;
  readonly high: number;
  readonly minDigits: number;
  readonly maxDigits: number;
}

/** Operator settings in the shape number analysis reads per record: sets, parsed ranges, sorted prefixes. */
export interface CompiledSettings {
  /** Equal for settings with equal numbering-plan content, so memoised analyses are shared across equal copies. */
  readonly cacheNamespace: string;
  readonly homeCountry: CountryCode;
  readonly emergencyNumbers: ReadonlySet<string>;
  readonly extensionRanges: readonly ExtensionRange[];
  /** Longest first, so "90" wins over "9". */
  readonly trunkPrefixes: readonly string[];
  readonly onNetPrefixes: readonly string[];
  readonly localAreaPrefixes: readonly string[];
  readonly shortCodeMaxDigits: number;
}

interface CompiledEntry {
  readonly compiled: CompiledSettings;
  // The field values compiled from; a settings object whose fields were reassigned is recompiled.
  readonly from: readonly unknown[];
}

// Keyed by object identity: settings are parsed once and reused for millions of records.
const compiledBySettings = new WeakMap<OperatorSettings, CompiledEntry>();
// Interns numbering-plan fingerprints to short ids so cache keys stay small. Ids only grow, so
// clearing the table when it is large can never make two different plans share an id.
const namespaceIds = new Map<string, string>();
const MAX_NAMESPACES = 10_000;
let nextNamespaceId = 0;

function fieldsOf(s: OperatorSettings): unknown[] {
  return [s.homeCountry, s.emergencyNumbers, s.internalExtensions, s.trunkPrefixes, s.onNetPrefixes, s.localAreaPrefixes, s.shortCodeMaxDigits];
}

/**
 * The compiled form of operator settings, built once per settings object; throws INVALID_CONFIG
 * when the settings cannot drive classification (unknown home country, inverted extension range).
 */
export function compileSettings(settings: OperatorSettings): CompiledSettings {
  const fields = fieldsOf(settings);
  const entry = compiledBySettings.get(settings);
  if (entry && entry.from.every((value, i) => value === fields[i])) return entry.compiled;
  const compiled = buildCompiled(settings);
  compiledBySettings.set(settings, { compiled, from: fields });
  return compiled;
}

function buildCompiled(settings: OperatorSettings): CompiledSettings {
  const homeCountry = settings.homeCountry.toUpperCase();
  if (!isSupportedCountry(homeCountry)) {
    throw new BillingError('INVALID_CONFIG', `homeCountry "${settings.homeCountry}" has no numbering plan metadata`);
  }
  const shortCodeMaxDigits = settings.shortCodeMaxDigits;
  if (!Number.isInteger(shortCodeMaxDigits) || shortCodeMaxDigits < 0) {
    throw new BillingError('INVALID_CONFIG', `shortCodeMaxDigits must be a non-negative integer, got ${shortCodeMaxDigits}`);
  }
  const extensionRanges = settings.internalExtensions.map(parseExtensionRange);
  const trunkPrefixes = [...new Set(settings.trunkPrefixes)].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  const fingerprint = JSON.stringify([
    homeCountry,
    [...settings.emergencyNumbers].sort(),
    settings.internalExtensions,
    trunkPrefixes,
    [...settings.onNetPrefixes].sort(),
    [...settings.localAreaPrefixes].sort(),
    shortCodeMaxDigits,
  ]);
  return {
    cacheNamespace: namespaceFor(fingerprint),
    homeCountry,
    emergencyNumbers: new Set(settings.emergencyNumbers),
    extensionRanges,
    trunkPrefixes,
    onNetPrefixes: settings.onNetPrefixes.filter((p) => p.length > 0),
    localAreaPrefixes: settings.localAreaPrefixes.filter((p) => p.length > 0),
    shortCodeMaxDigits,
  };
}

function namespaceFor(fingerprint: string): string {
  let id = namespaceIds.get(fingerprint);
  if (id === undefined) {
    if (namespaceIds.size >= MAX_NAMESPACES) namespaceIds.clear();
    id = (nextNamespaceId++).toString(36);
    namespaceIds.set(fingerprint, id);
  }
  return id;
}

/** Parses one internal-extension setting ("1000-1999" or "150"); INVALID_CONFIG when it is not one. */
export function parseExtensionRange(spec: string): ExtensionRange {
  const match = /^(\d{1,8})(?:-(\d{1,8}))?$/.exec(spec);
  if (!match) throw new BillingError('INVALID_CONFIG', `internal extension "${spec}" is not a number or a range like 1000-1999`);
  const lowText = match[1] ?? '';
  const highText = match[2] ?? lowText;
  const low = Number(lowText);
  const high = Number(highText);
  if (low > high) throw new BillingError('INVALID_CONFIG', `internal extension range "${spec}" is inverted`);
  return { low, high, minDigits: lowText.length, maxDigits: Math.max(lowText.length, highText.length) };
}

/** Whether a dialled string is one of the operator's internal extensions. */
export function isInternalExtension(dialled: string, ranges: readonly ExtensionRange[]): boolean {
  if (ranges.length === 0 || dialled.length > 8 || !/^\d+$/.test(dialled)) return false;
  const value = Number(dialled);
  for (const r of ranges) {
    if (dialled.length < r.minDigits || dialled.length > r.maxDigits) continue;
    // "0150" is not extension 150: a leading zero only belongs to ranges written with one.
    if (dialled.length > r.minDigits && dialled.startsWith('0')) continue;
    if (value >= r.low && value <= r.high) return true;
  }
  return false;
}

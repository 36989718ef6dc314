import metadataJson from 'libphonenumber-js/metadata.max.json';
import { Metadata, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import type { PhoneNumberType } from 'libphonenumber-js/max';
import libraryPackage from 'libphonenumber-js/package.json' with { type: 'json' };

// libphonenumber-js's numbering plans (the `max` metadata, the very object its `max` entry point
// parses with) read once through its own `Metadata` accessors and compiled for
// fast-number-analysis.ts. The accessors are used rather than the minified arrays so every
// defaulting rule (type lengths falling back to the general ones, national prefix for parsing
// falling back to the national prefix, ...) is the library's own.

/** One number type of a plan, as libphonenumber's `isNumberTypeEqualTo` reads it. */
export interface CompiledNumberType {
  /** `^(?:pattern)$`, or undefined when the pattern is empty (the type never matches). */
  readonly pattern: RegExp | undefined;
  /** The pattern text as the metadata has it: `''` marks a mobile pattern removed as a duplicate of the fixed-line one. */
  readonly patternSource: string | undefined;
  readonly possibleLengths: readonly number[] | undefined;
}

/** A numbering plan (a country's, or a non-geographic calling code's) with every pattern compiled. */
export interface CompiledNumberingPlan {
  /** The country whose plan this is; undefined for a non-geographic calling code's plan. */
  readonly country: CountryCode | undefined;
  readonly callingCode: string;
  /** The IDD prefix exactly as the library builds it (`new RegExp(IDDPrefix)`, unanchored); non-geographic plans have none. */
  readonly iddPrefix: RegExp | undefined;
  /** `^(?:national number pattern)$`. */
  readonly nationalNumberPattern: RegExp;
  readonly possibleLengths: readonly number[] | undefined;
  /** `^(?:national prefix for parsing)`, as the library builds it. */
  readonly nationalPrefixForParsing: RegExp | undefined;
  readonly nationalPrefixTransformRule: string | undefined;
  /** Unanchored, as the library's `nationalNumber.search(leadingDigits)` builds it. */
  readonly leadingDigits: RegExp | undefined;
  /** By TYPE_ORDER index; undefined where `Metadata.type(t)` is undefined. */
  readonly types: readonly (CompiledNumberType | undefined)[];
  /** Last number typed under this plan and its type: one analysis types the same number several times. */
  lastTyped: string | undefined;
  lastType: PhoneNumberType | undefined;
}

// The slice of libphonenumber-js's (untyped) Metadata / NumberingPlan / Type API read here.
interface LibType {
  pattern(): string | undefined;
  possibleLengths(): number[] | undefined;
}
interface LibNumberingPlan {
  callingCode(): string;
  IDDPrefix(): string | undefined;
  nationalNumberPattern(): string | undefined;
  possibleLengths(): number[] | undefined;
  nationalPrefixForParsing(): string | 0 | undefined;
  nationalPrefixTransformRule(): string | 0 | undefined;
  leadingDigits(): string | 0 | undefined;
  hasTypes(): boolean;
  type(type: PhoneNumberType): LibType | undefined;
}
interface LibMetadata {
  readonly v4?: boolean;
  numberingPlan?: LibNumberingPlan;
  selectNumberingPlan(countryOrCallingCode: string): unknown;
  hasCountry(country: string): boolean;
  hasCallingCode(callingCode: string): boolean | undefined;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

/** The metadata object libphonenumber-js/max parses with (same module, same object). */
export const MAX_METADATA: MetadataJson = metadataJson;

const library = new Metadata(metadataJson) as unknown as LibMetadata;

/**
 * The libphonenumber-js release whose parsing code fast-number-analysis.ts replicates and whose
 * metadata fast-number-analysis.test.ts was run against. Another installed release turns the fast
 * path off (every number then goes to the library) until the tests pass on it and this is bumped.
 */
export const REPLICATED_LIBPHONENUMBER_VERSION = '1.13.16';
export const INSTALLED_LIBPHONENUMBER_VERSION: string = libraryPackage.version;

/**
 * Whether the fast path may answer: the replicated release, with metadata in the shape replicated
 * (version 4, the only one the library still generates).
 */
export const FAST_PATH_SUPPORTED: boolean = INSTALLED_LIBPHONENUMBER_VERSION === REPLICATED_LIBPHONENUMBER_VERSION && library.v4 === true && typeof metadataJson.nonGeographic === 'object';

/** Every number type in the order libphonenumber's getNumberType tries them (fixed line, then mobile first). */
export const TYPE_ORDER: readonly PhoneNumberType[] = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'];

// Pattern text -> compiled RegExp: every metadata pattern is compiled once per process.
const regExps = new Map<string, RegExp>();

function regExp(source: string): RegExp {
  let compiled = regExps.get(source);
  if (compiled === undefined) {
    compiled = new RegExp(source);
    regExps.set(source, compiled);
  }
  return compiled;
}

/** `new RegExp('^(?:' + pattern + ')$')` as the library's matchesEntirely builds it, compiled once. */
export function entireMatcher(pattern: string): RegExp {
  return regExp(`^(?:${pattern})$`);
}

// Plans are compiled on first use and shared by identity of the library's minified plan array,
// so a calling code's main country and the calling code itself share one compiled plan.
const compiledByArray = new Map<unknown, CompiledNumberingPlan | null>();
const planByCountry = new Map<string, CompiledNumberingPlan | null>();
const planByCallingCode = new Map<string, CompiledNumberingPlan | null>();
const countryPlansByCallingCode = new Map<string, readonly (CompiledNumberingPlan | null)[] | null>();
const callingCodes = new Map<string, boolean>();

function compileSelected(country: CountryCode | undefined): CompiledNumberingPlan | null {
  const plan = library.numberingPlan;
  if (plan === undefined) return null;
  const key = (plan as unknown as { metadata: unknown }).metadata;
  const known = compiledByArray.get(key);
  if (known !== undefined) return known;
  const compiled = compilePlan(plan, country);
  compiledByArray.set(key, compiled);
  return compiled;
}

/** Null when the plan has a shape the fast path does not replicate (callers then fall back). */
function compilePlan(plan: LibNumberingPlan, country: CountryCode | undefined): CompiledNumberingPlan | null {
  const iddPrefix = plan.IDDPrefix();
  const nationalNumberPattern = plan.nationalNumberPattern();
  // Plans without type patterns are validated by national pattern alone; none exist in the max
  // metadata, so that branch of the library is not replicated.
  if (typeof nationalNumberPattern !== 'string' || !plan.hasTypes()) return null;
  const types = TYPE_ORDER.map((name): CompiledNumberType | undefined => {
    const type = plan.type(name);
    if (!type) return undefined;
    const source = type.pattern();
    return { pattern: source ? entireMatcher(source) : undefined, patternSource: source, possibleLengths: type.possibleLengths() };
  });
  const forParsing = plan.nationalPrefixForParsing();
  const transformRule = plan.nationalPrefixTransformRule();
  const leadingDigits = plan.leadingDigits();
  return {
    country,
    callingCode: plan.callingCode(),
    iddPrefix: typeof iddPrefix === 'string' ? regExp(iddPrefix) : undefined,
    nationalNumberPattern: entireMatcher(nationalNumberPattern),
    possibleLengths: plan.possibleLengths(),
    nationalPrefixForParsing: forParsing ? regExp(`^(?:${forParsing})`) : undefined,
    nationalPrefixTransformRule: transformRule ? transformRule : undefined,
    leadingDigits: leadingDigits ? regExp(leadingDigits) : undefined,
    types,
    lastTyped: undefined,
    lastType: undefined,
  };
}

/** The plan of a country (`Metadata.selectNumberingPlan(country)`); null if unknown or not replicable. */
export function planForCountry(country: string): CompiledNumberingPlan | null {
  let plan = planByCountry.get(country);
  if (plan === undefined) {
    plan = library.hasCountry(country) ? (library.selectNumberingPlan(country), compileSelected(country as CountryCode)) : null;
    planByCountry.set(country, plan);
  }
  return plan;
}

/**
 * The plan selected by a calling code (`Metadata.selectNumberingPlan(callingCode)`): its main
 * country's, or the non-geographic plan; null if the code is unknown or the plan not replicable.
 */
export function planForCallingCode(callingCode: string): CompiledNumberingPlan | null {
  let plan = planByCallingCode.get(callingCode);
  if (plan === undefined) {
    if (isCallingCode(callingCode)) {
      const main = library.getCountryCodesForCallingCode(callingCode)?.[0] as CountryCode | undefined;
      plan = main !== undefined ? planForCountry(main) : (library.selectNumberingPlan(callingCode), compileSelected(undefined));
    } else {
      plan = null;
    }
    planByCallingCode.set(callingCode, plan);
  }
  return plan;
}

/** `Metadata.hasCallingCode`: a country or non-geographic calling code. */
export function isCallingCode(callingCode: string): boolean {
  let known = callingCodes.get(callingCode);
  if (known === undefined) {
    known = library.hasCallingCode(callingCode) === true;
    callingCodes.set(callingCode, known);
  }
  return known;
}

/**
 * The plans of `Metadata.getCountryCodesForCallingCode(callingCode)`, main country first (null
 * entries: not replicable); null when the code has no countries (non-geographic or unknown).
 */
export function countryPlansForCallingCode(callingCode: string): readonly (CompiledNumberingPlan | null)[] | null {
  let plans = countryPlansByCallingCode.get(callingCode);
  if (plans === undefined) {
    const countries = library.getCountryCodesForCallingCode(callingCode);
    plans = countries ? countries.map((country) => planForCountry(country)) : null;
    countryPlansByCallingCode.set(callingCode, plans);
  }
  return plans;
}

import type { CountryCode, PhoneNumberType } from 'libphonenumber-js/max';
import {
  countryPlansForCallingCode,
  isCallingCode,
  FAST_PATH_SUPPORTED,
  planForCallingCode,
  planForCountry,
  TYPE_ORDER,
  type CompiledNumberingPlan,
  type CompiledNumberType,
} from './compile-numbering-plan.ts';

// An exact re-implementation of what classification asks of libphonenumber-js (the release in
// REPLICATED_LIBPHONENUMBER_VERSION, `max` metadata): `parsePhoneNumberFromString(text, { defaultCountry, extract: false })` followed by
// `isValid()` and `getType()`, for `text` of ASCII digits with an optional leading "+". The library
// rebuilds `new RegExp(...)` for every pattern test (helpers/matchesEntirely.js); here every pattern
// is compiled once (compile-numbering-plan.ts), which makes a parse ~20x cheaper.
//
// Each function below mirrors the library function it is named after (es6/parse.js and
// es6/helpers/*.js), branch for branch, and says which. Anything this file does not replicate
// yields UNSURE and the caller asks libphonenumber itself; fast-number-analysis.test.ts compares
// the two on random and example-derived numbers of every country.

/** What one parse gives: the library's PhoneNumber fields classification reads. */
export interface ParsedNumber {
  /** E.164 with "+" (`PhoneNumber.number`). */
  readonly number: string;
  readonly countryCallingCode: string;
  /** `PhoneNumber.country`: undefined for non-geographic codes and unmatched shared codes. */
  readonly country: CountryCode | undefined;
  readonly nationalNumber: string;
  /** `PhoneNumber.getType()`; with max metadata `isValid()` is exactly `type !== undefined`. */
  readonly type: PhoneNumberType | undefined;
}

/** The fast path cannot answer this input exactly; ask libphonenumber. */
export const UNSURE = Symbol('unsure');
export type Unsure = typeof UNSURE;

// constants.js
const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
const MAX_LENGTH_COUNTRY_CODE = 3;
// parse.js MAX_INPUT_STRING_LENGTH: longer input is TOO_LONG.
const MAX_INPUT_STRING_LENGTH = 250;
const DIGITS_WITH_OPTIONAL_PLUS = /^\+?[0-9]*$/;

// Indexes in TYPE_ORDER.
const FIXED_LINE = 0;
const MOBILE = 1;

type LengthCheck = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

/** Thrown inside a parse when it reaches a plan that is not replicated; caught in parseNumberFast. */
class NotReplicated extends Error {}

function replicable(plan: CompiledNumberingPlan | null): CompiledNumberingPlan {
  if (plan === null) throw new NotReplicated();
  return plan;
}

function callingCodePlan(callingCode: string): CompiledNumberingPlan {
  return replicable(planForCallingCode(callingCode));
}

/**
 * `parsePhoneNumberFromString(text, { defaultCountry, extract: false })` of libphonenumber-js/max
 * with its `getType()`: null where the library returns undefined (not a number), UNSURE where
 * this file does not replicate the library. `text` must be ASCII digits (possibly none) with an optional
 * leading "+"; anything else is UNSURE.
 */
export function parseNumberFast(text: string, defaultCountry?: CountryCode): ParsedNumber | null | Unsure {
  if (!FAST_PATH_SUPPORTED || !DIGITS_WITH_OPTIONAL_PLUS.test(text)) return UNSURE;
  // parsePhoneNumber_.js drops an unsupported default country; classification never passes one.
  const home = defaultCountry !== undefined ? planForCountry(defaultCountry) : undefined;
  if (home === null) return UNSURE;
  try {
    return parse(text, defaultCountry, home);
  } catch (error) {
    if (error instanceof NotReplicated) return UNSURE;
    throw error;
  }
}

/** The default country and its plan, both set or both undefined. */
type DefaultPlan = CompiledNumberingPlan | undefined;

/** parse.js `parse()` with `v2: true`, then PhoneNumber#getType(). */
function parse(text: string, defaultCountry: CountryCode | undefined, home: DefaultPlan): ParsedNumber | null {
  // parseInput(): with `extract: false` and no RFC 3966 phone-context the text is taken whole; for
  // digits-only text isViablePhoneNumber() means at least 2 digits, or "+" and at least 3 digits
  // (VALID_PHONE_NUMBER_PATTERN), and extractExtension() finds nothing (every extension pattern
  // needs a label, separator or "#").
  if (text.length > MAX_INPUT_STRING_LENGTH) return null;
  if (text.length < MIN_LENGTH_FOR_NSN || (text[0] === '+' && text.length < 4)) return null;

  // parse.js parsePhoneNumber()
  const extracted = extractCountryCallingCode(text, home);
  let callingCode = extracted.countryCallingCode;
  let country: CountryCode | undefined;
  let selected: CompiledNumberingPlan;
  if (callingCode !== undefined) {
    selected = callingCodePlan(callingCode);
  } else if (extracted.number && defaultCountry !== undefined && home !== undefined) {
    country = defaultCountry;
    selected = home;
    callingCode = selected.callingCode;
  } else {
    return null; // no numbering plan selected: INVALID_COUNTRY
  }
  if (!extracted.number) return null; // no national number: TOO_SHORT
  const nationalNumber = extractNationalNumber(extracted.number, selected);
  const exact = getCountryByCallingCode(callingCode, nationalNumber);
  if (exact !== undefined) country = exact.country;

  // parse.js parse(): national (significant) number length limits.
  if (!nationalNumber || nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN) return null;

  // PhoneNumber#getType() and #isValid() select the plan of `country || countryCallingCode`: the
  // exact country's, else `selected` (the default country's, or the calling code's when no country).
  const typed = exact ?? selected;
  return {
    number: `+${callingCode}${nationalNumber}`,
    countryCallingCode: callingCode,
    country,
    nationalNumber,
    type: getNumberType(nationalNumber, typed),
  };
}

interface ExtractedCallingCode {
  readonly countryCallingCode?: string;
  readonly number?: string;
}

/** helpers/extractCountryCallingCode.js (country undefined, defaultCallingCode undefined). */
function extractCountryCallingCode(text: string, home: DefaultPlan): ExtractedCallingCode {
  let number = text;
  if (number[0] !== '+') {
    const withoutIdd = stripIddPrefix(number, home);
    if (withoutIdd && withoutIdd !== number) {
      number = `+${withoutIdd}`;
    } else {
      if (home !== undefined) {
        const withoutPlus = extractCountryCallingCodeFromInternationalNumberWithoutPlusSign(number, home);
        if (withoutPlus !== undefined) return withoutPlus;
      }
      return { number };
    }
  }
  if (number[1] === '0') return {};
  for (let i = 2; i - 1 <= MAX_LENGTH_COUNTRY_CODE && i <= number.length; i++) {
    const callingCode = number.slice(1, i);
    if (isCallingCode(callingCode)) return { countryCallingCode: callingCode, number: number.slice(i) };
  }
  return {};
}

/** helpers/stripIddPrefix.js: the digits after the home IDD prefix, or undefined. */
function stripIddPrefix(number: string, home: DefaultPlan): string | undefined {
  if (home === undefined) return undefined;
  const idd = home.iddPrefix;
  // Every country has an IDD prefix; `new RegExp(undefined)` is not replicated.
  if (idd === undefined) throw new NotReplicated();
  // `number.search(pattern) !== 0` then `number.match(pattern)[0]`: the leftmost match, at 0.
  const match = idd.exec(number);
  if (match === null || match.index !== 0) return undefined;
  const rest = number.slice(match[0].length);
  // The first digit after the prefix (CAPTURING_DIGIT_PATTERN) must not be 0; `rest` is all digits.
  if (rest.length > 0 && rest[0] === '0') return undefined;
  return rest;
}

/** helpers/extractCountryCallingCodeFromInternationalNumberWithoutPlusSign.js; undefined = kept whole. */
function extractCountryCallingCodeFromInternationalNumberWithoutPlusSign(number: string, plan: CompiledNumberingPlan): ExtractedCallingCode | undefined {
  const callingCode = plan.callingCode;
  if (number.indexOf(callingCode) !== 0) return undefined;
  const possibleShorterNumber = number.slice(callingCode.length);
  const possibleShorterNationalNumber = extractNationalNumber(possibleShorterNumber, plan);
  const nationalNumber = extractNationalNumber(number, plan);
  if (
    (!matchesEntirely(nationalNumber, plan.nationalNumberPattern) && matchesEntirely(possibleShorterNationalNumber, plan.nationalNumberPattern)) ||
    checkNumberLength(nationalNumber, plan) === 'TOO_LONG'
  ) {
    return { countryCallingCode: callingCode, number: possibleShorterNumber };
  }
  return undefined;
}

/** helpers/extractNationalNumber.js (country undefined): the national (significant) number. */
function extractNationalNumber(number: string, plan: CompiledNumberingPlan): string {
  const nationalNumber = extractNationalNumberFromPossiblyIncompleteNumber(number, plan);
  if (nationalNumber !== number) {
    // shouldHaveExtractedNationalPrefix()
    if (matchesEntirely(number, plan.nationalNumberPattern) && !matchesEntirely(nationalNumber, plan.nationalNumberPattern)) {
      return number;
    }
    if (plan.possibleLengths) {
      // checkNumberLength() of the exact country's plan, or of the selected one when there is none.
      const lengthPlan = getCountryByCallingCode(plan.callingCode, nationalNumber) ?? plan;
      // isPossibleIncompleteNationalNumber()
      const length = checkNumberLength(nationalNumber, lengthPlan);
      if (length === 'TOO_SHORT' || length === 'INVALID_LENGTH') return number;
    }
  }
  return nationalNumber;
}

/** helpers/extractNationalNumberFromPossiblyIncompleteNumber.js (the national number only). */
function extractNationalNumberFromPossiblyIncompleteNumber(number: string, plan: CompiledNumberingPlan): string {
  const prefixPattern = plan.nationalPrefixForParsing;
  if (!number || prefixPattern === undefined) return number;
  const prefixMatch = prefixPattern.exec(number);
  if (prefixMatch === null) return number;
  const capturedGroupsCount = prefixMatch.length - 1;
  const hasCapturedGroups = capturedGroupsCount > 0 && Boolean(prefixMatch[capturedGroupsCount]);
  const transformRule = plan.nationalPrefixTransformRule;
  if (transformRule !== undefined && hasCapturedGroups) {
    // The library's own operation on the same pattern and rule (e.g. AR "9$1", IM "1624$1").
    return number.replace(prefixPattern, transformRule);
  }
  return number.slice(prefixMatch[0].length);
}

/** helpers/getCountryByCallingCode.js + getCountryByNationalNumber.js: the exact country's plan. */
function getCountryByCallingCode(callingCode: string, nationalNumber: string): CompiledNumberingPlan | undefined {
  const plans = countryPlansForCallingCode(callingCode);
  if (plans === null) return undefined;
  if (plans.length === 1) return replicable(plans[0] ?? null);
  for (const candidate of plans) {
    const plan = replicable(candidate);
    if (plan.leadingDigits !== undefined) {
      // `nationalNumber.search(leadingDigits) === 0`; a failed leading-digits test skips the country.
      if (nationalNumber && nationalNumber.search(plan.leadingDigits) === 0) return plan;
    } else if (getNumberType(nationalNumber, plan) !== undefined) {
      return plan;
    }
  }
  return undefined;
}

/**
 * helpers/checkNumberLength.js checkNumberLengthForType() with no type, on the plan it selects
 * (the given country's, else the selected one).
 */
function checkNumberLength(nationalNumber: string, plan: CompiledNumberingPlan): LengthCheck {
  const lengths = plan.possibleLengths;
  if (!lengths) return 'IS_POSSIBLE';
  const actual = nationalNumber.length;
  const minimum = lengths[0];
  if (minimum === actual) return 'IS_POSSIBLE';
  if (minimum !== undefined && minimum > actual) return 'TOO_SHORT';
  const maximum = lengths[lengths.length - 1];
  if (maximum !== undefined && maximum < actual) return 'TOO_LONG';
  return lengths.indexOf(actual, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/** helpers/matchesEntirely.js with the pattern precompiled. */
function matchesEntirely(text: string, pattern: RegExp): boolean {
  return pattern.test(text || '');
}

/** helpers/getNumberType.js getNumberType(), memoised per plan for the last number typed. */
function getNumberType(nationalNumber: string, plan: CompiledNumberingPlan): PhoneNumberType | undefined {
  if (plan.lastTyped === nationalNumber) return plan.lastType;
  const type = computeNumberType(nationalNumber, plan);
  plan.lastTyped = nationalNumber;
  plan.lastType = type;
  return type;
}

function computeNumberType(nationalNumber: string, plan: CompiledNumberingPlan): PhoneNumberType | undefined {
  if (!matchesEntirely(nationalNumber, plan.nationalNumberPattern)) return undefined;
  const types = plan.types;
  if (isNumberTypeEqualTo(nationalNumber, types[FIXED_LINE])) {
    const mobile = types[MOBILE];
    // An empty mobile pattern was removed as a duplicate of the fixed-line one (NANP).
    if (mobile === undefined || mobile.patternSource === '') return 'FIXED_LINE_OR_MOBILE';
    return isNumberTypeEqualTo(nationalNumber, mobile) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  }
  // NON_FIXED_LINE_PHONE_TYPES: TYPE_ORDER after FIXED_LINE, MOBILE first.
  for (let i = MOBILE; i < types.length; i++) {
    if (isNumberTypeEqualTo(nationalNumber, types[i])) return TYPE_ORDER[i];
  }
  return undefined;
}

/** helpers/getNumberType.js isNumberTypeEqualTo(), given the plan's definition of the type. */
function isNumberTypeEqualTo(nationalNumber: string, definition: CompiledNumberType | undefined): boolean {
  if (definition === undefined || definition.pattern === undefined) return false;
  if (definition.possibleLengths && definition.possibleLengths.indexOf(nationalNumber.length) < 0) return false;
  return matchesEntirely(nationalNumber, definition.pattern);
}

import type { PhoneNumberType } from 'libphonenumber-js/max';
import type { CallCategory } from './classification.types.ts';
import { isInternalExtension, type CompiledSettings } from './compile-settings.ts';
import { parseDialledNumber } from './parse-dialled-number.ts';
import { stripTrunkPrefix } from './strip-trunk-prefix.ts';

/** The number-dependent part of a classification (everything but roaming). */
export interface NumberAnalysis {
  readonly category: CallCategory;
  readonly destination: string | null;
  readonly destinationCountry: string | null;
  readonly reason: string | null;
}

/**
 * Domestic category by libphonenumber number type; 'geographic' means local-or-national by area
 * prefix. The record is exhaustive so a new type in the library fails the type check here.
 * Why each non-obvious entry: docs/classification.md, "Number types".
 */
const CATEGORY_BY_TYPE: Readonly<Record<PhoneNumberType, CallCategory | 'geographic'>> = {
  FIXED_LINE: 'geographic',
  FIXED_LINE_OR_MOBILE: 'geographic',
  MOBILE: 'mobile',
  TOLL_FREE: 'toll_free',
  PREMIUM_RATE: 'premium_rate',
  // The number holder sets a service charge on top of the call: never cheaper than geographic.
  SHARED_COST: 'premium_rate',
  // Priced like geographic calls (UK 03 by regulation, 056 VoIP in practice).
  UAN: 'national',
  VOIP: 'national',
  // Follow-me, paging and voicemail services terminate on mobile networks at mobile rates
  // (UK 070 termination has been capped at the mobile rate since 2019).
  PERSONAL_NUMBER: 'mobile',
  PAGER: 'mobile',
  VOICEMAIL: 'mobile',
};

function dialledAs(category: CallCategory, dialled: string): NumberAnalysis {
  return { category, destination: dialled, destinationCountry: null, reason: null };
}

// A module-level function rather than a per-call closure: under tsx (esbuild keepNames) every
// named closure costs a defineProperty call, a measurable share of a cache miss.
function analysedAs(category: CallCategory, destination: string, destinationCountry: string | null): NumberAnalysis {
  return { category, destination, destinationCountry, reason: null };
}

function unclassified(reason: string): NumberAnalysis {
  return { category: 'unclassified', destination: null, destinationCountry: null, reason };
}

/**
 * Classifies a normalised other party against the operator's numbering plan (rules 2-9 of
 * docs/classification.md); pure, never throws on any input string.
 */
export function analyzeNumber(normalised: string, settings: CompiledSettings): NumberAnalysis {
  if (normalised === '') return unclassified('no other party: the number is empty');
  const dialled = stripTrunkPrefix(normalised, settings);

  // Emergency before extensions: a PBX must route 112/999 to the emergency service even when an
  // extension range covers them, and billing an emergency call as anything else is the worse error.
  if (settings.emergencyNumbers.has(dialled)) return dialledAs('emergency', dialled);
  if (isInternalExtension(dialled, settings.extensionRanges)) return dialledAs('on_net', dialled);
  if (dialled.length <= settings.shortCodeMaxDigits && /^\d+$/.test(dialled)) return dialledAs('short_code', dialled);

  const parsed = parseDialledNumber(dialled, settings.homeCountry);
  if (!parsed.ok) return unclassified(parsed.reason);
  const number = parsed.number;
  const destination = number.number.slice(1);
  const destinationCountry = number.country ?? null;

  if (settings.onNetPrefixes.some((p) => destination.startsWith(p))) return analysedAs('on_net', destination, destinationCountry);
  // Territories sharing the home calling code (Isle of Man under +44, Canada under +1) are other
  // countries with their own termination rates; non-geographic codes (+800, +881) have no country.
  if (number.country !== settings.homeCountry) return analysedAs('international', destination, destinationCountry);

  const type = number.type;
  if (type === undefined) {
    return unclassified(`valid number ${number.number} has no number type in the ${settings.homeCountry} numbering plan`);
  }
  const byType = CATEGORY_BY_TYPE[type];
  if (byType !== 'geographic') return analysedAs(byType, destination, destinationCountry);
  const nsn = number.nationalNumber;
  const geographic = settings.localAreaPrefixes.some((p) => nsn.startsWith(p)) ? 'local' : 'national';
  return analysedAs(geographic, destination, destinationCountry);
}

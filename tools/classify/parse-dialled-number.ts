import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';

/** A dialled string read as a valid phone number, or why it cannot be. */
export type DialledNumberParse = { ok: true; number: PhoneNumber } | { ok: false; reason: string };

// libphonenumber would happily pull a number out of free text ("call 020 ..."), read letters as
// keypad digits or take "ext. 5"; a switch's dialled digits are only ever digits with an optional "+".
const DIALLABLE = /^\+?\d+$/;
// 15 E.164 digits plus the longest international prefixes in use (e.g. "0011", "00xx" carrier codes).
const MAX_DIGITS = 20;
const MAX_REASON_ECHO = 40;

/**
 * Reads a dialled string as a valid number: "+…" as E.164; otherwise nationally for the home
 * country (national trunk "0", the home international prefix), then "00…" as international, then
 * bare digits as E.164 without "+".
 */
export function parseDialledNumber(dialled: string, homeCountry: CountryCode): DialledNumberParse {
  const digits = dialled.startsWith('+') ? dialled.length - 1 : dialled.length;
  if (!DIALLABLE.test(dialled) || digits > MAX_DIGITS) return invalid(dialled, homeCountry);
  if (dialled.startsWith('+')) return validOrReason(tryParse(dialled), dialled, homeCountry);

  const national = tryParse(dialled, homeCountry);
  if (national?.isValid()) return { ok: true, number: national };
  // "00" is the ITU-recommended international prefix and what most switches normalise to, even
  // where the home country dials something else (011 in NANP).
  if (dialled.startsWith('00')) {
    const viaDoubleZero = tryParse(`+${dialled.slice(2)}`);
    if (viaDoubleZero?.isValid()) return { ok: true, number: viaDoubleZero };
  }
  // Switches and CSV exports often drop the "+" of an E.164 number ("447400123456").
  return validOrReason(tryParse(`+${dialled}`), dialled, homeCountry);
}

function tryParse(text: string, defaultCountry?: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, { defaultCountry, extract: false });
  } catch {
    // The library throws on some inputs it considers malformed; for us that is just "not valid".
    return undefined;
  }
}

function validOrReason(parsed: PhoneNumber | undefined, dialled: string, homeCountry: CountryCode): DialledNumberParse {
  return parsed?.isValid() ? { ok: true, number: parsed } : invalid(dialled, homeCountry);
}

function invalid(dialled: string, homeCountry: CountryCode): DialledNumberParse {
  // Reasons are stored per record, so a pathological input must not inflate them.
  const echo = dialled.length > MAX_REASON_ECHO ? `${dialled.slice(0, MAX_REASON_ECHO)}…` : dialled;
  return { ok: false, reason: `not a valid number for ${homeCountry} or E.164: ${echo}` };
}

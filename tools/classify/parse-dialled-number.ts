import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber, type PhoneNumberType } from 'libphonenumber-js/max';
import { parseNumberFast, UNSURE, type Unsure } from './fast-number-analysis.ts';

/** What classification reads of a valid dialled number (the libphonenumber PhoneNumber fields it uses). */
export interface DialledNumber {
  /** E.164 with "+". */
  readonly number: string;
  /** Region of the number; undefined for non-geographic calling codes (+800, +881, ...). */
  readonly country: CountryCode | undefined;
  readonly nationalNumber: string;
  /** libphonenumber's number type; undefined for a valid number with no type in its plan. */
  readonly type: PhoneNumberType | undefined;
}

/** A dialled string read as a valid phone number, or why it cannot be. */
export type DialledNumberParse = { ok: true; number: DialledNumber } | { ok: false; reason: string };

/** Reads one text (optionally for a default country): the valid number, null if none, UNSURE if this reader cannot tell. */
type NumberReader = (text: string, defaultCountry?: CountryCode) => DialledNumber | null | Unsure;

// libphonenumber would happily pull a number out of free text ("call 020 ..."), read letters as
// keypad digits or take "ext. 5"; a switch's dialled digits are only ever digits with an optional "+".
const DIALLABLE = /^\+?\d+$/;
// 15 E.164 digits plus the longest international prefixes in use (e.g. "0011", "00xx" carrier codes).
const MAX_DIGITS = 20;
const MAX_REASON_ECHO = 40;

/**
 * Reads a dialled string as a valid number: "+…" as E.164; otherwise nationally for the home
 * country (national trunk "0", the home international prefix), then "00…" as international, then
 * bare digits as E.164 without "+". Uses the exact fast path (fast-number-analysis.ts) and asks
 * libphonenumber only when the fast path cannot answer; the result is libphonenumber's either way.
 */
export function parseDialledNumber(dialled: string, homeCountry: CountryCode): DialledNumberParse {
  const fast = readDialledNumber(dialled, homeCountry, readFast);
  return fast !== UNSURE ? fast : parseDialledNumberWithLibphonenumber(dialled, homeCountry);
}

/** parseDialledNumber by the fast path alone: UNSURE where it would ask libphonenumber. */
export function parseDialledNumberFast(dialled: string, homeCountry: CountryCode): DialledNumberParse | Unsure {
  return readDialledNumber(dialled, homeCountry, readFast);
}

/** parseDialledNumber by libphonenumber alone: the reference the fast path must equal. */
export function parseDialledNumberWithLibphonenumber(dialled: string, homeCountry: CountryCode): DialledNumberParse {
  const parsed = readDialledNumber(dialled, homeCountry, readWithLibphonenumber);
  // readWithLibphonenumber always answers.
  return parsed === UNSURE ? invalid(dialled, homeCountry) : parsed;
}

// The order of attempts, shared by both readers so they can only differ in how one text is read.
function readDialledNumber(dialled: string, homeCountry: CountryCode, read: NumberReader): DialledNumberParse | Unsure {
  const digits = dialled.startsWith('+') ? dialled.length - 1 : dialled.length;
  if (!DIALLABLE.test(dialled) || digits > MAX_DIGITS) return invalid(dialled, homeCountry);
  if (dialled.startsWith('+')) return validOrReason(read(dialled), dialled, homeCountry);

  const national = read(dialled, homeCountry);
  if (national === UNSURE) return UNSURE;
  if (national !== null) return { ok: true, number: national };
  // "00" is the ITU-recommended international prefix and what most switches normalise to, even
  // where the home country dials something else (011 in NANP).
  if (dialled.startsWith('00')) {
    const viaDoubleZero = read(`+${dialled.slice(2)}`);
    if (viaDoubleZero === UNSURE) return UNSURE;
    if (viaDoubleZero !== null) return { ok: true, number: viaDoubleZero };
  }
  // Switches and CSV exports often drop the "+" of an E.164 number ("447400123456").
  return validOrReason(read(`+${dialled}`), dialled, homeCountry);
}

function readFast(text: string, defaultCountry?: CountryCode): DialledNumber | null | Unsure {
  const parsed = parseNumberFast(text, defaultCountry);
  if (parsed === UNSURE) return UNSURE;
  // With max metadata a parsed number is valid exactly when it has a type (isValid.js).
  if (parsed === null || parsed.type === undefined) return null;
  return { number: parsed.number, country: parsed.country, nationalNumber: parsed.nationalNumber, type: parsed.type };
}

function readWithLibphonenumber(text: string, defaultCountry?: CountryCode): DialledNumber | null {
  const parsed = tryParse(text, defaultCountry);
  if (!parsed?.isValid()) return null;
  return { number: parsed.number, country: parsed.country, nationalNumber: parsed.nationalNumber, type: parsed.getType() };
}

function tryParse(text: string, defaultCountry?: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(text, { defaultCountry, extract: false });
  } catch {
    // The library throws on some inputs it considers malformed; for us that is just "not valid".
    return undefined;
  }
}

function validOrReason(parsed: DialledNumber | null | Unsure, dialled: string, homeCountry: CountryCode): DialledNumberParse | Unsure {
  if (parsed === UNSURE) return UNSURE;
  return parsed !== null ? { ok: true, number: parsed } : invalid(dialled, homeCountry);
}

function invalid(dialled: string, homeCountry: CountryCode): DialledNumberParse {
  // Reasons are stored per record, so a pathological input must not inflate them.
  const echo = dialled.length > MAX_REASON_ECHO ? `${dialled.slice(0, MAX_REASON_ECHO)}…` : dialled;
  return { ok: false, reason: `not a valid number for ${homeCountry} or E.164: ${echo}` };
}

import fc from 'fast-check';
import examples from 'libphonenumber-js/examples.mobile.json';
import { Metadata } from 'libphonenumber-js/core';
import { getCountries, getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { FAST_PATH_SUPPORTED, INSTALLED_LIBPHONENUMBER_VERSION, MAX_METADATA, REPLICATED_LIBPHONENUMBER_VERSION, TYPE_ORDER } from './compile-numbering-plan.ts';
import { parseNumberFast, UNSURE, type ParsedNumber } from './fast-number-analysis.ts';
import { parseDialledNumberFast, parseDialledNumberWithLibphonenumber } from './parse-dialled-number.ts';

// Proof of exactness: wherever the fast path answers, its answer must be libphonenumber's, field
// for field (E.164, calling code, country, national number, type; validity is `type !== undefined`),
// both for one parse and for the whole dialled-number reading (national, "00", bare E.164 attempts).

// ---------------------------------------------------------------------------------------------
// The reference and the comparison

function referenceParse(text: string, defaultCountry: CountryCode | undefined): ParsedNumber | null {
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(text, { defaultCountry, extract: false });
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined) return null;
  const type = parsed.getType();
  // The fast path reports validity as "has a type": check that this holds for the library too.
  expect(parsed.isValid(), `isValid of ${text} for ${defaultCountry}`).toBe(type !== undefined);
  return {
    number: parsed.number,
    countryCallingCode: parsed.countryCallingCode,
    country: parsed.country,
    nationalNumber: parsed.nationalNumber,
    type,
  };
}

interface Tally {
  compared: number;
  answered: number;
}
const newTally = (): Tally => ({ compared: 0, answered: 0 });

/** Compares one parse and, for the home country, the whole dialled-number reading. */
function checkAgainstLibphonenumber(text: string, home: CountryCode, tally: Tally): void {
  for (const defaultCountry of text.startsWith('+') ? [home, undefined] : [home]) {
    tally.compared++;
    const fast = parseNumberFast(text, defaultCountry);
    if (fast === UNSURE) continue;
    tally.answered++;
    expect(fast, `parse ${text} for ${defaultCountry}`).toEqual(referenceParse(text, defaultCountry));
  }
  tally.compared++;
  const dialled = parseDialledNumberFast(text, home);
  if (dialled === UNSURE) return;
  tally.answered++;
  expect(dialled, `dialled ${text} at home in ${home}`).toEqual(parseDialledNumberWithLibphonenumber(text, home));
}

function expectLargeShare(tally: Tally): void {
  expect(tally.compared).toBeGreaterThan(0);
  expect(tally.answered / tally.compared).toBeGreaterThanOrEqual(0.99);
}

// ---------------------------------------------------------------------------------------------
// Numbering-plan facts from the library's own Metadata accessors

interface PlanFacts {
  readonly callingCode: string;
  readonly nationalPrefix: string | undefined;
  /** Every type pattern of the plan, anchored. */
  readonly typePatterns: readonly RegExp[];
}

interface LibPlan {
  callingCode(): string;
  nationalPrefix(): string | undefined;
  type(type: string): { pattern(): string | undefined } | undefined;
}

const library = new Metadata(MAX_METADATA) as unknown as { selectNumberingPlan(c: string): void; numberingPlan: LibPlan };
const factsByPlan = new Map<string, PlanFacts>();

/** Facts of a country's plan, or of a non-geographic calling code's. */
function planFacts(countryOrCallingCode: string): PlanFacts {
  let facts = factsByPlan.get(countryOrCallingCode);
  if (facts === undefined) {
    library.selectNumberingPlan(countryOrCallingCode);
    const plan = library.numberingPlan;
    const typePatterns: RegExp[] = [];
    for (const type of TYPE_ORDER) {
      const pattern = plan.type(type)?.pattern();
      if (pattern) typePatterns.push(new RegExp(`^(?:${pattern})$`));
    }
    facts = { callingCode: plan.callingCode(), nationalPrefix: plan.nationalPrefix() || undefined, typePatterns };
    factsByPlan.set(countryOrCallingCode, facts);
  }
  return facts;
}

const ALL_COUNTRIES = getCountries();
const NON_GEOGRAPHIC_CODES = Object.keys(MAX_METADATA.nonGeographic);
// Home countries of the random tests; AR (national "0" + "15" mobile transform), MX (no national
// prefix) and IT (leading zero kept in the national number) have unusual national-prefix rules.
const HOMES = ['GB', 'US', 'DE', 'FR', 'IN', 'AU', 'BR', 'AR', 'MX', 'IT'] as const satisfies readonly CountryCode[];

const digit = fc.constantFrom(...'0123456789'.split(''));
const digits = (minLength: number, maxLength: number) => fc.string({ unit: digit, minLength, maxLength });

/** A national number matching one of the plan's type patterns (fast-check generates from the regex). */
function nationalNumberOf(countryOrCallingCode: string): fc.Arbitrary<string> {
  const patterns = planFacts(countryOrCallingCode).typePatterns;
  return fc.oneof(...patterns.map((p) => fc.stringMatching(p)));
}

/** Keeps the number, or replaces / drops / adds trailing digits ("random last digits mutated"). */
const mutation = fc.record({ cut: fc.nat(3), tail: digits(0, 4) });
function mutate(nationalNumber: string, m: { cut: number; tail: string }): string {
  return nationalNumber.slice(0, Math.max(0, nationalNumber.length - m.cut)) + m.tail;
}

/** How the number of a plan is written by someone dialling from `home`. */
function renderings(nsn: string, facts: PlanFacts, ownCountry: CountryCode | undefined, home: CountryCode): string[] {
  const cc = facts.callingCode;
  const texts = [`+${cc}${nsn}`, `00${cc}${nsn}`, `${cc}${nsn}`];
  if (ownCountry === home) {
    texts.push(nsn, `${facts.nationalPrefix ?? ''}${nsn}`);
    // The library's own national format, digits only (AR mobiles gain the "15", ...).
    const national = parsePhoneNumberFromString(`+${cc}${nsn}`)?.format('NATIONAL').replace(/\D/g, '');
    if (national) texts.push(national);
  }
  return texts;
}

// ---------------------------------------------------------------------------------------------

describe('fast path availability', () => {
  it('is on for the installed libphonenumber-js (after an upgrade: run these tests, then bump REPLICATED_LIBPHONENUMBER_VERSION)', () => {
    expect(INSTALLED_LIBPHONENUMBER_VERSION).toBe(REPLICATED_LIBPHONENUMBER_VERSION);
    expect(FAST_PATH_SUPPORTED).toBe(true);
  });
});

describe('parseNumberFast against libphonenumber: hand-picked edge cases', () => {
  it.each([
    // [text, home]
    ['07700123456', 'GB'],
    ['07700900123', 'GB'], // drama range: not valid
    ['07624123456', 'GB'], // Isle of Man under +44
    ['01624123456', 'GB'],
    ['01534123456', 'GB'], // Jersey
    ['4407400123456', 'GB'], // country code without "+" before a national number
    ['0044', 'GB'],
    ['00', 'GB'],
    ['0', 'GB'],
    ['12', 'GB'],
    ['+12', 'GB'],
    ['+123', 'GB'],
    ['+0123456789', 'GB'],
    ['0040123456789', 'GB'], // IDD followed by 0: not stripped
    ['00441614960123', 'US'],
    ['01144161496012', 'US'],
    ['2125550123', 'US'],
    ['12125550123', 'US'],
    ['+19999999999', 'US'], // +1 matching no NANP country
    ['+14165550123', 'US'], // Canada
    ['+13402345678', 'US'], // US Virgin Islands (leading digits 340)
    ['2345678', 'VI'], // national-prefix transform prepends 340
    ['+80012345678', 'GB'], // non-geographic
    ['+88213456789', 'GB'],
    ['+79123456789', 'RU'],
    ['+77012345678', 'RU'], // Kazakhstan by leading digits under +7
    ['88005553535', 'RU'], // 8 is both national prefix and a leading digit
    ['0111523456789', 'AR'], // AR "0" + area + "15" -> 9 + area
    ['01123456789', 'AR'],
    ['+5491123456789', 'AR'],
    ['0612345678', 'IT'],
    ['3123456789', 'IT'],
    ['+390612345678', 'IT'],
    ['+3906698', 'IT'], // Vatican
    ['5512345678', 'MX'],
    ['015512345678', 'MX'],
    ['0451123456789', 'BR'], // carrier code
    ['011987654321', 'BR'],
    ['03012345678', 'DE'],
    ['4930123456', 'DE'], // 49 is also a German area code
    ['0612345678', 'FR'],
    ['09876543210', 'IN'],
    ['0412345678', 'AU'],
    ['0011441614960123', 'AU'],
    ['+262269123456', 'FR'], // Reunion / Mayotte share +262
    ['+590590123456', 'FR'],
    ['+5999123456', 'NL'],
    ['+4779123456', 'NO'], // Svalbard shares +47
    ['+35818123456', 'FI'], // Aland shares +358
    ['123456789012345678901', 'GB'],
    ['', 'GB'],
    ['+', 'GB'],
  ] as const)('%s at home in %s', (text, home) => {
    const tally = newTally();
    checkAgainstLibphonenumber(text, home, tally);
    expect(tally.answered).toBe(tally.compared);
  });

  it('answers the documented examples with the values classification relies on', () => {
    expect(parseNumberFast('07624123456', 'GB')).toEqual({
      number: '+447624123456',
      countryCallingCode: '44',
      country: 'IM',
      nationalNumber: '7624123456',
      type: 'MOBILE',
    });
    expect(parseNumberFast('+80012345678')).toMatchObject({ country: undefined, type: 'TOLL_FREE' });
    expect(parseNumberFast('2125550123', 'US')).toMatchObject({ country: 'US', type: 'FIXED_LINE_OR_MOBILE' });
    expect(parseNumberFast('+12', 'GB')).toBeNull();
  });

  it('declines (UNSURE) what it does not read: anything but digits with an optional leading "+"', () => {
    for (const text of ['020 7946 0123', '+44-20', '１２３', '12#', 'abc', ' 12']) {
      expect(parseNumberFast(text, 'GB')).toBe(UNSURE);
    }
  });
});

describe('parseNumberFast against libphonenumber: random digit strings', () => {
  it('equals libphonenumber for "+", "00", national-prefix and bare digit strings in ten home countries', () => {
    const tally = newTally();
    const text = fc.tuple(fc.constantFrom('+', '00', '0', '', '011', '0011', '01', '000', '+0', '1', '8'), digits(0, 18)).map(([prefix, body]) => prefix + body);
    fc.assert(
      fc.property(fc.constantFrom(...HOMES), text, (home, t) => checkAgainstLibphonenumber(t, home, tally)),
      { numRuns: 6000 },
    );
    expectLargeShare(tally);
  });

  it('equals libphonenumber for numbers of the home plan (type patterns, last digits mutated) in every written form', () => {
    const tally = newTally();
    const homeNumber = fc.constantFrom(...HOMES).chain((home) => fc.tuple(fc.constant(home), nationalNumberOf(home), mutation, fc.constantFrom('', '0', '15', '1')));
    fc.assert(
      fc.property(homeNumber, ([home, nsn, m, noise]) => {
        const mutated = noise + mutate(nsn, m);
        for (const text of renderings(mutated, planFacts(home), home, home)) checkAgainstLibphonenumber(text, home, tally);
      }),
      { numRuns: 3000 },
    );
    expectLargeShare(tally);
  });
});

describe('parseNumberFast against libphonenumber: every country in the metadata', () => {
  it("equals libphonenumber on each country's example mobile and one number per type, dialled from home and abroad", () => {
    const tally = newTally();
    let seed = 1;
    for (const country of ALL_COUNTRIES) {
      const facts = planFacts(country);
      const nationalNumbers = facts.typePatterns.flatMap((p) => fc.sample(fc.stringMatching(p), { numRuns: 1, seed: seed++ }));
      const example = getExampleNumber(country, examples)?.nationalNumber;
      if (example) nationalNumbers.push(example);
      for (const nsn of nationalNumbers) {
        // As is, last digit changed, one digit short, one digit long.
        const last = Number(nsn.slice(-1));
        const variants = [nsn, nsn.slice(0, -1) + String((last + 1) % 10), nsn.slice(0, -1), `${nsn}5`];
        for (const variant of variants) {
          for (const home of [country, 'GB', 'US'] as const) {
            for (const text of renderings(variant, facts, country, home)) checkAgainstLibphonenumber(text, home, tally);
          }
        }
      }
    }
    expectLargeShare(tally);
  });

  it('equals libphonenumber on non-geographic calling codes (+800, +881, ...)', () => {
    const tally = newTally();
    for (const callingCode of NON_GEOGRAPHIC_CODES) {
      const facts = planFacts(callingCode);
      for (const nsn of facts.typePatterns.flatMap((p) => fc.sample(fc.stringMatching(p), { numRuns: 3, seed: 7 }))) {
        for (const text of renderings(nsn, facts, undefined, 'GB')) checkAgainstLibphonenumber(text, 'GB', tally);
        checkAgainstLibphonenumber(`+${callingCode}${nsn.slice(0, -1)}`, 'US', tally);
      }
    }
    expectLargeShare(tally);
  });

  it("equals libphonenumber on random countries' numbers with random last digits, dialled from random homes", () => {
    const tally = newTally();
    const anyNumber = fc.constantFrom(...ALL_COUNTRIES).chain((country) => fc.tuple(fc.constant(country), nationalNumberOf(country), mutation, fc.constantFrom(country, ...HOMES)));
    fc.assert(
      fc.property(anyNumber, ([country, nsn, m, home]) => {
        for (const text of renderings(mutate(nsn, m), planFacts(country), country, home)) checkAgainstLibphonenumber(text, home, tally);
      }),
      { numRuns: 3000 },
    );
    expectLargeShare(tally);
  });
});

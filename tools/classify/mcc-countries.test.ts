import { getCountries } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { countryForMcc, MCC_COUNTRIES } from './mcc-countries.ts';

// Every EU/EEA/European and North American country the table must cover.
const EUROPE = [
  'AD',
  'AL',
  'AM',
  'AT',
  'BA',
  'BE',
  'BG',
  'BY',
  'CH',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FO',
  'FR',
  'GB',
  'GE',
  'GI',
  'GL',
  'GR',
  'HR',
  'HU',
  'IE',
  'IS',
  'IT',
  'LI',
  'LT',
  'LU',
  'LV',
  'MC',
  'MD',
  'ME',
  'MK',
  'MT',
  'NL',
  'NO',
  'PL',
  'PT',
  'RO',
  'RS',
  'RU',
  'SE',
  'SI',
  'SK',
  'SM',
  'TR',
  'UA',
  'VA',
  'XK',
];
const NORTH_AMERICA = ['US', 'CA', 'MX', 'PR', 'BM', 'PM'];
const LARGE_MARKETS = [
  'CN',
  'IN',
  'ID',
  'BR',
  'PK',
  'NG',
  'BD',
  'JP',
  'PH',
  'VN',
  'EG',
  'ET',
  'IR',
  'TH',
  'ZA',
  'KR',
  'CO',
  'AR',
  'DZ',
  'KE',
  'SA',
  'MY',
  'PE',
  'UZ',
  'AU',
  'GH',
  'IQ',
  'MA',
  'AF',
  'VE',
  'TZ',
  'NP',
  'CL',
  'AE',
  'TW',
  'KZ',
  'LK',
  'MM',
  'IL',
  'SG',
  'NZ',
  'HK',
];

describe('MCC table', () => {
  it.each([
    ['208', 'FR'],
    ['234', 'GB'],
    ['235', 'GB'],
    ['262', 'DE'],
    ['310', 'US'],
    ['311', 'US'],
    ['302', 'CA'],
    ['404', 'IN'],
    ['405', 'IN'],
    ['460', 'CN'],
    ['440', 'JP'],
    ['505', 'AU'],
    ['724', 'BR'],
    ['655', 'ZA'],
    ['362', 'CW'],
    ['365', 'AI'],
    ['425', 'IL'],
  ])('MCC %s is %s', (mcc, country) => {
    expect(countryForMcc(mcc)).toBe(country);
  });

  it('reads the MCC off an MCC-MNC or an IMSI', () => {
    expect(countryForMcc('20801')).toBe('FR');
    expect(countryForMcc('310260123456789')).toBe('US');
  });

  it('knows nothing of test and reserved codes', () => {
    expect(countryForMcc('001')).toBeNull();
    expect(countryForMcc('999')).toBeNull();
    expect(countryForMcc('901')).toBeNull();
    expect(countryForMcc('')).toBeNull();
  });

  it('covers Europe, North America and the largest other markets', () => {
    const covered = new Set(MCC_COUNTRIES.values());
    const missing = [...EUROPE, ...NORTH_AMERICA, ...LARGE_MARKETS].filter((c) => !covered.has(c));
    expect(missing).toEqual([]);
  });

  it('maps only 3-digit MCCs in the E.212 geographic ranges to countries libphonenumber knows', () => {
    const known = new Set<string>(getCountries());
    for (const [mcc, country] of MCC_COUNTRIES) {
      expect(mcc).toMatch(/^[2-7]\d\d$/);
      expect(known.has(country), `${mcc} -> ${country}`).toBe(true);
    }
    expect(MCC_COUNTRIES.size).toBeGreaterThanOrEqual(200);
  });
});

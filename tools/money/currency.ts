import { BillingError } from '../errors.ts';
import type { Decimal, DecimalInput } from './decimal.ts';
import { roundDecimal, type RoundingMethod } from './round-decimal.ts';

// ISO 4217 minor units. Every active code not listed here has 2; this lists the exceptions
// (source: ISO 4217 amendment list, SIX Group, 2024 edition).
const MINOR_UNIT_EXCEPTIONS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

// Active ISO 4217 codes with 2 minor units (the rest of the list); unknown codes are refused
// so a typo such as "EUD" cannot silently bill in a made-up currency.
const TWO_DECIMAL_CODES = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
    'GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL ' +
    'MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK ' +
    'PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS ' +
    'TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG'
  ).split(' '),
);

/** Number of minor-unit decimals of an ISO 4217 currency (JPY 0, EUR 2, KWD 3). */
export function minorUnits(currency: string): number {
  const code = currency.toUpperCase();
  const exception = MINOR_UNIT_EXCEPTIONS[code];
  if (exception !== undefined) return exception;
  if (TWO_DECIMAL_CODES.has(code)) return 2;
  throw new BillingError('INVALID_INPUT', `unknown ISO 4217 currency "${currency}"`);
}

/** Rounds an amount to the currency's minor unit (half-up unless the caller says otherwise). */
export function roundToCurrency(value: DecimalInput, currency: string, method: RoundingMethod = 'middle'): Decimal {
  return roundDecimal(value, minorUnits(currency), method);
}

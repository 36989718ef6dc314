import { BillingError } from '../../errors.ts';
import { PRINT_LOCALES, printLanguage } from '../../i18n/index.ts';
import { minorUnits } from '../../money/index.ts';

export { printLanguage } from '../../i18n/index.ts';

/**
 * Display formatting for the printed invoice, through Intl with one fixed locale per print
 * language (tools/i18n PRINT_LOCALES). Numbers are handed to Intl.NumberFormat as the document's
 * decimal strings, which it formats exactly (no conversion to a binary number), with enough
 * fraction digits that it never rounds; every result is checked digit for digit against the input.
 */

const NBSP = '\u00a0';

// Signs the built-in Helvetica (WinAnsi) can draw and that name one currency; others print their ISO code.
const SIGNED_CURRENCIES = new Set(['EUR', 'GBP', 'USD', 'JPY']);
// Intl.NumberFormat accepts at most 20 fraction digits; longer fractions are spliced in by hand.
const INTL_MAX_FRACTION = 20;

// Building an Intl.NumberFormat costs far more than formatting with one: one per style, kept.
const formatters = new Map<string, Intl.NumberFormat>();

/** What is printed: a currency amount (its code), a plain number, or a percentage. */
type Style = { kind: 'currency'; currency: string } | { kind: 'number' } | { kind: 'percent' };

function numberFormat(locale: string, style: Style, digits: number): Intl.NumberFormat {
  const key = `${locale}|${style.kind === 'currency' ? style.currency : style.kind}|${digits}`;
  let nf = formatters.get(key);
  if (!nf) {
    const fraction = { minimumFractionDigits: digits, maximumFractionDigits: digits };
    const options: Intl.NumberFormatOptions =
      style.kind === 'currency'
        ? { style: 'currency', currency: style.currency, currencyDisplay: SIGNED_CURRENCIES.has(style.currency) ? 'narrowSymbol' : 'code', ...fraction }
        : style.kind === 'percent'
          ? { style: 'unit', unit: 'percent', ...fraction }
          : fraction;
    nf = new Intl.NumberFormat(locale, options);
    formatters.set(key, nf);
  }
  return nf;
}

function splitDecimal(value: string): { sign: string; whole: string; fraction: string } {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new BillingError('INVALID_INPUT', `not a decimal number: "${value}"`);
  return { sign: match[1] ?? '', whole: match[2] ?? '0', fraction: match[3] ?? '' };
}

// Pads to the currency's minor digits and drops only trailing zeros beyond them: a unit price
// such as 0.0125 keeps every digit, "1200.00" in JPY prints as 1,200.
function fitFraction(fraction: string, digits: number): string {
  let out = fraction;
  while (out.length > digits && out.endsWith('0')) out = out.slice(0, -1);
  return out.padEnd(digits, '0');
}

// Helvetica has no narrow no-break space (fr grouping) and the PDF reads best with one minus sign.
function printable(text: string): string {
  return text.replace(/[\u202f\u2009]/g, NBSP).replace(/\u2212/g, '-');
}

/**
 * Formats `sign whole.fraction` in a style so that exactly `fraction` is printed: Intl takes up
 * to 20 fraction digits; beyond that, its fraction part is replaced by the full digits.
 */
function formatExact(language: string, style: Style, sign: string, whole: string, fraction: string): string {
  const locale = PRINT_LOCALES[printLanguage(language)];
  const integer = whole.replace(/^0+(?=\d)/, '');
  const digits = Math.min(fraction.length, INTL_MAX_FRACTION);
  const nf = numberFormat(locale, style, digits);
  // A decimal string is an Intl "StringNumericLiteral", formatted without a binary double (ES2023 typings; our lib is ES2022).
  const value = `${sign}${integer}${fraction ? `.${fraction.slice(0, digits)}` : ''}` as unknown as number;
  const out =
    digits === fraction.length
      ? nf.format(value)
      : nf
          .formatToParts(value)
          .map((part) => (part.type === 'fraction' ? fraction : part.value))
          .join('');
  // Guards the promise above: the printed digits are the document's digits, in order.
  if (out.replace(/\D/g, '') !== `${integer}${fraction}`) throw new BillingError('INTERNAL', `formatting ${value} in ${locale} changed its digits: "${out}"`);
  return printable(out);
}

/** Formats a decimal amount string for print in the currency's minor units and the language's style. */
export function formatAmount(value: string, currency: string, language: string): string {
  const { sign, whole, fraction } = splitDecimal(value);
  const code = currency.toUpperCase();
  const digits = fitFraction(fraction, minorUnits(code));
  return formatExact(language, { kind: 'currency', currency: code }, sign, whole, digits);
}

/** Formats a quantity string (no padding: quantities print with the digits they have). */
export function formatQuantity(value: string, language: string): string {
  const { sign, whole, fraction } = splitDecimal(value);
  return formatExact(language, { kind: 'number' }, sign, whole, fraction);
}

/** Formats a percentage string such as "20" or "7.7" as "20%" / "7,7 %" (the value is already in percent). */
export function formatPercent(value: string, language: string): string {
  const { sign, whole, fraction } = splitDecimal(value);
  return formatExact(language, { kind: 'percent' }, sign, whole, fraction);
}

function dateParts(iso: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new BillingError('INVALID_INPUT', `not a date YYYY-MM-DD: "${iso}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

const DATE_FORMS = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  short: { day: 'numeric', month: 'short' },
  month: { month: 'long', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

// A calendar date is printed as that date: midnight UTC formatted in UTC, so no time zone can move it a day.
function formatCalendarDate(iso: string, language: string, form: keyof typeof DATE_FORMS): string {
  const { year, month, day } = dateParts(iso);
  const locale = PRINT_LOCALES[printLanguage(language)];
  const key = `${locale}|${form}`;
  let df = dateFormatters.get(key);
  if (!df) {
    df = new Intl.DateTimeFormat(locale, { ...DATE_FORMS[form], timeZone: 'UTC' });
    dateFormatters.set(key, df);
  }
  const at = new Date(Date.UTC(2000, month - 1, day));
  at.setUTCFullYear(year);
  return printable(df.format(at));
}

/** Formats an ISO date in words ("1 March 2025", "1 mars 2025", "1. März 2025", "1 de marzo de 2025"). */
export function formatDate(iso: string, language: string): string {
  return formatCalendarDate(iso, language, 'long');
}

/** Formats an ISO date without its year, for compact table cells ("1 Mar", "1 mars", "1. März", "1 mar"). */
export function formatShortDate(iso: string, language: string): string {
  return formatCalendarDate(iso, language, 'short');
}

/** Formats a YYYY-MM billing period as its month in words ("March 2025", "März 2025", "mars 2025", "marzo de 2025"). */
export function formatMonth(yearMonth: string, language: string): string {
  if (!/^\d{4}-\d{2}$/.test(yearMonth)) throw new BillingError('INVALID_INPUT', `not a month YYYY-MM: "${yearMonth}"`);
  return formatCalendarDate(`${yearMonth}-01`, language, 'month');
}

/**
 * The last day of a [from, to) period, as printed and as UBL's inclusive end dates need it; a
 * period that ends where it starts (a one-off charge) ends on its first day.
 */
export function lastDayOf(period: { from: string; to: string }): string {
  if (period.to <= period.from) return period.from;
  const { year, month, day } = dateParts(period.to);
  const previous = new Date(Date.UTC(year, month - 1, day - 1));
  return previous.toISOString().slice(0, 10);
}

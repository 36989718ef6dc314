import { BillingError } from '../../errors.ts';
import { minorUnits } from '../../money/index.ts';

/**
 * Display formatting for the printed invoice. Everything here works on the characters of the
 * document's decimal strings (padding, grouping, separators): no value is ever converted to a
 * binary number, so what is printed is exactly what the document holds.
 */

interface NumberStyle {
  decimal: string;
  group: string;
  /** Whether the currency sign follows the number ("12,50 €") or precedes it ("£12.50"). */
  signAfter: boolean;
  percentSpace: string;
}

const NBSP = '\u00a0';

const STYLES: Record<string, NumberStyle> = {
  en: { decimal: '.', group: ',', signAfter: false, percentSpace: '' },
  fr: { decimal: ',', group: NBSP, signAfter: true, percentSpace: NBSP },
  de: { decimal: ',', group: '.', signAfter: true, percentSpace: NBSP },
};

// Only signs the built-in Helvetica (WinAnsi) can draw; other currencies print their ISO code.
const CURRENCY_SIGNS: Record<string, string> = { EUR: '€', GBP: '£', USD: '$', JPY: '¥' };

const MONTHS: Record<string, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};

const SHORT_MONTHS: Record<string, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  de: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
};

/** The base language ("de" for "de-AT") when Switchboard prints it, else "en". */
export function printLanguage(language: string): 'en' | 'fr' | 'de' {
  const base = language.toLowerCase().split(/[-_]/)[0];
  return base === 'fr' || base === 'de' ? base : 'en';
}

function styleOf(language: string): NumberStyle {
  return STYLES[printLanguage(language)] ?? (STYLES.en as NumberStyle);
}

function splitDecimal(value: string): { sign: string; whole: string; fraction: string } {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new BillingError('INVALID_INPUT', `not a decimal number: "${value}"`);
  return { sign: match[1] ?? '', whole: match[2] ?? '0', fraction: match[3] ?? '' };
}

function groupThousands(whole: string, separator: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

// Pads to the currency's minor digits and drops only trailing zeros beyond them: a unit price
// such as 0.0125 keeps every digit, "1200.00" in JPY prints as 1,200.
function fitFraction(fraction: string, digits: number): string {
  let out = fraction;
  while (out.length > digits && out.endsWith('0')) out = out.slice(0, -1);
  return out.padEnd(digits, '0');
}

/** Formats a decimal amount string for print in the currency's minor units and the language's style. */
export function formatAmount(value: string, currency: string, language: string): string {
  const style = styleOf(language);
  const { sign, whole, fraction } = splitDecimal(value);
  const digits = fitFraction(fraction, minorUnits(currency));
  const number = groupThousands(whole, style.group) + (digits ? style.decimal + digits : '');
  const mark = CURRENCY_SIGNS[currency.toUpperCase()];
  if (style.signAfter) return `${sign}${number}${NBSP}${mark ?? currency}`;
  return mark ? `${sign}${mark}${number}` : `${sign}${currency}${NBSP}${number}`;
}

/** Formats a quantity string (no padding: quantities print with the digits they have). */
export function formatQuantity(value: string, language: string): string {
  const style = styleOf(language);
  const { sign, whole, fraction } = splitDecimal(value);
  return sign + groupThousands(whole, style.group) + (fraction ? style.decimal + fraction : '');
}

/** Formats a percentage string such as "20" or "7.7" as "20%" / "7,7 %". */
export function formatPercent(value: string, language: string): string {
  return formatQuantity(value, language) + styleOf(language).percentSpace + '%';
}

function dateParts(iso: string): { year: string; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new BillingError('INVALID_INPUT', `not a date YYYY-MM-DD: "${iso}"`);
  return { year: match[1] ?? '', month: Number(match[2]), day: Number(match[3]) };
}

/** Formats an ISO date in words ("1 March 2025", "1 mars 2025", "1. März 2025"). */
export function formatDate(iso: string, language: string): string {
  const lang = printLanguage(language);
  const { year, month, day } = dateParts(iso);
  const name = (MONTHS[lang] ?? MONTHS.en)?.[month - 1] ?? String(month);
  return lang === 'de' ? `${day}. ${name} ${year}` : `${day} ${name} ${year}`;
}

/** Formats an ISO date without its year, for compact table cells ("1 Mar", "1 mars", "1. März"). */
export function formatShortDate(iso: string, language: string): string {
  const lang = printLanguage(language);
  const { month, day } = dateParts(iso);
  const name = (SHORT_MONTHS[lang] ?? SHORT_MONTHS.en)?.[month - 1] ?? String(month);
  return lang === 'de' ? `${day}. ${name}` : `${day} ${name}`;
}

/**
 * The last day of a [from, to) period, as printed and as UBL's inclusive end dates need it; a
 * period that ends where it starts (a one-off charge) ends on its first day.
 */
export function lastDayOf(period: { from: string; to: string }): string {
  if (period.to <= period.from) return period.from;
  const { year, month, day } = dateParts(period.to);
  const previous = new Date(Date.UTC(Number(year), month - 1, day - 1));
  return previous.toISOString().slice(0, 10);
}

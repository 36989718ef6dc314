import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BillingError } from '../../errors.ts';
import { formatAmount, formatDate, formatPercent, formatQuantity, formatShortDate, lastDayOf, printLanguage } from './format-invoice-values.ts';

const NBSP = '\u00a0';

describe('formatAmount', () => {
  it('pads to the currency minor unit and groups thousands in the language style', () => {
    expect(formatAmount('1234.5', 'GBP', 'en')).toBe('£1,234.50');
    expect(formatAmount('1126.40', 'EUR', 'de')).toBe(`1.126,40${NBSP}€`);
    expect(formatAmount('1126.40', 'EUR', 'fr')).toBe(`1${NBSP}126,40${NBSP}€`);
    expect(formatAmount('12', 'CHF', 'en')).toBe(`CHF${NBSP}12.00`);
    expect(formatAmount('1.5', 'KWD', 'de')).toBe(`1,500${NBSP}KWD`);
  });

  it('prints JPY without decimals, dropping only zero digits beyond the minor unit', () => {
    expect(formatAmount('18935', 'JPY', 'en')).toBe('¥18,935');
    expect(formatAmount('1200.00', 'JPY', 'en')).toBe('¥1,200');
    expect(formatAmount('0.0125', 'GBP', 'en')).toBe('£0.0125');
  });

  it('keeps the sign in front of the currency sign', () => {
    expect(formatAmount('-2.5', 'GBP', 'en')).toBe('-£2.50');
    expect(formatAmount('-10', 'EUR', 'de')).toBe(`-10,00${NBSP}€`);
  });

  it('refuses what is not a decimal string, and unknown currencies', () => {
    expect(() => formatAmount('12,50', 'EUR', 'en')).toThrow(BillingError);
    expect(() => formatAmount('1e3', 'EUR', 'en')).toThrow(BillingError);
    expect(() => formatAmount('1.00', 'EUD', 'en')).toThrow(/unknown ISO 4217/);
  });

  it('never changes a digit: the printed digits are the document digits, padded', () => {
    const amount = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.stringMatching(/^\d{0,2}$/));
    fc.assert(
      fc.property(amount, fc.constantFrom('en', 'fr', 'de'), ([negative, whole, fraction], lang) => {
        const value = `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
        const printed = formatAmount(value, 'EUR', lang);
        expect(printed.replace(/\D/g, '')).toBe(`${whole}${fraction.padEnd(2, '0')}`);
        expect(printed.startsWith('-')).toBe(negative);
      }),
    );
  });
});

describe('quantities, percentages and dates', () => {
  it('formats quantities and percentages without padding', () => {
    expect(formatQuantity('8450.5', 'en')).toBe('8,450.5');
    expect(formatQuantity('8450.5', 'de')).toBe('8.450,5');
    expect(formatPercent('19', 'de')).toBe(`19${NBSP}%`);
    expect(formatPercent('7.7', 'fr')).toBe(`7,7${NBSP}%`);
    expect(formatPercent('20', 'en')).toBe('20%');
  });

  it('writes dates in words per language', () => {
    expect(formatDate('2025-03-01', 'en')).toBe('1 March 2025');
    expect(formatDate('2025-02-14', 'fr-FR')).toBe('14 février 2025');
    expect(formatDate('2025-03-31', 'de')).toBe('31. März 2025');
    expect(formatShortDate('2025-07-04', 'fr')).toBe('4 juil.');
    expect(formatShortDate('2025-09-30', 'en')).toBe('30 Sep');
  });

  it('turns the exclusive end of a period into its last day', () => {
    expect(lastDayOf({ from: '2025-03-01', to: '2025-04-01' })).toBe('2025-03-31');
    expect(lastDayOf({ from: '2024-02-01', to: '2024-03-01' })).toBe('2024-02-29');
    expect(lastDayOf({ from: '2024-12-01', to: '2025-01-01' })).toBe('2024-12-31');
    expect(lastDayOf({ from: '2025-03-12', to: '2025-03-12' })).toBe('2025-03-12');
  });

  it('prints in the base language and falls back to English', () => {
    expect(printLanguage('de-AT')).toBe('de');
    expect(printLanguage('FR')).toBe('fr');
    expect(printLanguage('ja')).toBe('en');
  });
});

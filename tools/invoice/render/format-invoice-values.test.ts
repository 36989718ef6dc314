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

  it('prints Spanish amounts the es-ES way (no grouping of a four-digit number, CLDR)', () => {
    expect(formatAmount('1126.40', 'EUR', 'es')).toBe(`1126,40${NBSP}€`);
    expect(formatAmount('12345.6', 'EUR', 'es-ES')).toBe(`12.345,60${NBSP}€`);
    expect(formatAmount('-2.5', 'GBP', 'es')).toBe(`-2,50${NBSP}£`);
    expect(formatAmount('18935', 'JPY', 'es')).toBe(`18.935${NBSP}¥`);
    expect(formatQuantity('8450.5', 'es')).toBe('8450,5');
    expect(formatPercent('21', 'es')).toBe(`21${NBSP}%`);
  });

  it('is exact for very large, negative, zero-decimal and three-decimal amounts', () => {
    expect(formatAmount('12345678901234.56', 'EUR', 'en')).toBe('€12,345,678,901,234.56');
    expect(formatAmount('12345678901234.56', 'EUR', 'de')).toBe(`12.345.678.901.234,56${NBSP}€`);
    expect(formatAmount('12345678901234.56', 'EUR', 'fr')).toBe(`12${NBSP}345${NBSP}678${NBSP}901${NBSP}234,56${NBSP}€`);
    expect(formatAmount('12345678901234.56', 'EUR', 'es')).toBe(`12.345.678.901.234,56${NBSP}€`);
    // Beyond a binary double's 15-17 significant digits: a float would print ...000 or ...1.
    expect(formatAmount('99999999999999999999999.99', 'USD', 'en')).toBe('$99,999,999,999,999,999,999,999.99');
    expect(formatAmount('-12345678901234.56', 'GBP', 'en')).toBe('-£12,345,678,901,234.56');
    expect(formatAmount('9007199254740993', 'JPY', 'de')).toBe(`9.007.199.254.740.993${NBSP}¥`);
    expect(formatAmount('-1.234', 'KWD', 'en')).toBe(`-KWD${NBSP}1.234`);
    expect(formatAmount('1234567.891', 'BHD', 'fr')).toBe(`1${NBSP}234${NBSP}567,891${NBSP}BHD`);
    expect(formatAmount('0.005', 'KWD', 'es')).toBe(`0,005${NBSP}KWD`);
    // Intl.NumberFormat rounds to the currency's digits by default (0.0125 → 0.01); this never does.
    expect(formatAmount('0.0125', 'GBP', 'de')).toBe(`0,0125${NBSP}£`);
    expect(formatQuantity('0.123456789012345678901234567', 'en')).toBe('0.123456789012345678901234567');
  });

  it('uses the same currency display in every language: a sign for EUR, GBP, USD and JPY, the ISO code otherwise', () => {
    for (const lang of ['en', 'de', 'fr', 'es']) {
      expect(formatAmount('10', 'EUR', lang)).toContain('€');
      expect(formatAmount('10', 'GBP', lang)).toContain('£');
      expect(formatAmount('10', 'USD', lang)).toMatch(/^\$|\$$/);
      expect(formatAmount('10', 'JPY', lang)).toContain('¥');
      for (const code of ['CHF', 'CAD', 'KWD', 'CNY']) expect(formatAmount('10', code, lang)).toContain(code);
    }
  });

  it('refuses what is not a decimal string, and unknown currencies', () => {
    expect(() => formatAmount('12,50', 'EUR', 'en')).toThrow(BillingError);
    expect(() => formatAmount('1e3', 'EUR', 'en')).toThrow(BillingError);
    expect(() => formatAmount('1.00', 'EUD', 'en')).toThrow(/unknown ISO 4217/);
  });

  it('never changes a digit: the printed digits are the document digits, padded', () => {
    const amount = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.stringMatching(/^\d{0,2}$/));
    fc.assert(
      fc.property(amount, fc.constantFrom('en', 'fr', 'de', 'es'), fc.constantFrom(['EUR', 2], ['JPY', 0], ['KWD', 3], ['CHF', 2]), ([negative, whole, fraction], lang, [currency, minor]) => {
        const value = `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
        const printed = formatAmount(value, currency as string, lang);
        let digits = fraction;
        while (digits.length > (minor as number) && digits.endsWith('0')) digits = digits.slice(0, -1);
        expect(printed.replace(/\D/g, '')).toBe(`${whole}${digits.padEnd(minor as number, '0')}`);
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
    // Intl's en-GB short month (CLDR) is "Sept"; the hand-made table printed "Sep".
    expect(formatShortDate('2025-09-30', 'en')).toBe('30 Sept');
    expect(formatDate('2025-03-01', 'es')).toBe('1 de marzo de 2025');
    expect(formatDate('2025-12-31', 'es-ES')).toBe('31 de diciembre de 2025');
    expect(formatShortDate('2025-07-04', 'es')).toBe('4 jul');
    expect(formatShortDate('2025-07-04', 'de-AT')).toBe('4. Juli');
  });

  it('prints the calendar date whatever the process time zone', () => {
    const before = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
        process.env.TZ = zone;
        expect(formatDate('2025-01-01', 'en')).toBe('1 January 2025');
        expect(formatDate('2024-12-31', 'de')).toBe('31. Dezember 2024');
        expect(formatShortDate('2025-03-01', 'fr')).toBe('1 mars');
      }
    } finally {
      process.env.TZ = before;
    }
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
    expect(printLanguage('es-ES')).toBe('es');
    expect(printLanguage('es_MX')).toBe('es');
    expect(printLanguage('')).toBe('en');
  });
});

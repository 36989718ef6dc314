import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatPercent, formatQuantity } from '../render/format-invoice-values.ts';
import type { InvoiceMessage } from './message.types.ts';
import { asPlainText, MESSAGE_TEXTS, phraseMessage } from './phrase-message.ts';

const line = { subscriptionId: 'L1', msisdn: '447700900123', label: null };
const fig = (value: string, unit: string) => ({ value, unit, source: 'test' });
const usage: InvoiceMessage = { kind: 'usage_change', line, service: 'data', figures: { current: fig('3.1', 'GB'), average: fig('2.3', 'GB'), change: fig('35', '%') } };
const saving: InvoiceMessage = {
  kind: 'plan_saving',
  line,
  planId: 'TD30',
  planName: 'Talk and Data 30',
  figures: { current: fig('1234.20', 'EUR'), alternative: fig('1230.00', 'EUR'), saving: fig('4.20', 'EUR'), savingPercent: fig('0', '%') },
};
const rollover: InvoiceMessage = { kind: 'rollover_left', line, allowanceId: 'SMS', service: 'sms', figures: { units: fig('50', 'SMS'), usableUntil: fig('2025-04-30', 'date') } };
const expired: InvoiceMessage = {
  kind: 'allowance_expired',
  line,
  allowanceId: 'MIN',
  service: 'voice',
  figures: { units: fig('1500', 'min'), available: fig('2000', 'min'), expiredOn: fig('2025-03-31', 'date') },
};
const ending = (left: string): InvoiceMessage => ({
  kind: 'promotion_ending',
  line,
  promotionId: 'P',
  promotionName: 'Spring 50%',
  figures: { periodsLeft: fig(left, 'periods'), endsOn: fig('2025-04-30', 'date') },
});
const ALL = [usage, { ...usage, figures: { ...usage.figures, change: fig('-25', '%') } }, saving, rollover, expired, ending('0'), ending('1')] as InvoiceMessage[];

describe('phraseMessage', () => {
  it('English, with the invoice format helpers', () => {
    expect(ALL.map((m) => phraseMessage(m, 'en-GB'))).toEqual([
      'Line +447700900123: you used 35% more mobile data than your three-month average (3.1\u00a0GB this period, 2.3\u00a0GB on average).',
      'Line +447700900123: you used 25% less mobile data than your three-month average (3.1\u00a0GB this period, 2.3\u00a0GB on average).',
      'Line +447700900123: on Talk and Data 30 you would have paid €4.20 less this period (€1,230.00 instead of €1,234.20, before tax).',
      'Line +447700900123: 50\u00a0SMS left in your allowance carry over to your next period; use them by 30 April 2025.',
      'Line +447700900123: 1,500\u00a0min of the 2,000\u00a0min in your allowance went unused and expired on 31 March 2025.',
      'Line +447700900123: this is the last period of your promotion Spring 50%; it ends on 30 April 2025.',
      'Line +447700900123: your promotion Spring 50% runs for one more period and ends on 30 April 2025.',
    ]);
  });

  it('German and French, numbers and dates in their style', () => {
    expect(phraseMessage(usage, 'de-AT')).toBe(
      'Anschluss +447700900123: Sie haben 35\u00a0% mehr mobile Daten genutzt als im Durchschnitt der letzten drei Monate (3,1\u00a0GB in diesem Zeitraum, 2,3\u00a0GB im Durchschnitt).',
    );
    expect(phraseMessage(saving, 'de')).toBe(
      'Anschluss +447700900123: Mit Talk and Data 30 hätten Sie in diesem Zeitraum 4,20\u00a0€ weniger bezahlt (1.230,00\u00a0€ statt 1.234,20\u00a0€, ohne Steuern).',
    );
    expect(phraseMessage(ending('0'), 'de')).toBe('Anschluss +447700900123: Dies ist der letzte Zeitraum Ihrer Aktion Spring 50%; sie endet am 30. April 2025.');
    expect(phraseMessage(usage, 'fr')).toBe(
      'Ligne +447700900123 : vous avez consommé 35\u00a0% de données mobiles de plus que votre moyenne des trois derniers mois (3,1\u00a0Go sur cette période, 2,3\u00a0Go en moyenne).',
    );
    expect(phraseMessage(rollover, 'fr-CH')).toBe("Ligne +447700900123 : 50\u00a0SMS restant sur votre forfait sont reportés sur votre prochaine période, utilisables jusqu'au 30 avril 2025.");
    expect(phraseMessage(expired, 'fr')).toBe("Ligne +447700900123 : 1\u00a0500\u00a0min sur les 2\u00a0000\u00a0min de votre forfait n'ont pas été consommés et ont expiré le 31 mars 2025.");
  });

  it('Spanish words from the es file, numbers by the format helpers for es (English style until they print Spanish)', () => {
    const es = MESSAGE_TEXTS.es;
    expect(phraseMessage(saving, 'es', es)).toBe(
      `Línea +447700900123: con Talk and Data 30 habría pagado ${formatAmount('4.20', 'EUR', 'es')} menos en este periodo (${formatAmount('1230.00', 'EUR', 'es')} en lugar de ${formatAmount('1234.20', 'EUR', 'es')}, sin impuestos).`,
    );
    expect(phraseMessage(usage, 'es', es)).toBe(
      `Línea +447700900123: ha consumido un ${formatPercent('35', 'es')} más de datos móviles que su media de los últimos tres meses (${formatQuantity('3.1', 'es')}\u00a0GB en este periodo, ${formatQuantity('2.3', 'es')}\u00a0GB de media).`,
    );
    expect(phraseMessage(ending('1'), 'es', es)).toBe(`Línea +447700900123: su promoción Spring 50% dura un periodo más y termina el ${formatDate('2025-04-30', 'es')}.`);
  });

  it('every language has every template with the same placeholders as English', () => {
    const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [lang, texts] of Object.entries(MESSAGE_TEXTS)) {
      for (const [kind, template] of Object.entries(texts.templates)) {
        expect([lang, kind, names(template)]).toEqual([lang, kind, names(MESSAGE_TEXTS.en.templates[kind as keyof typeof texts.templates])]);
      }
    }
  });

  it("prints a customer's or the catalog's text as plain data: no control characters, no placeholders filled from it", () => {
    const labelled = { ...saving, line: { ...line, label: 'Anna\u001b[31m\n\u202ephone' }, planName: 'Cheap {saving} plan\r\n' } as InvoiceMessage;
    expect(phraseMessage(labelled, 'en')).toBe('Line Anna [31m phone (+447700900123): on Cheap {saving} plan you would have paid €4.20 less this period (€1,230.00 instead of €1,234.20, before tax).');
    expect(asPlainText(' a\tb\u0000c ')).toBe('a b c');
  });
});

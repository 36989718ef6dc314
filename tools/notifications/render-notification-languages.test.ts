import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareLocaleFiles, PRINT_LANGUAGES } from '../i18n/index.ts';
import { type NotificationPayload, notificationPayloadSchema } from './notification.types.ts';
import { renderNotificationEmail } from './render-notification-email.ts';

const NBSP = '\u00a0';
const LOCALES = fileURLToPath(new URL('./locales/', import.meta.url));
const read = (file: string) => ({ file, data: JSON.parse(readFileSync(`${LOCALES}${file}`, 'utf8')) as unknown });

// One payload of every kind (and every dunning action and promise status), as the outbox stores them.
const PAYLOADS: NotificationPayload[] = [
  { kind: 'invoice_issued', invoiceId: 1, number: 'INV-000001', period: '2025-03', total: '1234.50', currency: 'EUR', issueDate: '2025-04-01', dueDate: '2025-04-15' },
  { kind: 'invoice_issued', invoiceId: 2, number: null, period: '2025-03', total: '10.00', currency: 'GBP', issueDate: null, dueDate: null },
  { kind: 'invoice_upcoming', period: '2025-04', billingDate: '2025-05-01' },
  { kind: 'usage_threshold', subscriptionId: 'L1', allowanceId: 'A', service: 'data', period: '2025-03', percent: 80, used: '8192', granted: '10240' },
  { kind: 'payment_received', invoiceId: 1, number: 'INV-000001', period: '2025-03', total: '1234.50', currency: 'EUR' },
  { kind: 'dunning_step', invoiceId: 1, step: 'first_reminder', proposalId: null, number: 'INV-000001', overdue: '1234.50', currency: 'EUR', daysPastDue: 14 },
  { kind: 'dunning_step', invoiceId: 1, step: 'reminder', proposalId: null, action: 'reminder', number: null },
  { kind: 'dunning_step', invoiceId: 1, step: 'fee', proposalId: 3, action: 'late_fee', number: 'INV-000001', overdue: '20.00', currency: 'EUR', lateFee: '5.00', noteNumber: 'DN-000004' },
  { kind: 'dunning_step', invoiceId: 1, step: 'restrict', proposalId: 4, action: 'restriction', number: 'INV-000001', overdue: '20.00', currency: 'EUR', daysPastDue: 30 },
  { kind: 'dunning_step', invoiceId: 1, step: 'bar', proposalId: 5, action: 'barring', number: 'INV-000001', overdue: '20.00', currency: 'EUR', daysPastDue: 45 },
  { kind: 'payment_promise', promiseId: 1, status: 'recorded', amount: '50.00', currency: 'EUR', promisedFor: '2025-05-10' },
  { kind: 'payment_promise', promiseId: 1, status: 'kept', amount: '50.00', currency: 'EUR', promisedFor: '2025-05-10' },
  { kind: 'payment_promise', promiseId: 1, status: 'broken', amount: '50.00', currency: 'EUR', promisedFor: '2025-05-10' },
  { kind: 'plan_recommendation', subscriptionId: 'L1', currentPlan: 'Talk 100', recommendedPlan: 'Talk 200', saving: '2.25', currency: 'GBP', period: '2025-03' },
  {
    kind: 'usage_forecast',
    subscriptionId: 'L1',
    allowanceId: 'UK_MIN',
    service: 'voice',
    period: '2025-03',
    lastDay: '2025-03-31',
    unit: 'min',
    included: '10.00',
    used: '13.00',
    projected: '62.40',
    extraCharge: '3.48',
    currency: 'GBP',
    suggestion: null,
  },
].map((p) => notificationPayloadSchema.parse(p));

describe('tools/notifications/locales', () => {
  it('has a template file for exactly the print languages', () => {
    expect(readdirSync(LOCALES).sort()).toEqual(PRINT_LANGUAGES.map((l) => `${l}.json`).sort());
  });

  it('has the same keys and placeholders in every language, and no empty text', () => {
    const others = PRINT_LANGUAGES.filter((l) => l !== 'en').map((l) => read(`${l}.json`));
    expect(compareLocaleFiles(read('en.json'), others)).toEqual([]);
  });
});

describe('every notification in every language', () => {
  it.each(PRINT_LANGUAGES.flatMap((language) => PAYLOADS.map((p, i) => [language, i, p] as const)))('%s #%i renders fully', (language, _i, payload) => {
    for (const audience of ['consumer', 'business'] as const) {
      const m = renderNotificationEmail(payload, { language, audience, name: 'Ada' });
      for (const text of [m.subject, m.text]) {
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/\{\w+\}|undefined|null/);
      }
      if (language !== 'en') expect(m.text).not.toBe(renderNotificationEmail(payload, { language: 'en', audience, name: 'Ada' }).text);
    }
  });
});

describe('the wording and formats per language', () => {
  const issued = PAYLOADS[0]!;

  it('Spanish: the issued invoice, with amount, month and due date in the es-ES style', () => {
    const m = renderNotificationEmail(issued, { language: 'es-ES', audience: 'business', name: 'Babbage SL' });
    expect(m.subject).toBe('Factura INV-000001 de marzo de 2025');
    expect(m.text).toBe(
      `Estimados señores (Babbage SL):\n\nLa factura INV-000001 de marzo de 2025 ya está disponible: 1234,50${NBSP}€, con vencimiento el 15 de abril de 2025. Adjuntamos el PDF.\n\nAtentamente,\nDepartamento de cobros\n`,
    );
  });

  it('French and German: amounts and dates in their style', () => {
    expect(renderNotificationEmail(issued, { language: 'fr', audience: 'consumer', name: 'Ada' }).text).toContain(
      `La facture INV-000001 pour mars 2025 est disponible : 1${NBSP}234,50${NBSP}€, à régler avant le 15 avril 2025.`,
    );
    expect(renderNotificationEmail(issued, { language: 'de-AT', audience: 'consumer', name: 'Ada' }).text).toContain(
      `Die Rechnung INV-000001 für März 2025 liegt vor: 1.234,50${NBSP}€, fällig am 15. April 2025.`,
    );
  });

  it('the dunning steps in Spanish name the debit note (nota de cargo) and the days overdue', () => {
    const fee = renderNotificationEmail(PAYLOADS[7]!, { language: 'es', audience: 'consumer', name: 'Ada' });
    expect(fee.subject).toBe('Recargo por demora en la factura INV-000001');
    expect(fee.text).toContain(`Se ha añadido un recargo por demora de 5,00${NBSP}€ (nota de cargo DN-000004).`);
    expect(renderNotificationEmail(PAYLOADS[8]!, { language: 'es', audience: 'consumer', name: 'Ada' }).text).toContain(`Importe vencido: 20,00${NBSP}€ (30 días).`);
  });

  it('a usage threshold with the service and percentage in the language', () => {
    const m = renderNotificationEmail(PAYLOADS[3]!, { language: 'es', audience: 'consumer', name: 'Ada' });
    expect(m.subject).toBe(`Ha consumido el 80${NBSP}% de su bono de datos`);
    expect(m.text).toContain(`ha consumido 8192 de 10.240 (80${NBSP}%)`);
  });

  it('falls back to English for a language it has no templates for, and shows unexpected values as stored', () => {
    const m = renderNotificationEmail(issued, { language: 'ja', audience: 'consumer', name: 'Ada' });
    expect(m.subject).toBe('Invoice INV-000001 for March 2025');
    const odd = notificationPayloadSchema.parse({ ...issued, period: 'Q1 2025', currency: 'XYZ' });
    expect(renderNotificationEmail(odd, { language: 'de', audience: 'consumer', name: 'Ada' }).subject).toBe('Rechnung INV-000001 für Q1 2025');
    expect(renderNotificationEmail(odd, { language: 'de', audience: 'consumer', name: 'Ada' }).text).toContain('1234.50 XYZ');
  });
});

import { BillingError } from '../errors.ts';
import { fillTemplate, printLanguage, type PrintLanguage, textsSchema, type TextsOf } from '../i18n/index.ts';
import { formatAmount, formatDate, formatMonth, formatPercent, formatQuantity } from '../invoice/render/format-invoice-values.ts';
import de from './locales/de.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import type { NotificationPayload } from './notification.types.ts';

/** The wording of an email: consumers are addressed personally, businesses formally. */
export type Audience = 'consumer' | 'business';

/** A rendered email: subject and plain-text body. */
export interface RenderedEmail {
  subject: string;
  text: string;
}

/**
 * Every text of a notification email, with the {placeholders} each must fill: the one definition
 * tools/notifications/locales/<lang>.json is checked against. Optional clauses (a due date, a
 * cheaper plan, the days overdue) are texts of their own, filled into their sentence or left out.
 */
export const NOTIFICATION_TEXT_SHAPE = {
  greeting: { consumer: ['name'], business: ['name'] },
  closing: { consumer: [], business: [] },
  services: { voice: [], sms: [], data: [] },
  invoice_issued: { subject: ['number', 'period'], body: ['number', 'period', 'total', 'due'], due: ['date'] },
  invoice_upcoming: { subject: ['period'], body: ['period', 'date'] },
  usage_threshold: { subject: ['percent', 'service'], body: ['line', 'used', 'granted', 'percent', 'service', 'period'] },
  payment_received: { subject: ['number'], body: ['total', 'number'] },
  payment_promise: {
    recordedSubject: ['amount', 'date'],
    recordedBody: ['amount', 'date'],
    keptSubject: [],
    keptBody: ['amount', 'date'],
    brokenSubject: ['amount', 'date'],
    brokenBody: ['amount', 'date'],
  },
  plan_recommendation: { subject: ['period'], body: ['recommended', 'current', 'line', 'saving', 'period'] },
  usage_forecast: {
    subject: ['line', 'service', 'period'],
    body: ['line', 'used', 'included', 'unit', 'service', 'projected', 'lastDay', 'extra', 'suggestion'],
    suggestion: ['plan', 'saving', 'alternative'],
  },
  dunning_step: {
    invoice: ['number'],
    anInvoice: [],
    overdue: ['amount'],
    overdueDays: ['amount', 'days'],
    debitNote: ['number'],
    lateFeeSubject: ['number'],
    lateFeeBody: ['invoice', 'owed', 'fee', 'note'],
    restrictionSubject: [],
    restrictionBody: ['invoice', 'owed'],
    barringSubject: [],
    barringBody: ['invoice', 'owed'],
    reminderSubject: [],
    reminderBody: ['invoice', 'step', 'owed'],
  },
} as const;

type Texts = TextsOf<typeof NOTIFICATION_TEXT_SHAPE>;

const schema = textsSchema(NOTIFICATION_TEXT_SHAPE);

function parseTexts(lang: PrintLanguage, data: unknown): Texts {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
  throw new BillingError('INTERNAL', `tools/notifications/locales/${lang}.json is not a complete template file: ${where}`);
}

// Checked once, when the module loads, so a broken translation fails at start and not in one customer's email.
const TEXTS: Record<PrintLanguage, Texts> = { en: parseTexts('en', en), de: parseTexts('de', de), fr: parseTexts('fr', fr), es: parseTexts('es', es) };

/** The language templates exist for (the base of a BCP 47 tag); any other falls back to English. */
export function templateLanguage(language: string): PrintLanguage {
  return printLanguage(language);
}

/** Consumers get the personal wording; every other segment (small_business, enterprise) the formal one. */
export function audienceOf(segment: string): Audience {
  return segment === 'consumer' ? 'consumer' : 'business';
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR_MONTH = /^\d{4}-\d{2}$/;

/** Formatters of one language; text that is not the expected shape (free-form strings of old payloads) is shown as it is. */
function formattersOf(lang: PrintLanguage, texts: Texts) {
  return {
    money(value: string, currency: string | undefined): string {
      if (!currency || !DECIMAL.test(value)) return currency ? `${value} ${currency}` : value;
      try {
        return formatAmount(value, currency, lang);
      } catch {
        // An unknown currency code in a stored payload: the amount and the code as stored beat no email.
        return `${value} ${currency}`;
      }
    },
    quantity: (value: string) => (DECIMAL.test(value) ? formatQuantity(value, lang) : value),
    percent: (value: number) => formatPercent(String(value), lang),
    date: (value: string) => (ISO_DATE.test(value) ? formatDate(value, lang) : value),
    period: (value: string) => (YEAR_MONTH.test(value) ? formatMonth(value, lang) : value),
    service: (value: string) => (Object.hasOwn(texts.services, value) ? texts.services[value as keyof Texts['services']] : value),
  };
}

type Rendered = { subject: string; body: string };
type Fmt = ReturnType<typeof formattersOf>;
type Of<K extends NotificationPayload['kind']> = Extract<NotificationPayload, { kind: K }>;

function dunning(p: Of<'dunning_step'>, t: Texts['dunning_step'], f: Fmt): Rendered {
  const number = p.number ?? String(p.invoiceId);
  const invoice = fillTemplate(t.invoice, { number });
  const amount = p.overdue ? f.money(p.overdue, p.currency) : '';
  const owed = !p.overdue ? '' : p.daysPastDue ? fillTemplate(t.overdueDays, { amount, days: String(p.daysPastDue) }) : fillTemplate(t.overdue, { amount });
  switch (p.action) {
    case 'late_fee':
      return {
        subject: fillTemplate(t.lateFeeSubject, { number }),
        body: fillTemplate(t.lateFeeBody, { invoice, owed, fee: f.money(p.lateFee ?? '', p.currency), note: p.noteNumber ? fillTemplate(t.debitNote, { number: p.noteNumber }) : '' }),
      };
    case 'restriction':
      return { subject: t.restrictionSubject, body: fillTemplate(t.restrictionBody, { invoice, owed }) };
    case 'barring':
      return { subject: t.barringSubject, body: fillTemplate(t.barringBody, { invoice, owed }) };
    default:
      return { subject: t.reminderSubject, body: fillTemplate(t.reminderBody, { invoice: p.number ? invoice : t.anInvoice, step: p.step, owed }) };
  }
}

function promise(p: Of<'payment_promise'>, t: Texts['payment_promise'], f: Fmt): Rendered {
  const values = { amount: f.money(p.amount, p.currency), date: f.date(p.promisedFor) };
  const [subject, body] = p.status === 'recorded' ? [t.recordedSubject, t.recordedBody] : p.status === 'kept' ? [t.keptSubject, t.keptBody] : [t.brokenSubject, t.brokenBody];
  return { subject: fillTemplate(subject, values), body: fillTemplate(body, values) };
}

function forecast(p: Of<'usage_forecast'>, t: Texts['usage_forecast'], f: Fmt): Rendered {
  const money = (v: string) => f.money(v, p.currency);
  const common = { line: p.subscriptionId, service: f.service(p.service), period: f.period(p.period) };
  const suggestion = p.suggestion ? fillTemplate(t.suggestion, { plan: p.suggestion.planName, saving: money(p.suggestion.saving), alternative: money(p.suggestion.alternativeAmount) }) : '';
  const values = {
    ...common,
    used: f.quantity(p.used),
    included: f.quantity(p.included),
    unit: p.unit,
    projected: f.quantity(p.projected),
    lastDay: f.date(p.lastDay),
    extra: money(p.extraCharge),
    suggestion,
  };
  return { subject: fillTemplate(t.subject, common), body: fillTemplate(t.body, values) };
}

function texts(p: NotificationPayload, t: Texts, f: Fmt): Rendered {
  const fill = (pair: { subject: string; body: string }, values: Record<string, string>) => ({ subject: fillTemplate(pair.subject, values), body: fillTemplate(pair.body, values) });
  switch (p.kind) {
    case 'invoice_issued': {
      const due = p.dueDate ? fillTemplate(t.invoice_issued.due, { date: f.date(p.dueDate) }) : '';
      return fill(t.invoice_issued, { number: p.number ?? String(p.invoiceId), period: f.period(p.period), total: f.money(p.total, p.currency), due });
    }
    case 'invoice_upcoming':
      return fill(t.invoice_upcoming, { period: f.period(p.period), date: f.date(p.billingDate) });
    case 'usage_threshold':
      return fill(t.usage_threshold, {
        line: p.subscriptionId,
        used: f.quantity(p.used),
        granted: f.quantity(p.granted),
        percent: f.percent(p.percent),
        service: f.service(p.service),
        period: f.period(p.period),
      });
    case 'payment_received':
      return fill(t.payment_received, { number: p.number ?? String(p.invoiceId), total: f.money(p.total, p.currency) });
    case 'dunning_step':
      return dunning(p, t.dunning_step, f);
    case 'payment_promise':
      return promise(p, t.payment_promise, f);
    case 'plan_recommendation':
      return fill(t.plan_recommendation, { recommended: p.recommendedPlan, current: p.currentPlan, line: p.subscriptionId, saving: f.money(p.saving, p.currency), period: f.period(p.period) });
    case 'usage_forecast':
      return forecast(p, t.usage_forecast, f);
  }
}

/** Renders the email of a notification in a language and for an audience (plain text; amounts, quantities and dates in the language's style). */
export function renderNotificationEmail(payload: NotificationPayload, opts: { language: string; audience: Audience; name: string }): RenderedEmail {
  const lang = templateLanguage(opts.language);
  const t = TEXTS[lang];
  const { subject, body } = texts(payload, t, formattersOf(lang, t));
  const text = body.charAt(0).toUpperCase() + body.slice(1);
  return { subject, text: `${fillTemplate(t.greeting[opts.audience], { name: opts.name })}\n\n${text}\n\n${t.closing[opts.audience]}\n` };
}

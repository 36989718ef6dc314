import { z } from 'zod';
import de from '../locales/de/messages.json' with { type: 'json' };
import en from '../locales/en/messages.json' with { type: 'json' };
import es from '../locales/es/messages.json' with { type: 'json' };
import fr from '../locales/fr/messages.json' with { type: 'json' };
import { formatAmount, formatDate, formatPercent, formatQuantity, printLanguage } from '../render/format-invoice-values.ts';
import type { InvoiceMessage, MessageFigure, MessageLine } from './message.types.ts';

const template = z.string().min(1);

/** The words of the messages in one language (tools/invoice/locales/<lang>/messages.json). */
export const messageTextsSchema = z
  .object({
    heading: template,
    templates: z
      .object({
        usage_more: template,
        usage_less: template,
        plan_saving: template,
        rollover_left: template,
        allowance_expired: template,
        promotion_ends_now: template,
        promotion_ends_next: template,
      })
      .strict(),
    services: z.object({ data: template, voice: template, sms: template }).strict(),
    units: z.object({ GB: template, MB: template, min: template, SMS: template }).strict(),
  })
  .strict();
export type MessageTexts = z.infer<typeof messageTextsSchema>;

/** The message words of every language Switchboard phrases them in, checked when the module loads. */
export const MESSAGE_TEXTS = {
  en: messageTextsSchema.parse(en),
  de: messageTextsSchema.parse(de),
  fr: messageTextsSchema.parse(fr),
  es: messageTextsSchema.parse(es),
} as const;
export type MessageLanguage = keyof typeof MESSAGE_TEXTS;

/** The message words for a document language: the invoice's print language, so a message reads like the rest of the bill. */
export function messageTextsFor(language: string): MessageTexts {
  return (MESSAGE_TEXTS as Record<string, MessageTexts>)[printLanguage(language)] ?? MESSAGE_TEXTS.en;
}

const NBSP = '\u00a0';

/**
 * Text that came from a customer or the catalog (line labels, plan and promotion names) as one
 * plain line: control characters, bidirectional overrides and line breaks cannot reorder or break
 * the sentence they are put in, in the PDF or on a terminal.
 */
export function asPlainText(text: string): string {
  return text
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// One pass: a value that itself contains "{name}" is printed as it is, never filled again.
function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function lineName(line: MessageLine): string {
  const number = `+${line.msisdn}`;
  return line.label ? `${asPlainText(line.label)} (${number})` : number;
}

function formatFigure(f: MessageFigure, language: string, texts: MessageTexts): string {
  if (f.unit === '%') return formatPercent(f.value.replace(/^-/, ''), language);
  if (f.unit === 'date') return formatDate(f.value, language);
  // Usage units first: "SMS" is a unit, not a currency code.
  const unit = (texts.units as Record<string, string>)[f.unit];
  if (unit !== undefined) return `${formatQuantity(f.value, language)}${NBSP}${unit}`;
  return formatAmount(f.value, f.unit, language);
}

/**
 * A message as a sentence in the document's language: its template filled with its stored
 * figures, formatted by the invoice's format helpers. Nothing is computed here but the wording.
 */
export function phraseMessage(message: InvoiceMessage, language: string, texts: MessageTexts = messageTextsFor(language)): string {
  const t = texts.templates;
  const f = (figure: MessageFigure) => formatFigure(figure, language, texts);
  const line = lineName(message.line);
  switch (message.kind) {
    case 'usage_change': {
      const { current, average, change } = message.figures;
      return fill(change.value.startsWith('-') ? t.usage_less : t.usage_more, { line, change: f(change), service: texts.services[message.service], current: f(current), average: f(average) });
    }
    case 'plan_saving': {
      const { current, alternative, saving } = message.figures;
      return fill(t.plan_saving, { line, plan: asPlainText(message.planName), saving: f(saving), alternative: f(alternative), current: f(current) });
    }
    case 'rollover_left':
      return fill(t.rollover_left, { line, units: f(message.figures.units), date: f(message.figures.usableUntil) });
    case 'allowance_expired':
      return fill(t.allowance_expired, { line, units: f(message.figures.units), available: f(message.figures.available), date: f(message.figures.expiredOn) });
    case 'promotion_ending':
      return fill(message.figures.periodsLeft.value === '0' ? t.promotion_ends_now : t.promotion_ends_next, {
        line,
        promotion: asPlainText(message.promotionName),
        date: f(message.figures.endsOn),
      });
  }
}

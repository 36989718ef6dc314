import { fillTemplate, printLanguage, type PrintLanguage, textsSchema, type TextsOf } from '../../i18n/index.ts';
import de from '../locales/de/invoice.json' with { type: 'json' };
import en from '../locales/en/invoice.json' with { type: 'json' };
import es from '../locales/es/invoice.json' with { type: 'json' };
import fr from '../locales/fr/invoice.json' with { type: 'json' };
import { BillingError } from '../../errors.ts';
import type { LineSection } from '../invoice.types.ts';

/**
 * Every word the printed invoice uses, by key, with the {placeholders} each template must fill:
 * the one definition tools/invoice/locales/<lang>/invoice.json is checked against.
 */
export const INVOICE_LABEL_SHAPE = {
  invoice: [],
  creditNote: [],
  debitNote: [],
  number: [],
  issueDate: [],
  dueDate: [],
  period: [],
  account: [],
  customer: [],
  vatId: [],
  companyId: [],
  billTo: [],
  draft: [],
  void: [],
  corrects: ['number', 'date', 'reason'],
  summary: [],
  yourBill: ['period'],
  serviceCharges: [],
  governmentCharges: [],
  taxesAndSurcharges: [],
  totalDue: [],
  totalCredited: [],
  payBy: ['date'],
  payment: ['iban', 'reference'],
  sections: { plans: [], usage: [], one_time: [], promotions: [], discounts: [], adjustments: [] } satisfies Record<LineSection, []>,
  accountLevel: [],
  lineFor: ['msisdn'],
  description: [],
  servicePeriod: [],
  quantity: [],
  unitPrice: [],
  tax: [],
  amount: [],
  usageSummary: [],
  service: [],
  category: [],
  events: [],
  used: [],
  included: [],
  services: { voice: [], sms: [], data: [] },
  governmentSection: [],
  governmentIntro: [],
  surchargesSection: [],
  surchargesIntro: [],
  charge: [],
  jurisdiction: [],
  rate: [],
  base: [],
  perLine: ['fee'],
  lines: ['count'],
  taxNotes: [],
  recommendations: [],
  recommendation: ['plan', 'line', 'alternative', 'current', 'saving'],
  page: ['page', 'pages'],
  continued: [],
  noCharges: [],
  contact: [],
} as const;

/** Every word the printed invoice uses; templates take {named} placeholders. */
export type InvoiceLabels = TextsOf<typeof INVOICE_LABEL_SHAPE>;

const schema = textsSchema(INVOICE_LABEL_SHAPE);

function parseLabels(lang: PrintLanguage, data: unknown): InvoiceLabels {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
  throw new BillingError('INTERNAL', `tools/invoice/locales/${lang}/invoice.json is not a complete label file: ${where}`);
}

// Checked once, when the module loads: a broken translation file fails every render at once, not one label in print.
const LABELS: Record<PrintLanguage, InvoiceLabels> = { en: parseLabels('en', en), de: parseLabels('de', de), fr: parseLabels('fr', fr), es: parseLabels('es', es) };

/** The labels for a document's language (its base language; English when not printed in it). */
export function labelsFor(language: string): InvoiceLabels {
  return LABELS[printLanguage(language)];
}

/** Fills a label template's {placeholders}; a missing value leaves the placeholder visible. */
export function fillLabel(template: string, values: Record<string, string>): string {
  return fillTemplate(template, values);
}

import type { LineSection } from '../invoice.types.ts';
import { printLanguage } from './format-invoice-values.ts';

/** Every word the printed invoice uses; templates take {named} placeholders. */
export interface InvoiceLabels {
  invoice: string;
  creditNote: string;
  debitNote: string;
  number: string;
  issueDate: string;
  dueDate: string;
  period: string;
  account: string;
  customer: string;
  vatId: string;
  companyId: string;
  billTo: string;
  draft: string;
  void: string;
  corrects: string;
  summary: string;
  yourBill: string;
  serviceCharges: string;
  governmentCharges: string;
  taxesAndSurcharges: string;
  totalDue: string;
  totalCredited: string;
  payBy: string;
  payment: string;
  sections: Record<LineSection, string>;
  accountLevel: string;
  lineFor: string;
  description: string;
  servicePeriod: string;
  quantity: string;
  unitPrice: string;
  tax: string;
  amount: string;
  usageSummary: string;
  service: string;
  category: string;
  events: string;
  used: string;
  included: string;
  services: Record<'voice' | 'sms' | 'data', string>;
  governmentSection: string;
  governmentIntro: string;
  surchargesSection: string;
  surchargesIntro: string;
  charge: string;
  jurisdiction: string;
  rate: string;
  base: string;
  perLine: string;
  lines: string;
  taxNotes: string;
  recommendations: string;
  recommendation: string;
  page: string;
  continued: string;
  noCharges: string;
  contact: string;
}

const EN: InvoiceLabels = {
  invoice: 'INVOICE',
  creditNote: 'CREDIT NOTE',
  debitNote: 'DEBIT NOTE',
  number: 'Number',
  issueDate: 'Issue date',
  dueDate: 'Due date',
  period: 'Period',
  account: 'Account',
  customer: 'Customer',
  vatId: 'VAT ID',
  companyId: 'Company no.',
  billTo: 'Bill to',
  draft: 'DRAFT - not a valid invoice',
  void: 'VOID - this invoice was cancelled',
  corrects: 'Corrects invoice {number} of {date}: {reason}',
  summary: 'Summary',
  yourBill: 'Your bill for {period}',
  serviceCharges: 'Service charges',
  governmentCharges: 'Government taxes and fees',
  taxesAndSurcharges: 'Taxes, fees and surcharges',
  totalDue: 'Total due',
  totalCredited: 'Total in your favour',
  payBy: 'Please pay by {date}.',
  payment: 'Pay by bank transfer to IBAN {iban}, reference {reference}.',
  sections: {
    plans: 'Plans and bundles',
    usage: 'Usage',
    one_time: 'One-time charges',
    promotions: 'Promotions',
    discounts: 'Discounts',
    adjustments: 'Adjustments and credits',
  },
  accountLevel: 'Account',
  lineFor: 'Line {msisdn}',
  description: 'Description',
  servicePeriod: 'Period',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  tax: 'VAT',
  amount: 'Amount',
  usageSummary: 'Your usage',
  service: 'Service',
  category: 'Type',
  events: 'Events',
  used: 'Used',
  included: 'Included',
  services: { voice: 'Calls', sms: 'Messages', data: 'Data' },
  governmentSection: 'Government taxes and fees',
  governmentIntro: 'Required by law and passed on to the authorities; not charges of ours.',
  surchargesSection: 'Operator surcharges',
  surchargesIntro: 'Set by us, not required by any government.',
  charge: 'Charge',
  jurisdiction: 'Where',
  rate: 'Rate',
  base: 'Applied to',
  perLine: '{fee} per line',
  lines: '{count} lines',
  taxNotes: 'Tax notes',
  recommendations: 'Could you pay less?',
  recommendation: 'On plan {plan}, your line {line} would have cost {alternative} instead of {current} this period ({saving} less).',
  page: 'Page {page} of {pages}',
  continued: '(continued)',
  noCharges: 'No charges this period.',
  contact: 'Questions?',
};

const FR: InvoiceLabels = {
  invoice: 'FACTURE',
  creditNote: 'AVOIR',
  debitNote: 'NOTE DE DÉBIT',
  number: 'Numéro',
  issueDate: "Date d'émission",
  dueDate: "Date d'échéance",
  period: 'Période',
  account: 'Compte',
  customer: 'Client',
  vatId: 'N° TVA',
  companyId: 'N° SIREN',
  billTo: 'Facturé à',
  draft: 'BROUILLON - pas une facture valable',
  void: 'ANNULÉE - cette facture a été annulée',
  corrects: 'Rectifie la facture {number} du {date} : {reason}',
  summary: 'Récapitulatif',
  yourBill: 'Votre facture pour {period}',
  serviceCharges: 'Services',
  governmentCharges: 'Taxes et redevances publiques',
  taxesAndSurcharges: 'Taxes, redevances et suppléments',
  totalDue: 'Total à payer',
  totalCredited: 'Total en votre faveur',
  payBy: 'À régler avant le {date}.',
  payment: 'Virement sur l’IBAN {iban}, référence {reference}.',
  sections: {
    plans: 'Forfaits et options',
    usage: 'Consommations',
    one_time: 'Frais ponctuels',
    promotions: 'Promotions',
    discounts: 'Remises',
    adjustments: 'Ajustements et avoirs',
  },
  accountLevel: 'Compte',
  lineFor: 'Ligne {msisdn}',
  description: 'Description',
  servicePeriod: 'Période',
  quantity: 'Quantité',
  unitPrice: 'Prix unitaire',
  tax: 'TVA',
  amount: 'Montant',
  usageSummary: 'Vos consommations',
  service: 'Service',
  category: 'Type',
  events: 'Nombre',
  used: 'Consommé',
  included: 'Inclus',
  services: { voice: 'Appels', sms: 'Messages', data: 'Internet' },
  governmentSection: 'Taxes et redevances publiques',
  governmentIntro: 'Imposées par la loi et reversées aux autorités ; ce ne sont pas nos tarifs.',
  surchargesSection: "Suppléments de l'opérateur",
  surchargesIntro: "Fixés par nous, non imposés par l'État.",
  charge: 'Libellé',
  jurisdiction: 'Lieu',
  rate: 'Taux',
  base: 'Base',
  perLine: '{fee} par ligne',
  lines: '{count} lignes',
  taxNotes: 'Mentions fiscales',
  recommendations: 'Pourriez-vous payer moins ?',
  recommendation: 'Avec le forfait {plan}, votre ligne {line} aurait coûté {alternative} au lieu de {current} sur la période ({saving} de moins).',
  page: 'Page {page} sur {pages}',
  continued: '(suite)',
  noCharges: 'Aucun montant sur cette période.',
  contact: 'Des questions ?',
};

const DE: InvoiceLabels = {
  invoice: 'RECHNUNG',
  creditNote: 'GUTSCHRIFT',
  debitNote: 'BELASTUNGSANZEIGE',
  number: 'Nummer',
  issueDate: 'Rechnungsdatum',
  dueDate: 'Fällig am',
  period: 'Zeitraum',
  account: 'Kundenkonto',
  customer: 'Kunde',
  vatId: 'USt-IdNr.',
  companyId: 'Handelsregister',
  billTo: 'Rechnungsempfänger',
  draft: 'ENTWURF - keine gültige Rechnung',
  void: 'STORNIERT - diese Rechnung wurde aufgehoben',
  corrects: 'Korrigiert Rechnung {number} vom {date}: {reason}',
  summary: 'Übersicht',
  yourBill: 'Ihre Rechnung für {period}',
  serviceCharges: 'Leistungen',
  governmentCharges: 'Steuern und staatliche Abgaben',
  taxesAndSurcharges: 'Steuern, Abgaben und Zuschläge',
  totalDue: 'Gesamtbetrag',
  totalCredited: 'Gesamtbetrag zu Ihren Gunsten',
  payBy: 'Bitte zahlen Sie bis zum {date}.',
  payment: 'Überweisung auf IBAN {iban}, Verwendungszweck {reference}.',
  sections: {
    plans: 'Tarife und Optionen',
    usage: 'Verbindungen',
    one_time: 'Einmalige Entgelte',
    promotions: 'Aktionen',
    discounts: 'Rabatte',
    adjustments: 'Korrekturen und Gutschriften',
  },
  accountLevel: 'Kundenkonto',
  lineFor: 'Anschluss {msisdn}',
  description: 'Beschreibung',
  servicePeriod: 'Zeitraum',
  quantity: 'Menge',
  unitPrice: 'Einzelpreis',
  tax: 'USt.',
  amount: 'Betrag',
  usageSummary: 'Ihre Nutzung',
  service: 'Dienst',
  category: 'Art',
  events: 'Anzahl',
  used: 'Genutzt',
  included: 'Inklusive',
  services: { voice: 'Telefonie', sms: 'SMS', data: 'Daten' },
  governmentSection: 'Steuern und staatliche Abgaben',
  governmentIntro: 'Gesetzlich vorgeschrieben und an die Behörden abgeführt; keine Entgelte von uns.',
  surchargesSection: 'Zuschläge des Anbieters',
  surchargesIntro: 'Von uns festgelegt, nicht gesetzlich vorgeschrieben.',
  charge: 'Abgabe',
  jurisdiction: 'Ort',
  rate: 'Satz',
  base: 'Grundlage',
  perLine: '{fee} je Anschluss',
  lines: '{count} Anschlüsse',
  taxNotes: 'Steuerliche Hinweise',
  recommendations: 'Könnten Sie weniger zahlen?',
  recommendation: 'Im Tarif {plan} hätte Ihr Anschluss {line} in diesem Zeitraum {alternative} statt {current} gekostet ({saving} weniger).',
  page: 'Seite {page} von {pages}',
  continued: '(Fortsetzung)',
  noCharges: 'Keine Entgelte in diesem Zeitraum.',
  contact: 'Fragen?',
};

const LABELS = { en: EN, fr: FR, de: DE } as const;

/** The labels for a document's language (its base language; English when not printed in it). */
export function labelsFor(language: string): InvoiceLabels {
  return LABELS[printLanguage(language)];
}

/** Fills a label template's {placeholders}; a missing value leaves the placeholder visible. */
export function fillLabel(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

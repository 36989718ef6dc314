import type { INVOICE_DETAIL_LEVELS, InvoiceLayout } from '../../catalog/account.types.ts';
import type { InvoiceDocument } from '../invoice.types.ts';
import { isBusinessBuyer } from './choose-invoice-layout.ts';
import { formatAmount, formatDate, formatMonth, formatPercent, formatQuantity, formatShortDate, lastDayOf } from './format-invoice-values.ts';
import { labelsFor, type InvoiceLabels } from './invoice-labels.ts';
import { layoutLabelsFor, type LayoutLabels } from './layout-labels.ts';

/** How much usage the invoice itemises (the account's invoice preference). */
export type InvoiceDetail = (typeof INVOICE_DETAIL_LEVELS)[number];

/** What the render was asked for: the layout chosen, the detail and large print. */
export interface PrintChoices {
  layout: InvoiceLayout;
  detail: InvoiceDetail;
  largePrint: boolean;
}

/** What every part of the printed invoice needs: the document, its words, and its formatters. */
export interface PrintContext {
  doc: InvoiceDocument;
  labels: InvoiceLabels;
  /** The words of the family and enterprise layouts and the call annex. */
  layoutLabels: LayoutLabels;
  /** A business buyer: its VAT id printed, and the detailed columns (unit price, VAT category) on every layout. */
  business: boolean;
  layout: InvoiceLayout;
  detail: InvoiceDetail;
  largePrint: boolean;
  money(value: string): string;
  quantity(value: string): string;
  percent(value: string): string;
  date(iso: string): string;
  /** "1 Mar - 31 Mar" for a [from, to) period, without years (for table cells). */
  shortPeriod(period: { from: string; to: string }): string;
  /** The document title: INVOICE, CREDIT NOTE or DEBIT NOTE in the document's language. */
  title: string;
  /** The period's label as printed: a YYYY-MM label as its month in words ("marzo de 2025"), any other as stored. */
  periodLabel: string;
}

/** Builds the print context of a document (language, layout, currency formatting). */
export function createPrintContext(doc: InvoiceDocument, choices: PrintChoices): PrintContext {
  const lang = doc.language;
  const labels = labelsFor(lang);
  const titles = { invoice: labels.invoice, credit_note: labels.creditNote, debit_note: labels.debitNote };
  return {
    doc,
    labels,
    layoutLabels: layoutLabelsFor(lang),
    business: isBusinessBuyer(doc),
    ...choices,
    money: (value) => formatAmount(value, doc.currency, lang),
    quantity: (value) => formatQuantity(value, lang),
    percent: (value) => formatPercent(value, lang),
    date: (iso) => formatDate(iso, lang),
    shortPeriod: (period) => {
      const last = lastDayOf(period);
      const first = formatShortDate(period.from, lang);
      return last === period.from ? first : `${first} – ${formatShortDate(last, lang)}`;
    },
    title: titles[doc.kind],
    periodLabel: /^\d{4}-\d{2}$/.test(doc.period.label) ? formatMonth(doc.period.label, lang) : doc.period.label,
  };
}

/** The period as printed in full: "March 2025 (1 March 2025 – 31 March 2025)". */
export function describePeriod(ctx: PrintContext): string {
  const { period } = ctx.doc;
  return `${ctx.periodLabel} (${ctx.date(period.from)} – ${ctx.date(lastDayOf(period))})`;
}
